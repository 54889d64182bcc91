/**
 * npm run memory: how much memory Backstory holds on pages that live long, in headless Chromium. Two
 * pages run for two minutes each, with Backstory and without it (a control, side by side): an
 * infinite-scroll feed adding a paragraph of glossary terms every 200 ms, and a single-page app making
 * 200 navigations. Every 10 s the tab's garbage is collected and its heap (JS and DOM), its live DOM
 * nodes and Backstory's highlight ranges are read; Backstory's share is the difference between the two
 * runs. Prints the tables, writes build/memory.md, and exits non-zero unless the share is flat after
 * the first minute (its trend rises by at most 1 MB or 10 %) with no range left on removed text. MEMORY_SECONDS and MEMORY_NAVIGATIONS shorten a trial run.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { launch, type MemorySample, type Tab, type TestBrowser, waitFor } from "../tests/e2e/harness";
import { highlightRanges } from "../tests/e2e/memory-probes";
import { ROOT } from "../tests/support/paths";
import { startServer } from "../tests/support/server";
import { rise } from "./memory-trend";

const SECONDS = Number(process.env.MEMORY_SECONDS ?? 120);
const NAVIGATIONS = Number(process.env.MEMORY_NAVIGATIONS ?? 200);
const SAMPLE_S = 10;
/** From here on the share must hold still. */
const FLAT_FROM_S = Math.min(60, SECONDS / 2);
/** "Flat": the share's trend rises by at most this much from FLAT_FROM_S to the end, or 10 % if that is more. */
const FLAT_BYTES = 1024 * 1024;
const MB = 1024 * 1024;

interface Scenario {
  name: string;
  path: string;
  /** The global the page sets once it has finished. */
  done: string;
}

const SCENARIOS: Scenario[] = [
  {
    name: `Infinite scroll: a paragraph every 200 ms for ${SECONDS} s`,
    path: `/fixtures/memory-feed.html?every=200&seconds=${SECONDS}`,
    done: "feedDone",
  },
  {
    name: `Single-page app: ${NAVIGATIONS} navigations in ${SECONDS} s`,
    path: `/fixtures/memory-spa.html?navigations=${NAVIGATIONS}&every=${Math.round((SECONDS * 1000) / NAVIGATIONS)}`,
    done: "navigationsDone",
  },
];

interface Sample extends MemorySample {
  /** Seconds since the page loaded. */
  at: number;
  ranges: number;
  detached: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, Math.max(0, ms)));

async function read(tab: Tab, at: number): Promise<Sample> {
  const memory = await tab.memory();
  if (!memory) throw new Error("this browser cannot read a tab's memory (Chromium only)");
  return { at, ...memory, ...(await tab.evaluate(highlightRanges)) };
}

/** One page in one browser: a sample every SAMPLE_S seconds, and a last one once the page is done. */
async function record(browser: TestBrowser, url: string, done: string): Promise<Sample[]> {
  const tab = await browser.newTab();
  try {
    await tab.bringToFront();
    await tab.goto(url);
    // A reader's pointer resting on the text, as the page changes under it.
    await tab.mouseMove(400, 200);
    const start = Date.now();
    const samples: Sample[] = [];
    for (let at = 0; at <= SECONDS; at += SAMPLE_S) {
      await sleep(start + at * 1000 - Date.now());
      samples.push(await read(tab, at));
    }
    const flag = (name: string) => (window as unknown as Record<string, unknown>)[name];
    await waitFor(() => tab.evaluate(flag, done), `the page's ${done}`, 30_000);
    // Backstory batches changes (150 ms) and marks in slices: give it a moment to catch up.
    await sleep(2000);
    samples.push(await read(tab, Math.round((Date.now() - start) / 1000)));
    return samples;
  } finally {
    await tab.close();
  }
}

interface Outcome {
  scenario: Scenario;
  withIt: Sample[];
  without: Sample[];
  flat: boolean;
  verdict: string;
}

const total = (sample: Sample) => sample.jsHeap + sample.domHeap;
const mb = (bytes: number) => (bytes / MB).toFixed(2);

