import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileIndex } from "../glossary/compile";
import type { Entry } from "../glossary/schema";
import { cutText, INDEX_TEXTS, indexFromTexts, indexTexts, joinPieces } from "./index-wire";
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

describe("a page index as texts", () => {
  it("travels as INDEX_TEXTS texts and comes back the same", () => {
    const texts = indexTexts(index);
    expect(texts).toHaveLength(INDEX_TEXTS);
    expect(indexFromTexts(texts)).toEqual(index);
  });

  it("sends its long strings as they are, not inside the JSON", () => {
    const [rest = ""] = indexTexts(index);
    expect(rest).not.toContain(index.trie.nodes);
    expect(rest).not.toContain("African National Congress");
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

describe("joinPieces", () => {
  const pieces = (made: (n: number) => number) =>
    ["ab", "cd", "e"].map((text, n) => ({ made: made(n), pieces: 3, text }));

  it("joins the pieces of one text", () => {
    expect(joinPieces(pieces(() => 4))).toEqual({ made: 4, text: "abcde" });
  });

  it("refuses pieces from two indexes (the reader's glossaries changed in between), or too few", () => {
    expect(joinPieces(pieces((n) => (n === 2 ? 5 : 4)))).toBeUndefined();
    expect(joinPieces(pieces(() => 4).slice(1))).toBeUndefined();
    expect(joinPieces([undefined])).toBeUndefined();
  });
});

describe("getPageIndex calls", () => {
  it("name a text and a piece by number", () => {
    expect(parseCall({ call: "getPageIndex", args: [2, 0] })).toEqual({ call: "getPageIndex", args: [2, 0] });
    expect(parseCall({ call: "getPageIndex", args: ["trie", 0] })).toBeUndefined();
    expect(parseCall({ call: "getPageIndex", args: [1.5, 0] })).toBeUndefined();
    expect(parseCall({ call: "getPageIndex", args: [0] })).toBeUndefined();
  });
});
