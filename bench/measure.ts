/**
 * One measurement: a fresh tab, the page, the bench script, then one method under a Chromium trace,
 * with the heap and the DOM counted before and after. A method still running at its time limit is
 * stopped (Runtime.terminateExecution) and reported as given up.
 */
import type { Browser, CDPSession, Page } from "playwright-core";
import { FEED } from "./corpus";
import type { Glossary } from "./glossaries";
import type * as PageEntry from "./page-entry";
import type { Method, RunResult } from "./page-entry";
import { ownScriptMs, ownScriptMsIn } from "./profile";
import { summarize, type TraceSummary } from "./trace";

export interface PageSpec {
  name: string;
  url: string;
  /** The endless page: methods keep marking while it appends paragraphs. */
  live: boolean;
  /** Served for url instead of fetching it (generated pages). */
  html?: string;
}

export interface Measurement extends Partial<TraceSummary>, Partial<RunResult> {
  page: string;
  glossary: string;
  method: Method;
  status: "ok" | "gave up" | "crashed" | "skipped";
  note?: string;
  nodesAdded?: number;
  /** JS heap plus the DOM's own heap (text nodes, elements, StaticRanges), after garbage collection. */
  heapAddedMb?: number;
  jsHeapAddedMb?: number;
  /** The main-thread time of each run of this cell, fastest first: how far apart the runs were. */
  runsMs?: number[];
}

export interface Bench {
  browser: Browser;
  /** The bundled page-entry.ts. */
  script: string;
  /** The bundled scan-worker.ts, the background's stand-in. */
  workerScript: string;
  /** Backstory's highlight style, as the content script's stylesheet would apply it. */
  css: string;
  timeoutMs: number;
}

const CATEGORIES = ["devtools.timeline", "toplevel"];
const FEED_MS = FEED.batches * FEED.everyMs;
const MB = 1024 * 1024;
export const SCRIPT_URL = "backstory-bench.js";

type Window = { backstoryBench: typeof PageEntry };

/** A fresh tab on the page, the bench script and Backstory's highlight style injected. */
async function open(bench: Bench, spec: PageSpec): Promise<{ tab: Page; cdp: CDPSession }> {
  const tab = await bench.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await tab.context().newCDPSession(tab);
  // Saved pages ask for scripts, fonts and ads elsewhere: the browser refuses them at once, as if
  // offline. Our pages come from http://localhost, whose host has no dot.
  await cdp.send("Network.enable");
  await cdp.send("Network.setBlockedURLs", { urls: ["https://*", "http://*.*/*"] });
  const html = spec.html;
  if (html) await tab.route(spec.url, (route) => route.fulfill({ body: html, contentType: "text/html" }));
  await tab.goto(spec.url, { waitUntil: "load", timeout: 60_000 });
  await tab.addScriptTag({ content: bench.script });
  await tab.addStyleTag({ content: bench.css });
  return { tab, cdp };
}

/** Bytes in use after a full garbage collection: the JS heap, and that plus the DOM's own heap. */
async function heap(cdp: CDPSession): Promise<{ js: number; all: number }> {
  await cdp.send("HeapProfiler.collectGarbage");
  const usage = await cdp.send("Runtime.getHeapUsage");
  return { js: usage.usedSize, all: usage.usedSize + usage.embedderHeapUsedSize };
}

type Outcome = { result: RunResult } | { error: string } | { timedOut: true };

/** Runs the method in the page; past the limit, stops whatever script is running there. */
async function runWithin(tab: Page, cdp: CDPSession, args: [Method, string, boolean], limit: number) {
  const running = tab.evaluate((args) => (window as unknown as Window).backstoryBench.run(...args), args);
  running.catch(() => undefined); // after a give-up it rejects when the tab closes
  let timer: NodeJS.Timeout | undefined;
  const outcome: Outcome = await Promise.race([
    running.then(
      (result) => ({ result }),
      (error: Error) => ({ error: error.message.split("\n")[0] ?? "" }),
    ),
    new Promise<{ timedOut: true }>((done) => {
      timer = setTimeout(() => done({ timedOut: true }), limit);
    }),
  ]).finally(() => clearTimeout(timer));
  if ("timedOut" in outcome) await cdp.send("Runtime.terminateExecution");
  return outcome;
}

export async function measure(
  bench: Bench,
  spec: PageSpec,
  method: Method,
  glossary: Glossary | null,
): Promise<Measurement> {
  const base = { page: spec.name, glossary: glossary?.name ?? "—", method };
  const { tab, cdp } = await open(bench, spec);
  try {
    const nodes = () => tab.evaluate(() => (window as unknown as Window).backstoryBench.countNodes());
    const index = glossary?.index;
    const terms = method.startsWith("backstory") ? "[]" : JSON.stringify(glossary?.terms ?? []);
    // Before the heap is measured: the worker stands in for the background, which is not the tab's.
    if (method.startsWith("backstory"))
      await tab.evaluate(
        ([code, json]) => (window as unknown as Window).backstoryBench.prepareBackstory(code, json),
        [bench.workerScript, JSON.stringify(index)] as const,
      );
    const heapBefore = await heap(cdp);
    const nodesBefore = await nodes();
    if (spec.live) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
      await cdp.send("Profiler.start");
    }
    await bench.browser.startTracing(tab, { categories: CATEGORIES });
    const limit = bench.timeoutMs + (spec.live ? FEED_MS + 2000 : 0);
    const outcome = await runWithin(tab, cdp, [method, terms, spec.live], limit);
    const { longSpans, ...trace } = summarize(
      JSON.parse((await bench.browser.stopTracing()).toString()).traceEvents,
    );
    if (spec.live) {
      // The page's own work shares our tasks: count only our script, which the profile can tell apart.
      const { profile } = await cdp.send("Profiler.stop");
      trace.mainMs = ownScriptMs(profile, SCRIPT_URL);
      delete trace.cpuMs;
      // A task over 50 ms is the method's doing only if, without its script, the task would not be.
      const own = ownScriptMsIn(profile, SCRIPT_URL, longSpans);
      trace.longTasks = longSpans.filter(([from, to], i) => (to - from) / 1000 - (own[i] ?? 0) <= 50).length;
    }

    if ("timedOut" in outcome)
      return { ...base, ...trace, status: "gave up", note: `gave up after ${limit / 1000} s` };
    if ("error" in outcome) return { ...base, ...trace, status: "crashed", note: outcome.error };
    const nodesAdded = (await nodes()) - nodesBefore;
    const heapAfter = await heap(cdp);
    return {
      ...base,
      ...trace,
      ...outcome.result,
      status: "ok",
      nodesAdded,
      heapAddedMb: (heapAfter.all - heapBefore.all) / MB,
      jsHeapAddedMb: (heapAfter.js - heapBefore.js) / MB,
    };
  } finally {
    await tab.close();
  }
}
