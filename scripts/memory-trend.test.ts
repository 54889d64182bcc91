import { describe, expect, it } from "vitest";
import { rise } from "./memory-trend";

const series = (values: number[]) => values.map((value, i) => ({ at: 60 + 10 * i, value }));

describe("rise", () => {
  it("is the growth of a steady leak from the first sample to the last", () => {
    expect(rise(series([10, 11, 12, 13, 14, 15, 16]))).toBeCloseTo(6);
  });

  it("is about zero for values that only jitter around a level", () => {
    expect(Math.abs(rise(series([1.5, 1.4, 2.4, 2.4, 1.3, 1.6, 1.4, 1.5])))).toBeLessThan(0.5);
  });

  it("is not fooled by one high last sample as a two-point difference would be", () => {
    expect(rise(series([1, 1, 1, 1, 1, 1, 3]))).toBeLessThan(2);
  });

  it("is zero with fewer than two points or a single moment", () => {
    expect(rise([])).toBe(0);
    expect(rise(series([5]))).toBe(0);
    expect(
      rise([
        { at: 1, value: 1 },
        { at: 1, value: 9 },
      ]),
    ).toBe(0);
  });
});
