import { describe, expect, it } from "vitest";
import { parseCall } from "./messages";

describe("scanTexts calls", () => {
  const call = (args: unknown[]) => parseCall({ call: "scanTexts", args });

  it("take a list of texts, the page's date when it is one, the index's version or null, and the entries held", () => {
    expect(call([["a", "b"], "2025-07-01", "bundled", [0, 4]])).toEqual({
      call: "scanTexts",
      args: [["a", "b"], "2025-07-01", "bundled", [0, 4]],
    });
    expect(call([[], "July", null, []])).toEqual({ call: "scanTexts", args: [[], null, null, []] });
  });

  it("are dropped when any part is not what it should be", () => {
    expect(call([["a", 3], null, "bundled", []])).toBeUndefined();
    expect(call(["a", null, "bundled", []])).toBeUndefined();
    // biome-ignore lint/suspicious/noSparseArray: a hole, as a structured clone keeps one
    expect(call([["a", , "b"], null, "bundled", []])).toBeUndefined();
    expect(call([["a"], null, 7, []])).toBeUndefined();
    expect(call([["a"], null, null])).toBeUndefined();
    expect(call([["a"], null, null, [1.5]])).toBeUndefined();
    expect(call([["a"], null, null, [-1]])).toBeUndefined();
    expect(call([["a"], null, null, ["1"]])).toBeUndefined();
    // biome-ignore lint/suspicious/noSparseArray: a hole, as a structured clone keeps one
    expect(call([["a"], null, null, [1, , 2]])).toBeUndefined();
  });
});

describe("getTitles calls", () => {
  it("take a list of ids, and nothing else", () => {
    expect(parseCall({ call: "getTitles", args: [["idlib", "gaza"]] })).toEqual({
      call: "getTitles",
      args: [["idlib", "gaza"]],
    });
    expect(parseCall({ call: "getTitles", args: ["idlib"] })).toBeUndefined();
    expect(parseCall({ call: "getTitles", args: [[1]] })).toBeUndefined();
  });
});
