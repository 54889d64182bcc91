/**
 * npm run bench: Backstory's engine against mark.js, a regex per term and the bare-TreeWalker floor,
 * on five pages and four glossaries, in one headless Chromium run. Writes bench/results/latest.{md,json,
 * svg,png} and prints the table. BENCH_TIMEOUT_S (default 10) caps each slow method; BENCH_PAGES,
 * BENCH_METHODS and BENCH_GLOSSARIES (comma-separated names) run a subset, written to partial.*.
 * BENCH_REPEAT (default 3) is how often each cell is measured, and three times that for the cells a
 * target reads (see readByTargets): its middle run by main-thread time is kept.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../tests/support/server";
import { renderChart } from "./chart";
import { infiniteScroll, longArticle } from "./corpus";
import { bundledEntries, bundledGlossary, type Glossary, generatedGlossary } from "./glossaries";
import { type Bench, type Measurement, measure, type PageSpec } from "./measure";
import type { Method } from "./page-entry";
import { markdownReport, type RunInfo } from "./report";
import { bundlePageScript, bundleWorkerScript, contentScriptSize, highlightCss, machine } from "./setup";
import { readByTargets } from "./targets";

const RESULTS = join(import.meta.dirname, "results");
const timeoutMs = Number(process.env.BENCH_TIMEOUT_S ?? 10) * 1000;
export const REPEAT = Math.max(1, Math.floor(Number(process.env.BENCH_REPEAT ?? 3)) || 3);
/** The targets' ratios come from single cells: their middle run is steadier the more runs it is the middle of. */
export const TARGET_REPEAT = 3 * REPEAT;
const wanted = (variable: string) => (name: string) =>
  !process.env[variable] || process.env[variable].split(",").includes(name);

/**
 * Methods that take no glossary run once per page. "none" is the page alone: the harness's own cost
 * (its call into the page and the two frames every run waits for), taken away from Backstory's time
 * on a page with no term, and from the endless page's DOM and heap.
 */
const PLAIN: Method[] = ["floor", "none"];
const MARKING: Method[] = ["backstory", "backstory-all", "markjs-regexp", "markjs-array", "regex-per-term"];

/** On the endless page, take away the DOM and heap the page adds by itself (its "none" run). */
function netOfPage(results: Measurement[], live: PageSpec): void {
  for (const alone of results.filter(
    (r) => r.page === live.name && r.method === "none" && r.status === "ok",
  )) {
    for (const r of results.filter((m) => m.page === alone.page && m !== alone && m.status === "ok")) {
      r.nodesAdded = (r.nodesAdded ?? 0) - (alone.nodesAdded ?? 0);
      r.heapAddedMb = (r.heapAddedMb ?? 0) - (alone.heapAddedMb ?? 0);
      r.jsHeapAddedMb = (r.jsHeapAddedMb ?? 0) - (alone.jsHeapAddedMb ?? 0);
    }
  }
}

function pagesOn(url: (path: string) => string, terms: readonly string[]): PageSpec[] {
  return [
    { name: "demo", url: url("/demo"), live: false },
    { name: "guardian-1", url: url("/pages/guardian-1/"), live: false },
    { name: "yahoo-1", url: url("/pages/yahoo-1/"), live: false },
    { name: "synthetic-1mb", url: url("/bench/1mb"), live: false, html: longArticle(terms, 2 ** 20) },
    { name: "infinite-scroll", url: url("/bench/endless"), live: true, html: infiniteScroll(terms) },
  ];
}

/**
 * One cell, measured REPEAT times in fresh tabs (TARGET_REPEAT if a target reads it); the run with the
 * middle main-thread time is kept, with every run's time. On a
 * small machine other threads take the main thread's core now and then, and a single run can be off by
 * half. A run that gives up or crashes is kept at once (so a method near the time limit gives up more
 * often than with one run).
 */