/** Backstory's share at each sample: with it minus without it, at the same moment of the page's life. */
function shares(outcome: Pick<Outcome, "withIt" | "without">): number[] {
  return outcome.withIt.map((sample, i) => total(sample) - total(outcome.without[i] ?? sample));
}

function judge(scenario: Scenario, withIt: Sample[], without: Sample[]): Outcome {
  const share = shares({ withIt, without });
  const late = withIt
    .map((sample, i) => ({ at: sample.at, value: share[i] ?? 0 }))
    .filter((point) => point.at >= FLAT_FROM_S);
  const meanLate = late.reduce((sum, point) => sum + point.value, 0) / Math.max(1, late.length);
  const growth = rise(late);
  const allowed = Math.max(FLAT_BYTES, 0.1 * Math.abs(meanLate));
  // Mid-run, a sample can fall between a change and the batch that handles it (150 ms); once the page
  // is done and Backstory has caught up, no range may be left on removed text.
  const settled = withIt[withIt.length - 1] as Sample;
  const control = without[without.length - 1] as Sample;
  const flat = growth <= allowed && settled.detached === 0;
  const verdict =
    `From ${late[0]?.at} s to the end Backstory's share went from ${mb(late[0]?.value ?? 0)} to ` +
    `${mb(late[late.length - 1]?.value ?? 0)} MB (mean ${mb(meanLate)} MB); its trend rose by ` +
    `${growth >= 0 ? "+" : ""}${mb(growth)} MB (allowed +${mb(allowed)} MB). At the end: ` +
    `${settled.ranges} highlight ranges, ${settled.detached} on removed text, live DOM nodes ` +
    `${settled.nodes} with Backstory and ${control.nodes} without. ` +
    (flat ? "Flat after the first minute ✓" : "NOT flat ✗");
  return { scenario, withIt, without, flat, verdict };
}

function table(outcome: Outcome): string[] {
  const share = shares(outcome);
  return [
    `## ${outcome.scenario.name}`,
    "",
    "| time (s) | heap with (MB) | heap without (MB) | Backstory's share (MB) | live DOM nodes with / without | highlight ranges (on removed text) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ...outcome.withIt.map((sample, i) => {
      const other = outcome.without[i] as Sample;
      return `| ${sample.at} | ${mb(total(sample))} | ${mb(total(other))} | ${mb(share[i] ?? 0)} | ${sample.nodes} / ${other.nodes} | ${sample.ranges} (${sample.detached}) |`;
    }),
    "",
    outcome.verdict,
    "",
  ];
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0] as number;
  const server = await startServer();
  const outcomes: Outcome[] = [];
  try {
    for (const scenario of SCENARIOS) {
      console.error(`${scenario.name}: running with Backstory and without, side by side…`);
      // A fresh browser per run and page: nothing carried over from the other page.
      const [withIt, without] = await Promise.all(
        [true, false].map(async (extension) => {
          const browser = await launch("chromium", { extension });
          try {
            return await record(browser, server.url(scenario.path), scenario.done);
          } finally {
            await browser.close();
          }
        }),
      );
      outcomes.push(judge(scenario, withIt as Sample[], without as Sample[]));
      console.error(`  ${outcomes[outcomes.length - 1]?.verdict}`);
    }
  } finally {
    await server.close();
  }
  const report = [
    "# Memory on pages that live long",
    "",
    `Run ${new Date().toISOString()} with \`npm run memory\` (headless Chromium, load average ` +
      `${loadAtStart.toFixed(2)} at the start). Heap is the tab's JS heap plus the DOM's own, after a ` +
      "forced garbage collection; the run without Backstory loads the same page in a browser without " +
      "the extension, at the same time. Default settings (first occurrence of each term marked); the " +
      "pointer rests on the page. Mid-run, a range on removed text is one waiting for the next batch.",
    "",
    ...outcomes.flatMap(table),
  ].join("\n");
  const build = join(ROOT, "build");
  mkdirSync(build, { recursive: true });
  writeFileSync(join(build, "memory.md"), report);
  console.log(report);
  console.log("Written to build/memory.md.");
  process.exitCode = outcomes.every((outcome) => outcome.flat) ? 0 : 1;
}

await main();
