import { describe, expect, it } from "vitest";
import { canonicalText, checkGlossary, type GlossaryFile } from "./checks";
import { compileIndex } from "./compile";
import { commonEnglishWords, readGlossaryFiles, todayIso } from "./load-files";
import type { Entry } from "./schema";

const entry = (overrides: Partial<Entry> = {}): Entry => ({
  id: "idlib",
  title: "Idlib",
  aliases: ["Idlib"],
  category: "place",
  summary: "A province in north-western Syria.",
  sources: [{ title: "Example", url: "https://example.org/idlib" }],
  reviewed: "2026-01-01",
  ...overrides,
});

const file = (entries: unknown[], name = "test.json"): GlossaryFile => ({
  name,
  text: canonicalText(entries),
});
const check = (...files: GlossaryFile[]) =>
  checkGlossary(files, new Set(["may", "turkey", "chad"]), "2026-06-01").problems;

describe("glossary checks", () => {
  it("accepts a valid entry", () => {
    expect(check(file([entry()]))).toEqual([]);
  });

  it("names the file, the entry and the field of a schema error", () => {
    const problems = check(file([entry({ sources: [{ title: "Bad", url: "http://example.org" }] })]));
    expect(problems).toEqual(["test.json: idlib › sources › 0 › url: must start with https://"]);
  });

  it("rejects markup, duplicate ids, dangling related ids and future dates", () => {
    expect(check(file([entry({ summary: "<b>bold</b>" })]))[0]).toContain("summary: must be plain text");
    expect(check(file([entry()], "a.json"), file([entry()], "b.json"))).toContain(
      "b.json: idlib: id already used in a.json",
    );
    expect(check(file([entry({ related: ["nowhere"] })]))[0]).toContain('no entry has the id "nowhere"');
    expect(check(file([entry({ reviewed: "2030-01-01" })]))[0]).toContain("is in the future");
  });

  it("rejects common English words unless case-sensitive or context-gated", () => {
    expect(check(file([entry({ id: "turkey", aliases: ["Turkey"] })]))[0]).toContain("common English word");
    expect(
      check(file([entry({ id: "turkey", aliases: [{ text: "Turkey", caseSensitive: true }] })])),
    ).toEqual([]);
  });

  it("rejects an alias shared by two entries that no context tells apart", () => {
    const problems = check(file([entry(), entry({ id: "idlib-city" })]));
    expect(problems.some((problem) => problem.includes('alias "idlib" belongs to'))).toBe(true);
    const told = check(file([entry(), entry({ id: "idlib-city", context: { require: ["city council"] } })]));
    expect(told).toEqual([]);
  });

  it("accepts entries sharing an alias in periods that do not meet, and rejects bad periods", () => {
    const war = (id: string, period: { since?: string; before?: string }) =>
      entry({ id, aliases: [id, { text: "Gulf war", ...period }] });
    const early = war("first", { before: "1992-01-01" });
    expect(check(file([early, war("second", { since: "1992-01-01" })]))).toEqual([]);
    expect(check(file([early, war("second", { since: "1991-06-01" })]))[0]).toContain(
      'alias "gulf war" belongs to test.json: first and test.json: second',
    );
    expect(check(file([war("first", { since: "1992-01-01", before: "1991-01-01" })]))[0]).toContain(
      'aliases › 1: "since" must be an earlier day than "before"',
    );
    expect(check(file([war("first", { since: "1992" })]))[0]).toContain(
      "aliases › 1 › since: must be a date, YYYY-MM-DD",
    );
    expect(check(file([entry({ aliases: [{ text: "Idlib" } as never] })]))[0]).toContain(
      'needs "caseSensitive": true, "since" or "before"',
    );
  });

  it("rejects a name in notWithin that is an alias or holds none as whole words", () => {
    const obama = (notWithin: string[]) =>
      entry({ id: "barack-obama", title: "Barack Obama", aliases: ["Barack Obama", "Obama"], notWithin });
    expect(check(file([obama(["Michelle Obama", "Malia Obama’s"])]))).toEqual([]);
    expect(check(file([obama(["Obama"])]))[0]).toContain(
      'barack-obama › notWithin: "Obama" is one of the entry\'s own aliases',
    );
    expect(check(file([obama(["Obamacare"])]))[0]).toContain(
      'notWithin: "Obamacare" holds none of the entry\'s aliases as whole words',
    );
  });

  it("rejects a file that is not in canonical form", () => {
    const text = JSON.stringify([entry()]);
    expect(check({ name: "x.json", text })[0]).toContain("not in canonical form");
  });
});

describe("the bundled glossary", () => {
  it("passes every check", () => {
    const { problems } = checkGlossary(readGlossaryFiles(), commonEnglishWords(), todayIso());
    expect(problems).toEqual([]);
  });

  it("compiles every alias, and every name an alias stands within, into the index", () => {
    const { entries } = checkGlossary(readGlossaryFiles(), commonEnglishWords(), todayIso());
    const index = compileIndex(entries);
    expect(index.entries.count).toBe(entries.length);
    const names = (e: Entry) => e.aliases.length + (e.notWithin?.length ?? 0);
    expect(index.aliases.entries.length).toBe(entries.reduce((sum, e) => sum + names(e), 0));
    expect(index.aliases.entries.filter((entry) => entry < 0)).toHaveLength(
      entries.reduce((sum, e) => sum + (e.notWithin?.length ?? 0), 0),
    );
  });
});
