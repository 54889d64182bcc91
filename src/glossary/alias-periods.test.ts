import { describe, expect, it } from "vitest";
import { Matcher } from "../engine/matcher";
import { indexOnDate, periodKey } from "./alias-periods";
import { compileIndex } from "./compile";
import type { Entry } from "./schema";

const entry = (id: string, aliases: Entry["aliases"]) =>
  ({ id, title: id, category: "conflict", aliases }) as unknown as Entry;

const index = compileIndex([
  entry("gaza", ["Gaza"]),
  entry("gaza-war-2023", [{ text: "Gaza war", since: "2023-10-07" }, "Swords of Iron"]),
  entry("gulf-war", [{ text: "GW", caseSensitive: true, before: "1992-01-01" }]),
]);
const found = (date: string, text: string) => {
  const dated = indexOnDate(index, date);
  const matcher = new Matcher(dated.aliases, dated.trie);
  return matcher.scan(text).map(({ start, end, entries }) => [text.slice(start, end), entries]);
};

describe("aliases with a period", () => {
  it("name their entry only in articles published in it", () => {
    expect(found("2024-01-01", "the Gaza war and Swords of Iron")).toEqual([
      ["Gaza war", [1]],
      ["Swords of Iron", [1]],
    ]);
    expect(found("2023-10-07", "the Gaza war")).toEqual([["Gaza war", [1]]]);
    expect(found("1991-03-01", "GW and gw")).toEqual([["GW", [2]]]);
    expect(found("1992-01-01", "GW")).toEqual([]);
  });

  it("leave a shorter alias inside them to be found outside it", () => {
    expect(found("2014-07-20", "the Gaza war and Swords of Iron")).toEqual([
      ["Gaza", [0]],
      ["Swords of Iron", [1]],
    ]);
  });

  it("leave the index as it is when none is switched off, and key the rest by what is", () => {
    expect(indexOnDate(index, "1991-06-01")).not.toBe(index);
    expect(indexOnDate(index, "2024-01-01")).not.toBe(index);
    const undated = compileIndex([entry("gaza", ["Gaza"])]);
    expect(indexOnDate(undated, "2024-01-01")).toBe(undated);
    expect(periodKey(index, "2024-01-01")).toBe(periodKey(index, "2025-05-05"));
    expect(periodKey(index, "2024-01-01")).not.toBe(periodKey(index, "1991-06-01"));
  });
});
