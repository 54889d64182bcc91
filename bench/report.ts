/** The Markdown report: the machine, issue 3's targets with ✓/✗, the content script, one table per page. */
import type { Measurement } from "./measure";
import type { Machine, ScriptSize } from "./setup";
import { judge } from "./targets";

export interface RunInfo {
  date: string;
  machine: Machine;
  timeoutS: number;
  glossaries: { name: string; entries: number; terms: number }[];
  contentScript: ScriptSize;
  runSeconds: number;
  /** How often each cell was measured (its middle run is reported). */
  repeat: number;
  /** How often each cell a target reads was measured. */
  targetRepeat: number;
}

const LABELS: Record<string, string> = {
  backstory: "Backstory",
  "backstory-all": "Backstory, every occurrence",
  "markjs-regexp": "mark.js markRegExp",
  "markjs-array": "mark.js mark(array), first 500 terms",
  "regex-per-term": "regex per term + <mark>",
  floor: "floor: bare TreeWalker",
  none: "page alone (no method)",
};

/** The page that keeps adding content while each method runs (see run.ts). */
const LIVE_PAGE = "infinite-scroll";

const num = (value: number | undefined, digits = 0) =>
  value === undefined
    ? "—"
    : value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const busy = (m: Machine) => Math.max(m.load.start, m.load.end) > m.cores;
const mark = (pass: boolean | null) => (pass === null ? "?" : pass ? "✓" : "✗");

function row(r: Measurement): string {
  const cells =
    r.status === "ok"
      ? [
          num(r.mainMs),
          num(r.cpuMs),
          num(r.longestMs),
          num(r.longTasks),
          `${num(r.layouts)} (${num(r.forcedLayouts)})`,
          num(r.layoutMs, 1),
          num(r.nodesAdded),
          num(r.heapAddedMb, 1),
          r.viewportMs === null ? "—" : num(r.viewportMs),
          num(r.marks),
          num(r.setupMs),
        ]
      : r.status === "skipped"
        ? [r.note ?? "not run"]
        : [
            r.status === "gave up" ? `**${r.note}**` : `**crashed**: ${r.note ?? ""}`.slice(0, 90),
            "",
            num(r.longestMs),
            num(r.longTasks),
          ];
  while (cells.length < 11) cells.push("");
  return `| ${LABELS[r.method] ?? r.method} | ${r.glossary} | ${cells.join(" | ")} |`;
}

const HEADER = [
  "| method | glossary | main thread ms | CPU ms | longest task ms | tasks >50 ms | layouts (forced) | layout ms | DOM nodes added | heap added MB | viewport marked ms | marks | setup ms |",
  "| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |",
];

export function markdownReport(info: RunInfo, results: Measurement[]): string {
  const { machine: m, contentScript: size } = info;
  const verdicts = judge(results, size, info.timeoutS);
  const pages = [...new Set(results.map((r) => r.page))];
  const lines = [
    `# Backstory benchmark, ${info.date.slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB memory, ${m.os}; Chromium ${m.chromium} (headless);` +
      ` Node ${m.node}; load average ${m.load.start.toFixed(1)} at the start, ${m.load.end.toFixed(1)} at the end.` +
      ` One run of \`npm run bench\`, ${info.runSeconds} s in all. Each cell was measured ${info.repeat} times` +
      ` (those the targets read: ${info.targetRepeat} times), each in a fresh tab, and its middle run by` +
      " main-thread time is reported. Slow methods are stopped after" +
      ` ${info.timeoutS} s (on the endless page: after the feed plus ${info.timeoutS} s).`,
    "",
    `Glossaries: ${info.glossaries.map((g) => `${g.name} (${num(g.terms)} terms, ${num(g.entries)} entries)`).join(", ")}.` +
      " The generated ones are the bundled entries plus deterministic, multi-word generated entries.",
    "",
    "## Targets from issue 3, as ratios from this run",
    "",
    ...(busy(m)
      ? [
          "The machine was busy during this run (load above its core count), so single timings can be off by",
          "tens of percent; ratios between methods are steadier than the milliseconds themselves.",
          "",
        ]
      : []),
    "| target | measured | |",
    "| --- | --- | --- |",
    ...verdicts.map((v) => `| ${v.target} | ${v.measured} | ${mark(v.pass)} |`),
    "",
    "## Content script (dist/chrome/src/content/index.js)",
    "",
    "| | bytes | gzipped |",
    "| --- | --: | --: |",
    `| as built | ${num(size.bytes)} | ${num(size.gzip)} |`,
    "",
    "## Results",
    "",
    "Every method works on the same root, the one Backstory picks (`findArticleRoot`), in a fresh tab.",
    'Backstory marks each entry\'s first occurrence (its default; at most 3,000 marks); "every occurrence"',
    "marks all, as mark.js does. mark.js markRegExp gets one case-insensitive `\\b(?:…)\\b` regex of every",
    "term, longest first; mark(array) gets the terms with mark.js's defaults (diacritics on); regex per",
    "term runs one `\\b…\\b` regex per term over every text node and wraps what it finds in `<mark>`.",
    "Main thread: time the renderer's main thread was busy (Chromium trace) from the start of the method",
    "until it is done and two frames are drawn. CPU: the same tasks' thread time, which leaves out the time",
    "the thread waited for a core (on a busy machine, much of the main-thread time). Setup is the part of",
    "main thread before any page text is read: reading the glossary and building the matcher or regex",
    "(Backstory loads no glossary: its pages hold only the entries found on them). Backstory's pages send",
    "their text to the background, which finds the terms in it and sends the rows of the entries found:",
    "a worker stands in for the background, started with the index before the run, and its thread is not",
    "counted, as the background's would not be; the page pays for sending the text and reading the",
    "answers as JSON, about what a runtime message costs it. Layouts in",
    "parentheses were forced by script. Heap: JS heap plus the DOM's heap after garbage collection.",
    "Viewport marked: until the last mark on the first screen was made. Page alone: no method at all,",
    "only what every run costs (the harness's call into the page and the two frames it waits for).",
  ];
  for (const page of pages) {
    lines.push("", `### ${page}`, "");
    if (page === LIVE_PAGE) {
      lines.push(
        "The page appends 50 paragraphs every 200 ms, 10 times, while each method keeps marking; the window",
        "ends 1 s after the last batch. Here the page's work and the method's share tasks, so main thread is",
        "the method's own script time from a CPU profile (no rendering, no GC), and CPU is not given; DOM nodes and heap are net",
        "of the page alone; longest task and layouts are the whole page's. Tasks >50 ms counts only those the",
        "method's own script took over 50 ms (from the same profile): the page's own can be long on a slow machine.",
        "",
      );
    }
    lines.push(...HEADER, ...results.filter((r) => r.page === page).map(row));
  }
  return `${lines.join("\n")}\n`;
}
