/** Issue 3's targets, judged as ratios from one run's measurements. Reported, never asserted. */
import type { Measurement } from "./measure";
import type { ScriptSize } from "./setup";

export interface Verdict {
  target: string;
  measured: string;
  /** null when this run could not tell (a method gave up or did not run). */
  pass: boolean | null;
}

const BIG_PAGES = ["synthetic-1mb", "guardian-1", "yahoo-1"];
const RATIO_GLOSSARIES = ["bundled", "20k"];

/** Whether a target reads this cell (a page, a method, a glossary or "—"): the bench measures those more often. */
export function readByTargets(page: string, method: string, glossary: string): boolean {
  if (!BIG_PAGES.includes(page)) return false;
  if (method === "backstory") return RATIO_GLOSSARIES.includes(glossary) || page === "synthetic-1mb";
  if (method === "markjs-regexp") return RATIO_GLOSSARIES.includes(glossary);
  if (method === "floor") return page === "synthetic-1mb";
  return method === "none";
}
const ms = (value: number) => `${Math.round(value).toLocaleString("en")} ms`;
const times = (ratio: number) => `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}×`;

/** The fastest and slowest of a cell's runs, when it has more than one. */
function spread(label: string, r: Measurement): string {
  const runs = r.runsMs ?? [];
  if (runs.length < 2) return "";
  return `${label} ${Math.round(runs[0] as number).toLocaleString("en")}–${ms(runs.at(-1) as number)}`;
}

/** How far apart the runs of the two cells a ratio compares were. */
function runsOf(first: [string, Measurement], second: [string, Measurement]): string {
  const both = [spread(...first), spread(...second)].filter(Boolean);
  const count = first[1].runsMs?.length ?? 0;
  return both.length > 0 ? `; ${count} runs each: ${both.join(", ")}` : "";
}

/**
 * The same comparison by CPU time, when both have it (steadier on a busy machine): the ratio as the
 * target takes it, then the two times in the order given.
 */
function byCpu(
  first: Measurement,
  second: Measurement,
  ratio: (first: number, second: number) => number,
): string {
  if (!first.cpuMs || !second.cpuMs) return "";
  return `; by CPU ${times(ratio(first.cpuMs, second.cpuMs))} (${ms(first.cpuMs)} vs ${ms(second.cpuMs)})`;
}

