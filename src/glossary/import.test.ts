import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../shared/settings";
import { checkImportSize, exportText, type ImportContext, parseImport } from "./import";
import { englishProblem } from "./problems-english";
import { applyEntries, diffEntries, takenIds } from "./reader-glossary";

const FIXTURES = join(import.meta.dirname, "../../tests/fixtures");
const context = { taken: takenIds(["idlib"], []), today: "2026-11-25" };

/** The importer's result with its problems worded in English, as the options page shows them. */
function parse(name: string, text: string, with_: ImportContext = context) {
  const result = parseImport(name, text, with_);
  return result.ok
    ? { ...result, invalid: result.invalid.map(englishProblem) }
    : { ok: false as const, error: englishProblem(result.error) };
}
const read = (name: string) => parse(name, readFileSync(join(FIXTURES, name), "utf8"));

function entries(result: ReturnType<typeof parse>) {
  if (!result.ok || result.kind !== "entries") throw new Error(JSON.stringify(result));
  return result;
}

describe("parseImport: good files", () => {
  it("reads our JSON schema", () => {
    const result = entries(read("import-good.json"));
    expect(result.entries.map((entry) => entry.id)).toEqual(["quillfeather-compact", "orvane-institute"]);
    expect(result.invalid).toEqual([]);
  });

  it("reads CSV with quoted commas and quotes, aliases split on semicolons, acronyms kept case-sensitive", () => {
    const result = entries(read("import-good.csv"));
    expect(result.invalid).toEqual([]);
    const [marrowby, fenwick] = result.entries;
    expect(marrowby).toMatchObject({
      id: "marrowby-council",
      title: "Marrowby Council",
      aliases: ["Marrowby Council", "Marrowby councillors", "Marrowby's council"],
      category: "concept",
      sources: [{ title: "example.org", url: "https://example.org/marrowby" }],
      reviewed: "2026-11-25",
    });
    expect(marrowby?.summary).toContain('a comma and "quotes"');
    expect(fenwick?.aliases).toEqual(["Fenwick Line"]);
    const acronym = entries(
      parse("a.csv", "term,summary,aliases,source\nTTA,A treaty.,Tolle treaty,https://x.org/\n", context),
    );
    expect(acronym.entries[0]?.aliases).toEqual([{ text: "TTA", caseSensitive: true }, "Tolle treaty"]);
  });

  it("reads when to mark a CSV term, and names a longer name that cannot work by its line", () => {
    const csv = [
      "term,summary,source,require,exclude,notwithin",
      "Jordan,A country.,https://x.org/,Amman;king,basketball,Jordan River|Michael Jordan",
      "Obama,A president.,https://x.org/,,,Obamacare",
    ].join("\n");
    const result = entries(parse("a.csv", csv, context));
    expect(result.entries[0]).toMatchObject({
      context: { require: ["Amman", "king"], exclude: ["basketball"] },
      notWithin: ["Jordan River", "Michael Jordan"],
    });
    expect(result.invalid).toEqual([
      'a.csv: line 3 › notwithin: "Obamacare" does not contain any of the entry\'s names as whole words',
    ]);
  });

  it("tells JSON from CSV by the first character when a pasted text has no file name", () => {
    expect(
      entries(parse("pasted text", readFileSync(join(FIXTURES, "import-good.json"), "utf8"), context))
        .entries,
    ).toHaveLength(2);
    expect(
      entries(parse("pasted text", readFileSync(join(FIXTURES, "import-good.csv"), "utf8"), context)).entries,
    ).toHaveLength(2);
  });
});

