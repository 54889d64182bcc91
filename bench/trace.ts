/**
 * Reads a Chromium trace between the page's "bench-start" and "bench-end" time stamps: how long the
 * page's main thread was busy, its longest task, and every layout, with those forced by script.
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time: how long the thread actually ran, without the time it waited for a core. */
  tdur?: number;
  args?: { data?: { message?: string } };
}

export interface TraceSummary {
  mainMs: number;
  /**
   * The CPU time of the same tasks (thread time). On a busy machine the main thread waits for a
   * core inside its tasks; this leaves that waiting out, so it varies less from run to run. Not
   * given on the endless page, whose tasks the page's own work shares.
   */
  cpuMs?: number;
  /** Of mainMs, the part before "bench-setup": reading the glossary, building what the method matches with. */
  setupMs: number;
  longestMs: number;
  /** Tasks over 50 ms: what the reader feels as jank. */
  longTasks: number;
  layouts: number;
  layoutMs: number;
  /** Layouts run inside script (a script asked for geometry), not in the browser's own frame update. */
  forcedLayouts: number;
}

const TASKS = new Set([
  "ThreadControllerImpl::RunTask",
  "RunTask",
  "BlinkScheduler_PerformMicrotaskCheckpoint",
]);
const SCRIPT = new Set([
  "EvaluateScript",
  "FunctionCall",
  "TimerFire",
  "FireAnimationFrame",
  "BlinkScheduler_PerformMicrotaskCheckpoint",
  "RunMicrotasks",
  "EventDispatch",
]);

/** Where something began and ended (trace time, µs). */
export type Span = [number, number];

/** Complete events, with begin/end pairs joined into one span. */
function spans(events: TraceEvent[], names: Set<string>): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  const open = new Map<string, number[]>();
  const listOf = <T>(map: Map<string, T[]>, name: string): T[] => {
    const list = map.get(name) ?? [];
    map.set(name, list);
    return list;
  };
  const push = (name: string, span: Span) => listOf(out, name).push(span);
  for (const event of events) {
    if (!names.has(event.name)) continue;
    if (event.ph === "X") push(event.name, [event.ts, event.ts + (event.dur ?? 0)]);
    else if (event.ph === "B") listOf(open, event.name).push(event.ts);
    else if (event.ph === "E") {
      const begin = open.get(event.name)?.pop();
      if (begin !== undefined) push(event.name, [begin, event.ts]);
    }
  }
  return out;
}

/** Nested and overlapping spans merged: each merged span is one task as the page felt it. */
function merge(list: Span[]): Span[] {
  const merged: Span[] = [];
  for (const [from, to] of [...list].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The trace's summary, and where its tasks over 50 ms were. */
export function summarize(traceEvents: TraceEvent[]): TraceSummary & { longSpans: Span[] } {
  const stamps = traceEvents.filter((event) => event.name === "TimeStamp");
  const first = stamps.find((event) => event.args?.data?.message === "bench-start");
  if (!first) throw new Error("The trace holds no bench-start time stamp.");
  const main = traceEvents
    .filter((event) => event.pid === first.pid && event.tid === first.tid)
    .sort((a, b) => a.ts - b.ts);
  const from = first.ts;
  const to =
    stamps.find((event) => event.args?.data?.message === "bench-end")?.ts ??
    Math.max(...main.map((event) => event.ts + (event.dur ?? 0)));
  const clip = ([a, b]: Span): Span => [Math.max(a, from), Math.min(b, to)];
  const tasks = merge([...spans(main, TASKS).values()].flat())
    .map(clip)
    .filter(([a, b]) => b > a);
  const lengths = tasks.map(([a, b]) => (b - a) / 1000);
  const setupEnd = stamps.find((event) => event.args?.data?.message === "bench-setup")?.ts ?? from;
  const setupMs = tasks.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, setupEnd) - a) / 1000, 0);
  const layouts = (spans(main, new Set(["Layout"])).get("Layout") ?? []).filter(
    ([a]) => a >= from && a <= to,
  );
  const scripts = [...spans(main, SCRIPT).values()].flat();
  const forced = layouts.filter(([a, b]) => scripts.some(([s, e]) => s <= a && b <= e));
  return {
    mainMs: lengths.reduce((sum, ms) => sum + ms, 0),
    cpuMs: threadTimeMs(main, from, to),
    setupMs,
    longestMs: Math.max(0, ...lengths),
    longTasks: lengths.filter((ms) => ms > 50).length,
    longSpans: tasks.filter(([a, b]) => b - a > 50_000),
    layouts: layouts.length,
    layoutMs: layouts.reduce((sum, [a, b]) => sum + (b - a) / 1000, 0),
    forcedLayouts: forced.length,
  };
}

/** The thread time of the outermost tasks in [from, to]; a task cut by either end counts in proportion. */
function threadTimeMs(main: TraceEvent[], from: number, to: number): number {
  let total = 0;
  let outerEnd = -Infinity;
  // A task and one nested in it can start together: the outer one, the longer, comes first.
  const tasks = main
    .filter((event) => event.ph === "X" && TASKS.has(event.name))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const event of tasks) {
    if (event.ts < outerEnd) continue;
    const dur = event.dur ?? 0;
    outerEnd = event.ts + dur;
    const inside = Math.min(outerEnd, to) - Math.max(event.ts, from);
    if (inside > 0 && dur > 0) total += ((event.tdur ?? dur) * inside) / dur;
  }
  return total / 1000;
}
