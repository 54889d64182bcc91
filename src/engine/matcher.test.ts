import { describe, expect, it } from "vitest";
import { foldAlias } from "./fold";
import type { IndexAlias, Matcher } from "./matcher";
import { aliasesOf, matcherFor } from "./trie-build";

const found = (matcher: Matcher, text: string) =>
  matcher.scan(text).map((m) => [text.slice(m.start, m.end), m.entries[0]]);

describe("Matcher", () => {
  it("finds terms case-insensitively with Unicode word boundaries", () => {
    const m = matcherFor(aliasesOf(["Idlib", "S-400"]));
    expect(found(m, "In IDLIB, the S-400 deal.")).toEqual([
      ["IDLIB", 0],
      ["S-400", 1],
    ]);
    expect(found(m, "Idlibé and xS-400 are not terms")).toEqual([]);
  });

  it("ignores diacritics on either side, and Turkish dotted and dotless i", () => {
    const m = matcherFor(aliasesOf(["Erdoğan", "Idlib"]));
    expect(found(m, "Erdogan met ERDOĞAN in İdlib")).toEqual([
      ["Erdogan", 0],
      ["ERDOĞAN", 0],
      ["İdlib", 1],
    ]);
    expect(found(m, "Erdog\u0306an")).toEqual([["Erdog\u0306an", 0]]);
  });

  it("treats hyphen, apostrophe and space variants alike", () => {
    const m = matcherFor(aliasesOf(["S-400", "Sochi agreement", "Côte d'Ivoire"]));
    expect(found(m, "the S\u2011400, the Sochi\u00a0agreement and C\u00f4te d\u2019Ivoire")).toHaveLength(3);
    expect(found(m, "Sochi \n  agreement")).toEqual([["Sochi \n  agreement", 1]]);
    expect(found(m, "S 400")).toEqual([]);
  });

  it("matches possessives and prefers the longest match", () => {
    const m = matcherFor(aliasesOf(["Sochi", "Sochi agreement", "Assad"]));
    expect(found(m, "Assad’s army and the Sochi agreement, in Sochi.")).toEqual([
      ["Assad", 2],
      ["Sochi agreement", 1],
      ["Sochi", 0],
    ]);
  });

  it("keeps case-sensitive aliases to their case", () => {
    const aliases: IndexAlias[] = [{ folded: foldAlias("IS"), entry: 0, exact: "IS" }];
    const m = matcherFor(aliases);
    expect(found(m, "This is IS territory; is it?")).toEqual([["IS", 0]]);
  });
});

describe("Matcher and names an alias stands within", () => {
  const obama: IndexAlias[] = [
    { folded: foldAlias("Obama"), entry: 0 },
    { folded: foldAlias("Barack Obama"), entry: 0 },
    { folded: foldAlias("Michelle Obama"), entry: -1 },
  ];

  it("finds no term in such a name, nor the alias inside it", () => {
    const text = "Michelle Obama’s memoir; Barack Obama and MICHELLE OBAMA; then Obama.";
    expect(found(matcherFor(obama), text)).toEqual([
      ["Barack Obama", 0],
      ["Obama", 0],
    ]);
  });

  it("lets another entry's alias of the same name win", () => {
    const m = matcherFor([...obama, { folded: foldAlias("Michelle Obama"), entry: 1 }]);
    expect(found(m, "Michelle Obama spoke")).toEqual([["Michelle Obama", 1]]);
  });
});

describe("Matcher in capitals", () => {
  it("does not take a word in a shouted headline for an acronym", () => {
    const aliases: IndexAlias[] = [
      { folded: foldAlias("IS"), entry: 0, exact: "IS" },
      { folded: foldAlias("UN"), entry: 1, exact: "UN" },
    ];
    const m = matcherFor(aliases);
    expect(found(m, "LAURIE OAKES IS THE NINE NETWORK")).toEqual([]);
    expect(found(m, "The UN said IS fighters withdrew.")).toEqual([
      ["UN", 1],
      ["IS", 0],
    ]);
  });
});