describe("parseImport: bad input names the file, the entry or line, and the field", () => {
  it("malformed JSON", () => {
    const result = read("import-bad-syntax.json");
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error).toMatch(
      /^import-bad-syntax\.json: not valid JSON: there is a mistake near line 5, column 3\./,
    );
  });

  it("malformed JSON: where the browser's JSON.parse stopped, as a line and column, in our words", () => {
    expect(parse("a.json", '[\n  {"id": 1}\n  {"id": 2}\n]')).toEqual({
      ok: false,
      error:
        "a.json: not valid JSON: there is a mistake near line 3, column 3. Correct the file, or save it again from the program that made it.",
    });
    expect(parse("b.json", "[1,")).toMatchObject({
      error: expect.stringMatching(/^b\.json: not valid JSON: the file ends too soon/),
    });
  });

  it("malformed CSV: an unclosed quote, with its line", () => {
    expect(read("import-bad-quote.csv")).toEqual({
      ok: false,
      error: 'import-bad-quote.csv: line 2: a quoted field is never closed; add its closing quote (")',
    });
  });

  it("CSV with a missing column, or a row with the wrong number of fields", () => {
    const noSource = parse("x.csv", "term,summary\nA,B\n", context);
    expect(!noSource.ok && noSource.error).toMatch(/^x\.csv: line 1: no column for source/);
    const short = entries(parse("x.csv", "term,summary,source\nAbc,Def\n", context));
    expect(short.invalid).toEqual(["x.csv: line 2: has 2 fields, the first line names 3"]);
  });

  it("CSV rows that break the schema: javascript: and http links, an empty summary", () => {
    const result = entries(read("import-bad-rows.csv"));
    expect(result.entries.map((entry) => entry.id)).toEqual(["good-row"]);
    expect(result.invalid).toEqual([
      "import-bad-rows.csv: line 3 › source: must start with https://",
      "import-bad-rows.csv: line 4 › source: must start with https://",
      "import-bad-rows.csv: line 5 › summary: must not be empty",
    ]);
  });

  it("aliases with a period: kept, and a bad one named", () => {
    const json = (alias: unknown) =>
      JSON.stringify([
        {
          id: "kestrel-war",
          title: "Kestrel war",
          aliases: ["Kestrel war", alias],
          category: "conflict",
          summary: "A made-up war.",
          sources: [{ title: "Example", url: "https://example.org/" }],
          reviewed: "2026-11-01",
        },
      ]);
    const good = entries(parse("p.json", json({ text: "the Kestrel", since: "2020-01-01" })));
    expect(good.entries[0]?.aliases).toEqual(["Kestrel war", { text: "the Kestrel", since: "2020-01-01" }]);
    const bad = entries(
      parse("p.json", json({ text: "the Kestrel", since: "2021-01-01", before: "2020-01-01" })),
    );
    expect(bad.invalid[0]).toMatch(/aliases › 1: has its "since" day on or after its "before" day/);
    const plain = entries(parse("p.json", json({ text: "the Kestrel" })));
    expect(plain.invalid[0]).toMatch(/aliases › 1: needs "caseSensitive": true, "since" or "before"/);
  });

  it("the wrong schema, field by field", () => {
    const result = entries(read("import-bad-schema.json"));
    expect(result.entries).toEqual([]);
    expect(result.invalid).toEqual([
      'import-bad-schema.json: entry 1 ("wrong-shape") › aliases: needs at least one alias',
      expect.stringMatching(
        /^import-bad-schema\.json: entry 1 \("wrong-shape"\) › category: must be one of: place/,
      ),
      'import-bad-schema.json: entry 1 ("wrong-shape") › summary: is missing',
    ]);
    const notList = read("import-good.csv".replace("csv", "json")).ok;
    expect(notList).toBe(true);
    expect(parse("o.json", '{"a":1}', context)).toEqual({
      ok: false,
      error: "o.json: expected a list of entries ([ … ]) or a Backstory export, not an object",
    });
  });

  it("duplicate ids, and ids the built-in glossary or another glossary of the reader already uses", () => {
    expect(entries(read("import-duplicate-ids.json")).invalid).toEqual([
      'import-duplicate-ids.json: entry 2 ("twice") › id: "twice" is used twice in this file (also entry 1 ("twice"))',
    ]);
    const good = JSON.parse(readFileSync(join(FIXTURES, "import-good.json"), "utf8"));
    good[0].id = "idlib";
    const taken = {
      ...context,
      taken: takenIds(
        ["idlib"],
        [{ id: "mine", name: "Mine", source: { kind: "made" }, entries: [good[1]] }],
      ),
    };
    expect(entries(parse("g.json", JSON.stringify(good), taken)).invalid).toEqual([
      'g.json: entry 1 ("idlib") › id: "idlib" is already used by the built-in glossary',
      'g.json: entry 2 ("orvane-institute") › id: "orvane-institute" is already used by your glossary "Mine"',
    ]);
  });

  it("__proto__, constructor and prototype keys, at any depth, and reserved ids", () => {
    expect(entries(read("import-proto.json")).invalid).toEqual([
      'import-proto.json: entry 1 ("polluter") › __proto__: this key is not allowed',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = JSON.parse(readFileSync(join(FIXTURES, "import-good.json"), "utf8"));
    nested[0].facts = [{ label: "a", value: "b", constructor: "x" }];
    nested[1].id = "constructor";
    expect(entries(parse("n.json", JSON.stringify(nested), context)).invalid).toEqual([
      'n.json: entry 1 ("quillfeather-compact") › facts › 0 › constructor: this key is not allowed',
      'n.json: entry 2 ("constructor") › id: "constructor" is a reserved word; choose another id',
    ]);
  });

  it("markup or script in text", () => {
    expect(entries(read("import-markup.json")).invalid).toEqual([
      'import-markup.json: entry 1 ("markup") › summary: must be plain text, without < or >',
    ]);
  });

  it("javascript: and other non-https links", () => {
    expect(entries(read("import-javascript-link.json")).invalid).toEqual([
      'import-javascript-link.json: entry 1 ("bad-link") › sources › 0 › url: must start with https://',
    ]);
  });

  it("a file over the limit is refused by its size, before it is read, saying the limit", () => {
    const tooBig = checkImportSize("huge.json", 50 * 1024 * 1024);
    expect(tooBig && englishProblem(tooBig)).toBe(
      "huge.json: the file is 50.0 MB; Backstory imports files of at most 2 MB. Split it into smaller files and import them one by one.",
    );
    expect(checkImportSize("small.json", 1000)).toBeNull();
    expect(parse("huge.csv", "x".repeat(3 * 1024 * 1024), context)).toMatchObject({ ok: false });
  });

  it("an empty file, a bare value, deep nesting", () => {
    expect(parse("e.csv", "", context)).toEqual({ ok: false, error: "e.csv: the file is empty" });
    expect(parse("n.json", "null", context)).toMatchObject({ ok: false });
    const deep = `${"[".repeat(100000)}${"]".repeat(100000)}`;
    expect(parse("d.json", deep, context)).toMatchObject({ ok: true, entries: [], total: 1 });
  });
});

describe("preview and apply", () => {
  const good = entries(read("import-good.json")).entries;
  const [quill, orvane] = good as [(typeof good)[0], (typeof good)[0]];
  const changedQuill = { ...quill, summary: "A new summary." };

  it("counts new, changed and unchanged entries; key order does not count as a change", () => {
    const reordered = Object.fromEntries(Object.entries(orvane).reverse()) as typeof orvane;
    expect(diffEntries([quill, orvane], [changedQuill, reordered])).toEqual({
      added: [],
      changed: [changedQuill],
      unchanged: 1,
    });
    expect(diffEntries([quill], [orvane]).added).toEqual([orvane]);
  });

  it("merge keeps entries the file leaves out; replace keeps only the file's", () => {
    expect(applyEntries([quill, orvane], [changedQuill], "merge")).toEqual([changedQuill, orvane]);
    expect(applyEntries([quill], [orvane], "merge")).toEqual([quill, orvane]);
    expect(applyEntries([quill, orvane], [changedQuill], "replace")).toEqual([changedQuill]);
  });
});

describe("export", () => {
  it("re-imports to the same glossaries and settings", () => {
    const backup = {
      settings: { ...DEFAULT_SETTINGS, theme: "dark" as const, blockedSites: ["example.com"] },
      glossaries: [
        {
          id: "mine",
          name: "My entries",
          source: { kind: "made" as const },
          entries: entries(read("import-good.json")).entries,
        },
        {
          id: "feed",
          name: "A feed",
          source: {
            kind: "subscription" as const,
            url: "https://example.org/g.json",
            lastUpdate: "2026-11-25T00:00:00.000Z",
          },
          entries: entries(read("import-good.csv")).entries,
        },
      ],
    };
    const result = parse("backstory-export.json", exportText(backup, "2026-11-25T10:00:00.000Z"), {
      ...context,
      // A restore replaces the reader's glossaries, so their own ids do not clash with themselves.
      taken: takenIds(["idlib"], backup.glossaries),
    });
    expect(result).toEqual({ ok: true, kind: "backup", backup, invalid: [], total: 4 });
  });

  it("an export from a newer version, or with a bad subscription URL, is refused with the field", () => {
    const text = (change: object) =>
      JSON.stringify({ backstory: "export", version: 1, settings: {}, glossaries: [], ...change });
    expect(parse("b.json", text({ version: 2 }), context)).toEqual({
      ok: false,
      error:
        "b.json: version: must be 1 (this export comes from a newer Backstory: update Backstory, then import it again)",
    });
    const glossaries = [
      { id: "g", name: "G", source: { kind: "subscription", url: "javascript:alert(1)" }, entries: [] },
    ];
    expect(parse("b.json", text({ glossaries }), context)).toEqual({
      ok: false,
      error: "b.json: glossaries › 0 › source › url: must start with https://",
    });
  });
});
