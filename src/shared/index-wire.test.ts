import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileIndex } from "../glossary/compile";
import type { EntryColumns } from "../glossary/entry-table";
import type { Entry } from "../glossary/schema";
import {
  cutText,
  entryTableFromTexts,
  entryTableTexts,
  packTexts,
  TABLE_TEXTS,
  unpackTexts,
} from "./index-wire";
import { parseCall } from "./messages";

const index = compileIndex([
  { id: "idlib", title: "Idlib", category: "places", aliases: ["Idlib"] },
  {
    id: "anc",
    title: "African National Congress 🇿🇦",
    category: "organisations",
    aliases: [{ text: "ANC" }, "African National Congress"],
    context: { require: ["South Africa"] },
  },
] as unknown as Entry[]);

describe("an entry table as texts", () => {
  it("travels as TABLE_TEXTS texts and comes back the same", () => {
    const texts = entryTableTexts(index.entries);
    expect(texts).toHaveLength(TABLE_TEXTS);
    expect(entryTableFromTexts(texts)).toEqual(index.entries);
  });

  it("sends its long strings as they are, not inside the JSON", () => {
    const rest = JSON.parse(entryTableTexts(index.entries)[0] ?? "") as EntryColumns;
    for (const field of ["ids", "titles", "categories"] as const) expect(rest[field]).toBe("");
    expect(rest.rules).toEqual(index.entries.rules);
    expect(entryTableTexts(index.entries)).toContain(index.entries.titles);
  });
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("cutText", () => {
  it("cuts into pieces of at most the size that join back, never inside a surrogate pair", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        fc.integer({ min: 2, max: 9 }),
        (text, size) => {
          const pieces = cutText(text, size);
          expect(pieces.join("")).toBe(text);
          expect(pieces.length).toBeGreaterThan(0);
          for (const piece of pieces) {
            expect(piece.length).toBeLessThanOrEqual(size);
            expect(piece).not.toMatch(LONE_SURROGATE);
          }
        },
      ),
    );
  });
});

describe("packTexts and unpackTexts", () => {
  const text = fc.string({ unit: "grapheme", maxLength: 40 });
  it("pack texts into pieces of at most the size, short texts together, and give them back", () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: TABLE_TEXTS, maxLength: TABLE_TEXTS }),
        fc.integer({ min: 2, max: 30 }),
        (texts, size) => {
          const packed = packTexts(texts, size);
          for (const parts of packed)
            expect(parts.reduce((sum, [, part]) => sum + part.length, 0)).toBeLessThanOrEqual(size);
          const pieces = packed.map((parts) => ({
            made: 3,
            version: "bundled",
            pieces: packed.length,
            parts,
          }));
          expect(unpackTexts(pieces)?.map((parts) => parts.join(""))).toEqual(texts);
        },
      ),
    );
  });

  it("send a small table in one piece", () => {
    expect(packTexts(entryTableTexts(index.entries), 100_000)).toHaveLength(1);
  });

  it("refuse pieces from two indexes (the reader's glossaries changed in between), too few, or texts missing", () => {
    const packed = packTexts(["ab", "cd", "ef", "gh"], 2);
    const pieces = (made: (n: number) => number) =>
      packed.map((parts, n) => ({ made: made(n), version: "bundled", pieces: packed.length, parts }));
    expect(unpackTexts(pieces(() => 4))?.map((parts) => parts.join(""))).toHaveLength(TABLE_TEXTS);
    expect(unpackTexts(pieces((n) => (n === 2 ? 5 : 4)))).toBeUndefined();
    expect(unpackTexts(pieces(() => 4).slice(1))).toBeUndefined();
    expect(unpackTexts([undefined])).toBeUndefined();
    expect(
      unpackTexts([{ made: 4, version: "bundled", pieces: 1, parts: [[0, "only the first text"]] }]),
    ).toBeUndefined();
  });
});

describe("scanTexts calls", () => {
  it("take a list of texts, the page's date when it is one, and the index's version", () => {
    const call = (args: unknown[]) => parseCall({ call: "scanTexts", args });
    expect(call([["a", "b"], "2025-07-01", "bundled"])).toEqual({
      call: "scanTexts",
      args: [["a", "b"], "2025-07-01", "bundled"],
    });
    expect(call([[], "July", "reader 1-2"])).toEqual({ call: "scanTexts", args: [[], null, "reader 1-2"] });
    expect(call([["a", 3], null, "bundled"])).toBeUndefined();
    expect(call(["a", null, "bundled"])).toBeUndefined();
    // biome-ignore lint/suspicious/noSparseArray: a hole, as a structured clone keeps one
    expect(call([["a", , "b"], null, "bundled"])).toBeUndefined();
    expect(call([["a"], null])).toBeUndefined();
  });
});

describe("getPageIndex calls", () => {
  it("name a piece by number", () => {
    expect(parseCall({ call: "getPageIndex", args: [2] })).toEqual({ call: "getPageIndex", args: [2] });
    expect(parseCall({ call: "getPageIndex", args: ["trie"] })).toBeUndefined();
    expect(parseCall({ call: "getPageIndex", args: [1.5] })).toBeUndefined();
    expect(parseCall({ call: "getPageIndex", args: [-1] })).toBeUndefined();
  });
});
