import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileIndex } from "../glossary/compile";
import type { Entry } from "../glossary/schema";
import { Matcher } from "./matcher";
import { flatMatches, readMatches, TextScanner } from "./text-scan";

describe("flatMatches and readMatches", () => {
  it("give back the matches laid flat, entries and all", () => {
    const match = fc.record({
      start: fc.nat(1000),
      end: fc.nat(1000),
      entries: fc.array(fc.nat(50_000), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(match), (matches) => {
        expect(readMatches(flatMatches(matches))).toEqual(matches);
      }),
    );
  });
});

describe("TextScanner", () => {
  const index = compileIndex([
    { id: "sochi", title: "Sochi agreement", category: "events", aliases: ["Sochi agreement", "Sochi"] },
    { id: "idlib", title: "Idlib", category: "places", aliases: ["Idlib"], context: { require: ["Syria"] } },
  ] as unknown as Entry[]);

  it("finds in each text what the matcher finds, and the context words of all of them", () => {
    const texts = ["The Sochi agreement on Idlib.", "", "Sochi, in Russia; Syria's north."];
    const answer = new TextScanner(index).scan(texts);
    const matcher = new Matcher(index.aliases, index.trie);
    expect(answer.matches.map(readMatches)).toEqual(texts.map((text) => matcher.scan(text)));
    expect(answer.words).toEqual(["syria"]);
  });
});
