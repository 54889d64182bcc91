// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { drawInside } from "./shadow-highlights";

describe("drawInside", () => {
  it("adopts the highlight rules once into a shadow root, after the page's own, and takes them out on abort", () => {
    const shadow = document.createElement("div").attachShadow({ mode: "open" });
    const theirs = new CSSStyleSheet();
    shadow.adoptedStyleSheets = [theirs];
    const off = new AbortController();
    drawInside(shadow, off.signal);
    drawInside(shadow, off.signal);
    expect(shadow.adoptedStyleSheets).toHaveLength(2);
    expect(shadow.adoptedStyleSheets[0]).toBe(theirs);
    // (What the sheet draws is checked in the real browsers: tests/e2e/hostile-pages.test.ts.)
    expect(shadow.adoptedStyleSheets[1]).toBeInstanceOf(CSSStyleSheet);
    off.abort();
    expect(shadow.adoptedStyleSheets).toEqual([theirs]);
  });

  it("leaves a page that breaks adoptedStyleSheets alone", () => {
    const shadow = document.createElement("div").attachShadow({ mode: "open" });
    Object.defineProperty(shadow, "adoptedStyleSheets", {
      get: () => {
        throw new Error("no");
      },
    });
    expect(() => drawInside(shadow, new AbortController().signal)).not.toThrow();
  });
});
