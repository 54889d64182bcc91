/**
 * Property-based tests of the importer: it never throws whatever it is given, and an export always
 * re-imports to the state it came from. Fixed seed in `npm test`; `npm run fuzz` runs longer with random seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, MARKING_STYLES, THEMES } from "../shared/settings";
import { CATEGORY_LIST } from "./categories";
import { exportText, parseImport } from "./import";
import { englishProblem } from "./problems-english";
import { type ReaderGlossary, takenIds } from "./reader-glossary";
import type { Entry } from "./schema";

const SEED =
  process.env.FUZZ_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20200221);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const context = { taken: takenIds(["idlib"], []), today: "2026-11-25" };

const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(
      null,
      true,
      0,
      -1.5,
      "",
      "__proto__",
      "constructor",
      "https://x.org",
      "javascript:x",
      "<b>",
    ),
    fc.string(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom("id", "title", "aliases", "__proto__", "constructor", "sources", "url"),
        fc.string(),
      ),
      tie("value"),
      { maxKeys: 5 },
    ),
  ),
})).value;

const csvish = fc
  .array(
    fc.array(fc.oneof(fc.string(), fc.constantFrom('"', '""', ",", "\n", "\r\n", "https://x.org/a")), {
      maxLength: 6,
    }),
  )
  .map((rows) => ["term,summary,aliases,source", ...rows.map((row) => row.join(","))].join("\n"));

const word = fc.stringMatching(/^[A-Za-z][a-z]{2,8}$/);
const entry: fc.Arbitrary<Entry> = fc.record({
  id: fc.stringMatching(/^[a-z]{3,8}(-[a-z0-9]{1,4})?$/),
  title: word,
  aliases: fc.array(
    fc.oneof(
      word,
      word.map((text) => ({ text, caseSensitive: true as const })),
    ),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
  category: fc.constantFrom(...CATEGORY_LIST),
  summary: fc.stringMatching(/^[A-Za-z][^<>]{0,60}[a-z.]$/),
  sources: fc.array(fc.record({ title: word, url: word.map((w) => `https://example.org/${w}`) }), {
    minLength: 1,
    maxLength: 2,
  }),
  reviewed: fc.constantFrom("2025-01-31", "2026-11-25"),
});

const glossaries: fc.Arbitrary<ReaderGlossary[]> = fc
  .array(
    fc.record({
      name: word,
      source: fc.oneof(
        fc.constant({ kind: "made" as const }),
        word.map((w) => ({ kind: "file" as const, fileName: `${w}.csv` })),
        word.map((w) => ({
          kind: "subscription" as const,
          url: `https://example.org/${w}.json`,
          lastError: {
            file: `https://example.org/${w}.json`,
            message: { key: "problemServerAnswered" as const, params: [w] },
          },
        })),
        // As an earlier Backstory recorded an error: text.
        word.map((w) => ({
          kind: "subscription" as const,
          url: `https://example.org/${w}.json`,
          lastError: w,
        })),
      ),
      entries: fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 5 }),
    }),
    { maxLength: 3 },
  )
  .map((list) => {
    // Ids are unique across the reader's glossaries, as the importer and the form keep them.
    const seen = new Set<string>(["idlib"]);
    return list.map((glossary, n) => ({
      id: `g${n}`,
      ...glossary,
      entries: glossary.entries.filter((e) => !seen.has(e.id) && seen.add(e.id)),
    }));
  });

describe("importer (property-based)", () => {
  it("never throws, and always answers with a result, on arbitrary JSON, CSV and text", () => {
    const input = fc.oneof(
      jsonish.map((value) => ({ name: "f.json", text: JSON.stringify(value) ?? "" })),
      fc.array(jsonish, { maxLength: 4 }).map((value) => ({ name: "f.json", text: JSON.stringify(value) })),
      csvish.map((text) => ({ name: "f.csv", text })),
      fc.string().map((text) => ({ name: "pasted", text })),
    );
    fc.assert(
      fc.property(input, ({ name, text }) => {
        const result = parseImport(name, text, context);
        expect(typeof result.ok).toBe("boolean");
        // Every problem names the file, and words in English from messages.json.
        if (!result.ok) expect(englishProblem(result.error).startsWith(`${name}: `)).toBe(true);
        else
          for (const problem of result.invalid)
            expect(englishProblem(problem).startsWith(`${name}: `)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("export then import is the identity", () => {
    const settings = fc.record({
      theme: fc.constantFrom(...THEMES),
      markingStyle: fc.constantFrom(...MARKING_STYLES),
      enabled: fc.boolean(),
      hiddenEntries: fc.array(fc.stringMatching(/^[a-z]{3,6}$/), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(glossaries, settings, (list, changed) => {
        const backup = { settings: { ...DEFAULT_SETTINGS, ...changed }, glossaries: list };
        const result = parseImport("export.json", exportText(backup, "2026-11-25T00:00:00Z"), context);
        expect(result).toEqual({
          ok: true,
          kind: "backup",
          backup,
          invalid: [],
          total: list.reduce((sum, glossary) => sum + glossary.entries.length, 0),
        });
      }),
      { seed: SEED, numRuns: Math.max(50, RUNS / 4) },
    );
  });
});
