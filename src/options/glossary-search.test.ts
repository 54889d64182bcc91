import { describe, expect, it } from "vitest";
import bodies from "../glossary/generated/bodies.json";
import type { Entry } from "../glossary/schema";
import { normalise, searchable, searchEntries } from "./glossary-search";

const items = searchable(Object.values(bodies as unknown as Record<string, Entry>));
const ids = (query: string) => searchEntries(items, query).map((entry) => entry.id);

describe("glossary search", () => {
  it("folds case, accents and spaces", () => {
    expect(normalise("  Dnípro   Rïver ")).toBe("dnipro river");
  });

  it("puts a title match first, then aliases and summaries", () => {
    expect(ids("idlib")[0]).toBe("idlib");
    expect(ids("S-400")[0]).toBe("s-400");
    expect(ids("idlib").length).toBeGreaterThan(1);
  });

  it("needs every word, and finds nothing for nonsense", () => {
    expect(ids("zzqx")).toEqual([]);
    expect(ids("idlib zzqx")).toEqual([]);
  });

  it("lists every entry for an empty query", () => {
    expect(ids("")).toHaveLength(items.length);
  });
});
