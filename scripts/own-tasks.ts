/**
 * Backstory's own work per task on the main thread, per page, in headless Chromium: from the content
 * script's start (inside the page's first parse) through marking to an explainer opened by hovering,
 * and the toolbar popup's list of the page's terms (counted afresh from its text).
 * Long-task timings cannot say whose work a task was (on the 5 MB page the page's own parsing takes a
 * second), so this reads a trace: the renderer's tasks, and the sampling profiler's samples in each
 * with the content script on the stack. Rendering the browser does after our script has run (style,
 * layout, paint of the marks) is not counted. Used by scripts/reliability.ts; `tsx
 * scripts/own-tasks.ts` alone prints the table.
 */
import type { BrowserContext } from "playwright-core";
import { launchChromiumContext, waitFor } from "../tests/e2e/harness";
import { pointOnText } from "../tests/e2e/probes";
import { startServer } from "../tests/support/server";

/** The hostile pages of tests/e2e/hostile-pages.test.ts that load on their own, and the word hovered. */
const PAGES = [
  { page: "/demo", hover: "Idlib" },
  { page: "/fixtures/hostile-prototypes.html", hover: "Idlib" },
  { page: "/fixtures/hostile-events.html", hover: "Idlib" },
  { page: "/fixtures/hostile-csp.html", hover: "Idlib" },
  { page: "/fixtures/hostile-frames.html", hover: "Idlib" },
  { page: "/fixtures/hostile-big-text.html", hover: "S-400" },
  { page: "/fixtures/hostile-text-nodes.html", hover: "S-400" },
  { page: "/fixtures/hostile-mutations.html?seconds=5", hover: "S-400" },
  { page: "/fixtures/hostile-spa.html", hover: "S-400" },
  { page: "/fixtures/hostile-body.html", hover: "S-400" },
];
export const LIMIT_MS = 50;

export interface OwnTasks {
  page: string;
  /** The most of Backstory's own script time in one task, in ms. */
  mostInOneTaskMs: number;
  /** How long that task ran in all (the page's own work in it too), in ms. */
  thatTaskMs: number;
  /** All of Backstory's script time, in ms. */
  totalMs: number;
  opened: boolean;
  /** Whether the toolbar popup listed the page's terms. */
  listed: boolean;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    data?: {
      startTime?: number;
      cpuProfile?: {
        nodes?: { id: number; parent?: number; callFrame: { url: string } }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

/** Backstory's sampled script time per task, over every thread profiled in a trace. */
export function ownTaskTimes(events: TraceEvent[]): Omit<OwnTasks, "page" | "opened" | "listed"> {
  const profiles = events.filter((event) => event.name === "Profile");
  if (profiles.length === 0) throw new Error("The trace has no CPU profile.");
  const times = profiles.map((profile) => profileTaskTimes(events, profile));
  const most = times.reduce((a, b) => (b.mostInOneTaskMs > a.mostInOneTaskMs ? b : a));
  return { ...most, totalMs: times.reduce((sum, time) => sum + time.totalMs, 0) };
}

/** One profiled thread (a renderer's main thread): Backstory's sampled time per task of it. */
function profileTaskTimes(
  events: TraceEvent[],
  profile: TraceEvent,
): Omit<OwnTasks, "page" | "opened" | "listed"> {
  const parent = new Map<number, number>();
  const url = new Map<number, string>();
  const samples: { at: number; node: number }[] = [];
  let at = profile.args?.data?.startTime ?? 0;
  for (const chunk of events.filter((event) => event.name === "ProfileChunk" && event.id === profile.id)) {
    const data = chunk.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) {
      url.set(node.id, node.callFrame.url);
      if (node.parent !== undefined) parent.set(node.id, node.parent);
    }
    const deltas = data?.timeDeltas ?? [];
    (data?.cpuProfile?.samples ?? []).forEach((node, i) => {
      at += deltas[i] ?? 0;
      samples.push({ at, node });
    });
  }
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    let known = ours.get(id);
    if (known === undefined) {
      const up = parent.get(id);
      known = Boolean(url.get(id)?.startsWith("chrome-extension://")) || (up !== undefined && isOurs(up));
      ours.set(id, known);
    }
    return known;
  };
  // Each sample stands for the time until the next one (and never past the end of its task).
  const own = samples.map((sample, i) => ({
    at: sample.at,
    until: samples[i + 1]?.at ?? sample.at,
    ours: isOurs(sample.node),
  }));
  const tasks = topLevelTasks(events, profile);
  let most = 0;
  let thatTask = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    let mine = 0;
    for (const sample of own)
      if (sample.ours && sample.at >= task.ts && sample.at < end)
        mine += Math.min(sample.until, end) - sample.at;
    if (mine > most) {
      most = mine;
      thatTask = task.dur ?? 0;
    }
  }
  let total = 0;
  // Samples come every 0.1 ms while the thread is busy; a longer gap to the next one is idle time.
  for (const sample of own) if (sample.ours) total += Math.min(sample.until - sample.at, 1000);
  return { mostInOneTaskMs: most / 1000, thatTaskMs: thatTask / 1000, totalMs: total / 1000 };
}