async function measureSteadily(
  bench: Bench,
  page: PageSpec,
  method: Method,
  glossary: Glossary | null,
): Promise<Measurement> {
  const runs: Measurement[] = [];
  const repeat = readByTargets(page.name, method, glossary?.name ?? "—") ? TARGET_REPEAT : REPEAT;
  for (let i = 0; i < repeat; i++) {
    const result = await measure(bench, page, method, glossary);
    if (result.status !== "ok") return result;
    runs.push(result);
  }
  runs.sort((a, b) => (a.mainMs ?? 0) - (b.mainMs ?? 0));
  return { ...(runs[(runs.length - 1) >> 1] as Measurement), runsMs: runs.map((run) => run.mainMs ?? 0) };
}

/** Every page × method × glossary; once a method gives up or crashes on a page, larger glossaries are skipped. */
async function runAll(bench: Bench, pages: PageSpec[], glossaries: Glossary[]): Promise<Measurement[]> {
  const results: Measurement[] = [];
  const record = (result: Measurement) => {
    results.push(result);
    const time = result.status === "ok" ? `${result.mainMs?.toFixed(1)} ms` : (result.note ?? result.status);
    console.error(`  ${result.page} · ${result.glossary} · ${result.method}: ${time}`);
  };
  for (const page of pages) {
    for (const method of PLAIN.filter(wanted("BENCH_METHODS")))
      record(await measureSteadily(bench, page, method, null));
    for (const method of MARKING.filter(wanted("BENCH_METHODS"))) {
      let failedAt: string | null = null;
      // Every occurrence is a fairness check against mark.js, which marks every one; mark(array) is
      // capped at 500 terms, so a larger glossary would not change what it does: bundled only.
      const once = method === "backstory-all" || method === "markjs-array";
      for (const glossary of once ? glossaries.slice(0, 1) : glossaries) {
        if (failedAt) {
          record({
            page: page.name,
            glossary: glossary.name,
            method,
            status: "skipped",
            note: `not run: ${failedAt}`,
          });
          continue;
        }
        const result = await measureSteadily(bench, page, method, glossary);
        record(result);
        if (result.status !== "ok") failedAt = `${result.status} at ${glossary.name}`;
      }
    }
  }
  for (const page of pages.filter((p) => p.live)) netOfPage(results, page);
  return results;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0] as number;
  const contentScript = contentScriptSize();
  const entries = bundledEntries();
  const bundled = bundledGlossary(entries);
  const glossaries = [bundled, ...[2000, 20000, 50000].map((n) => generatedGlossary(n, entries))].filter(
    (glossary) => wanted("BENCH_GLOSSARIES")(glossary.name),
  );
  const script = await bundlePageScript();
  const workerScript = await bundleWorkerScript();
  const server = await startServer();
  const url = (path: string) => server.url(path).replace("127.0.0.1", "localhost");
  const pages = pagesOn(url, bundled.terms).filter((page) => wanted("BENCH_PAGES")(page.name));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const results = await runAll(
      { browser, script, workerScript, css: highlightCss(), timeoutMs },
      pages,
      glossaries,
    );
    const chart = renderChart(results);
    const png = await browser.newPage({ viewport: { width: 1200, height: 760 } });
    await png.setContent(`<body style="margin:0">${chart}</body>`);
    const info: RunInfo = {
      date: new Date().toISOString(),
      machine: machine(browser.version(), loadAtStart),
      timeoutS: timeoutMs / 1000,
      glossaries: glossaries.map(({ name, index, terms }) => ({
        name,
        entries: index.entries.count,
        terms: terms.length,
      })),
      contentScript,
      runSeconds: Math.round((Date.now() - started) / 1000),
      repeat: REPEAT,
      targetRepeat: TARGET_REPEAT,
    };
    // A subset run must not overwrite the full results the repository keeps.
    const name = ["BENCH_PAGES", "BENCH_METHODS", "BENCH_GLOSSARIES"].some((v) => process.env[v])
      ? "partial"
      : "latest";
    mkdirSync(RESULTS, { recursive: true });
    await png.screenshot({ path: join(RESULTS, `${name}.png`) });
    writeFileSync(join(RESULTS, `${name}.svg`), chart);
    writeFileSync(join(RESULTS, `${name}.json`), `${JSON.stringify({ ...info, results }, null, 2)}\n`);
    const report = markdownReport(info, results);
    writeFileSync(join(RESULTS, `${name}.md`), report);
    console.log(report);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