export function judge(results: Measurement[], size: ScriptSize, timeoutS: number): Verdict[] {
  const find = (page: string, method: string, glossary: string) =>
    results.find((r) => r.page === page && r.method === method && r.glossary === glossary);
  const ok = (r: Measurement | undefined): r is Measurement & { mainMs: number } =>
    r?.status === "ok" && r.mainMs !== undefined;
  const backstory = results.filter((r) => r.method === "backstory" && r.status === "ok");
  const verdicts: Verdict[] = [];

  for (const [glossary, want] of [
    ["bundled", 10],
    ["20k", 100],
  ] as const) {
    for (const page of BIG_PAGES) {
      const ours = find(page, "backstory", glossary);
      const theirs = find(page, "markjs-regexp", glossary);
      const target = `≥${want}× faster than mark.js markRegExp, ${glossary} glossary, ${page}`;
      if (!ok(ours) || !theirs || theirs.status === "skipped") {
        verdicts.push({ target, measured: "not measured", pass: null });
        continue;
      }
      const gaveUp = !ok(theirs);
      const their = ok(theirs) ? theirs.mainMs : timeoutS * 1000;
      const ratio = their / ours.mainMs;
      const measured =
        `${gaveUp ? "≥" : ""}${times(ratio)} (${ms(ours.mainMs)} vs ${gaveUp ? "gave up after " : ""}${ms(their)})` +
        (gaveUp
          ? ""
          : byCpu(ours, theirs, (a, b) => b / a) + runsOf(["Backstory", ours], ["mark.js", theirs]));
      verdicts.push({ target, measured, pass: ratio >= want || (gaveUp ? null : false) });
    }
  }

  const ours = find("synthetic-1mb", "backstory", "bundled");
  const floor = find("synthetic-1mb", "floor", "—");
  if (ok(ours) && ok(floor)) {
    const ratio = ours.mainMs / floor.mainMs;
    verdicts.push({
      target: "within 3× of the bare-TreeWalker floor, synthetic-1mb, bundled glossary",
      measured:
        `${times(ratio)} (${ms(ours.mainMs)} vs ${ms(floor.mainMs)})${byCpu(ours, floor, (a, b) => a / b)}` +
        runsOf(["Backstory", ours], ["floor", floor]),
      pass: ratio <= 3,
    });
  }
  const big = find("synthetic-1mb", "backstory", "50k");
  if (ok(ours) && ok(big)) {
    const marking = (r: Measurement & { mainMs: number }) => r.mainMs - (r.setupMs ?? 0);
    const ratio = marking(big) / marking(ours);
    verdicts.push({
      target: "flat in glossary size: 50k terms ≤1.5× the bundled glossary, synthetic-1mb (setup excluded)",
      measured: `${times(ratio)} (${ms(marking(big))} vs ${ms(marking(ours))}; with setup ${times(big.mainMs / ours.mainMs)})`,
      pass: ratio <= 1.5,
    });
  }

  const worst = (key: "longTasks" | "nodesAdded" | "forcedLayouts") => {
    const sorted = [...backstory].sort((a, b) => (b[key] ?? 0) - (a[key] ?? 0));
    const top = sorted[0];
    const total = backstory.reduce((sum, r) => sum + (r[key] ?? 0), 0);
    const where = top && (top[key] ?? 0) > 0 ? `; most: ${top[key]} on ${top.page}, ${top.glossary}` : "";
    return { measured: `${total} in ${backstory.length} runs${where}`, pass: total === 0 };
  };
  verdicts.push({ target: "zero tasks over 50 ms", ...worst("longTasks") });
  verdicts.push({ target: "zero DOM nodes added to the page", ...worst("nodesAdded") });
  verdicts.push({ target: "zero forced layouts", ...worst("forcedLayouts") });

  // Backstory's own time there: every run also pays for the harness, which the page alone measures.
  const empty = backstory
    .filter((r) => r.glossary === "bundled" && r.marks === 0)
    .map((run) => {
      const alone = results.find((r) => r.page === run.page && r.method === "none" && r.status === "ok");
      return { run, alone, own: Math.max(0, (run.mainMs ?? 0) - (alone?.mainMs ?? 0)) };
    });
  verdicts.push({
    target: "≤3 ms of main-thread time on a page where no term occurs (bundled glossary)",
    measured:
      empty
        .map(
          ({ run, alone, own }) =>
            `${ms(own)} on ${run.page}` +
            (alone ? ` (${ms(run.mainMs ?? 0)}, less ${ms(alone.mainMs ?? 0)} for the page alone)` : "") +
            (run.cpuMs ? `, CPU ${ms(run.cpuMs - (alone?.cpuMs ?? 0))}` : "") +
            (run.runsMs && run.runsMs.length > 1
              ? ` (${spread(`its ${run.runsMs.length} runs:`, run)})`
              : ""),
        )
        .join("; ") || "no such page in this run",
    pass: empty.length > 0 ? empty.every(({ own }) => own <= 3) : null,
  });
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  verdicts.push({
    target: "content script ≤30 kB gzipped, glossary index excluded",
    measured: `${kb(size.gzip)} (the index is not in it: pages ask the background)`,
    pass: size.gzip <= 30_000,
  });
  for (const [glossary, limit] of [
    ["bundled", 5],
    ["50k", 20],
  ] as const) {
    const runs = backstory.filter((r) => r.glossary === glossary && r.heapAddedMb !== undefined);
    const most = Math.max(...runs.map((r) => r.heapAddedMb ?? 0));
    verdicts.push({
      target: `memory added to the tab ≤${limit} MB, ${glossary} glossary`,
      measured: runs.length > 0 ? `${most.toFixed(1)} MB at most (${runs.length} pages)` : "not measured",
      pass: runs.length > 0 ? most <= limit : null,
    });
  }
  return verdicts;
}
