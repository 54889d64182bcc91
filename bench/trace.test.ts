import { describe, expect, it } from "vitest";
import { summarize } from "./trace";

const at = { pid: 1, tid: 1 };
const stamp = (message: string, ts: number) => ({
  ...at,
  name: "TimeStamp",
  ph: "I",
  ts,
  args: { data: { message } },
});
const task = (ts: number, dur: number, tdur: number, name = "ThreadControllerImpl::RunTask") => ({
  ...at,
  name,
  ph: "X",
  ts,
  dur,
  tdur,
});

describe("summarize", () => {
  it("counts each task once, its thread time apart from its wall time, cut at the window's ends", () => {
    const summary = summarize([
      stamp("bench-start", 10_000),
      // Half of it inside the window.
      task(8_000, 4_000, 2_000),
      // A task with a microtask checkpoint inside it: one task.
      task(20_000, 60_000, 30_000),
      task(30_000, 10_000, 10_000, "BlinkScheduler_PerformMicrotaskCheckpoint"),
      // A task with one nested in it from its very start, written first as Chromium writes it.
      task(82_000, 5_000, 5_000, "BlinkScheduler_PerformMicrotaskCheckpoint"),
      task(82_000, 8_000, 6_000),
      stamp("bench-end", 100_000),
      task(99_000, 2_000, 2_000),
    ]);
    expect(summary.mainMs).toBeCloseTo(2 + 60 + 8 + 1);
    expect(summary.cpuMs).toBeCloseTo(1 + 30 + 6 + 1);
    expect(summary.longestMs).toBeCloseTo(60);
    expect(summary.longTasks).toBe(1);
  });
});