export async function measureOwnTasks(): Promise<OwnTasks[]> {
  const server = await startServer();
  const context = await launchChromiumContext();
  const rows: OwnTasks[] = [];
  try {
    for (const { page, hover } of PAGES) {
      // Now and then the profile misses the renderer (no sample of any script): measure again.
      let row = await measurePage(context, server.url(page), hover);
      if (row.totalMs === 0) row = await measurePage(context, server.url(page), hover);
      rows.push({ page, ...row });
    }
  } finally {
    await context.close();
    await server.close();
  }
  return rows;
}

async function measurePage(
  context: BrowserContext,
  url: string,
  hover: string,
): Promise<Omit<OwnTasks, "page">> {
  const page = await context.newPage();
  const browser = context.browser();
  if (!browser) throw new Error("No browser to trace.");
  await browser.startTracing(page, { categories: ["toplevel", "disabled-by-default-v8.cpu_profiler"] });
  await page.goto(url, { timeout: 60_000 }).catch(() => undefined);
  // Polled by hand: waitForFunction needs a working MutationObserver, which one page replaces.
  const until = (probe: () => boolean, timeout: number) =>
    waitFor(() => page.evaluate(probe).catch(() => false), "the page", timeout).then(
      () => true,
      () => false,
    );
  await until(() => (CSS.highlights.get("backstory")?.size ?? 0) > 0, 60_000);
  await page.waitForTimeout(1000);
  const point = await page.evaluate(pointOnText, hover);
  if (point) await page.mouse.move(point.x, point.y, { steps: 4 });
  const opened = await until(() => document.querySelector("backstory-explainer") !== null, 8000);
  await page.waitForTimeout(1000);
  const listed = await listTerms(context);
  await page.waitForTimeout(500);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await page.close();
  return { ...ownTaskTimes(trace.traceEvents), opened, listed };
}

/** The part of the background's chrome.tabs that listTerms uses. */
interface TabsApi {
  tabs: {
    query(filter: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/**
 * Asks the page for its terms as the toolbar popup does on opening (the page counts them afresh from
 * its text), from the background, so no other page of ours runs in the trace. The page is the only
 * tab with a content script (the others are blank). Whether it listed any.
 */
async function listTerms(context: BrowserContext): Promise<boolean> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const terms = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: TabsApi }).chrome;
    for (const { id } of await api.tabs.query({})) {
      if (id === undefined) continue;
      const answer = await api.tabs.sendMessage(id, { call: "listTerms", args: [] }).catch(() => null);
      if (Array.isArray(answer)) return answer;
    }
    return [];
  });
  return terms.length > 0;
}

/**
 * The thread's tasks: the outermost of the trace's task events. Chromium's trace names a task two
 * ways ("RunTask", "ThreadControllerImpl::RunTask"), nests them at times, and runs some microtask
 * checkpoints (where promise continuations run, such as a storage or message reply's) outside both;
 * reading only one name left most of a reader's-glossary load uncounted.
 */
const TASK_EVENTS = new Set([
  "RunTask",
  "ThreadControllerImpl::RunTask",
  "BlinkScheduler_PerformMicrotaskCheckpoint",
]);

function topLevelTasks(events: TraceEvent[], profile: TraceEvent): TraceEvent[] {
  const all = events
    .filter(
      (event) =>
        TASK_EVENTS.has(event.name) &&
        event.ph === "X" &&
        event.pid === profile.pid &&
        event.tid === profile.tid,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: TraceEvent[] = [];
  for (const event of all) {
    const last = tasks.at(-1);
    if (!last || event.ts >= last.ts + (last.dur ?? 0)) tasks.push(event);
  }
  return tasks;
}

export function ownTasksTable(rows: OwnTasks[]): string[] {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    `| page | most of Backstory's script in one task | that task in all | all of Backstory's script | explainer opened | popup listed its terms | ≤${LIMIT_MS} ms |`,
    "| --- | --: | --: | --: | --- | --- | --- |",
    ...rows.map((row) =>
      row.totalMs === 0
        ? `| ${row.page} | not measured: no sample of Backstory's script | | | | | ✗ |`
        : `| ${row.page} | ${ms(row.mostInOneTaskMs)} | ${ms(row.thatTaskMs)} | ${ms(row.totalMs)} | ${row.opened ? "yes" : "no"} | ${row.listed ? "yes" : "no"} | ${row.mostInOneTaskMs <= LIMIT_MS ? "✓" : "✗"} |`,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(ownTasksTable(await measureOwnTasks()).join("\n"));
