import { describe, expect, it } from "vitest";
import { colorOf } from "./page-tone";

describe("colorOf", () => {
  it("reads computed colours as Chromium and Firefox give them", () => {
    expect(colorOf("rgb(18, 18, 18)")).toEqual([18, 18, 18, 1]);
    expect(colorOf("rgba(0, 0, 0, 0)")).toEqual([0, 0, 0, 0]);
    expect(colorOf("rgba(250, 204, 21, 0.35)")).toEqual([250, 204, 21, 0.35]);
    expect(colorOf("rgb(18 18 18 / 0.5)")).toEqual([18, 18, 18, 0.5]);
  });
});
