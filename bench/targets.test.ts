import { describe, expect, it } from "vitest";
import type { Measurement } from "./measure";
import { judge, readByTargets } from "./targets";

const size = { bytes: 78_000, gzip: 28_000 };
const cell = (
  page: string,
  method: Measurement["method"],
  glossary: string,
  runsMs: number[],
): Measurement => ({
  page,
  method,
  glossary,
  status: "ok",
  mainMs: runsMs[(runsMs.length - 1) >> 1],
  cpuMs: runsMs[(runsMs.length - 1) >> 1],
  marks: method === "backstory" && page !== "synthetic-1mb" ? 0 : 10,
  runsMs,
});

describe("the targets' cells", () => {
  it("are those the ratios and the page with no term read", () => {
    expect(readByTargets("synthetic-1mb", "backstory", "50k")).toBe(true);
    expect(readByTargets("guardian-1", "markjs-regexp", "20k")).toBe(true);
    expect(readByTargets("yahoo-1", "none", "—")).toBe(true);
    expect(readByTargets("synthetic-1mb", "floor", "—")).toBe(true);
    expect(readByTargets("guardian-1", "backstory", "50k")).toBe(false);
    expect(readByTargets("guardian-1", "markjs-regexp", "50k")).toBe(false);
    expect(readByTargets("demo", "backstory", "bundled")).toBe(false);
    expect(readByTargets("synthetic-1mb", "regex-per-term", "bundled")).toBe(false);
  });
});

describe("judge", () => {
  it("gives the ratio of the middle runs and how far apart each cell's runs were", () => {
    const results = [
      cell("synthetic-1mb", "backstory", "bundled", [60, 70, 140]),
      cell("synthetic-1mb", "markjs-regexp", "bundled", [650, 700, 720]),
    ];
    const [verdict] = judge(results, size, 10);
    expect(verdict?.measured).toBe(
      "10× (70 ms vs 700 ms); by CPU 10× (70 ms vs 700 ms); 3 runs each: Backstory 60–140 ms, mark.js 650–720 ms",
    );
    expect(verdict?.pass).toBe(true);
  });

  it("gives Backstory's own time on a page with no term, less the page alone, with its runs", () => {
    const results = [
      cell("guardian-1", "backstory", "bundled", [8, 9, 15]),
      cell("guardian-1", "none", "—", [2, 3, 4]),
    ];
    const verdict = judge(results, size, 10).find((v) => v.target.includes("no term occurs"));
    expect(verdict?.measured).toBe(
      "6 ms on guardian-1 (9 ms, less 3 ms for the page alone), CPU 6 ms (its 3 runs: 8–15 ms)",
    );
    expect(verdict?.pass).toBe(false);
  });
});
