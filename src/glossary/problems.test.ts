/**
 * The importer's wording lives in messages.json only: every key the importer code uses is there,
 * with exactly the placeholders it is given, and no English is built in code (nor leaks from valibot).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import messages from "../../assets/_locales/en/messages.json";
import { emptyFields, entryFromFields } from "./entry-form";
import { parseImport } from "./import";
import {
  COUNTED,
  formatMessage,
  formatProblem,
  message,
  PROBLEM_MESSAGES,
  type Problem,
  type Translate,
} from "./problems";
import { englishProblem } from "./problems-english";
import { takenIds } from "./reader-glossary";

const LOCALE: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> =
  messages;
const SRC = join(import.meta.dirname, "..");
const FIXTURES = join(SRC, "../tests/fixtures");

/** The importer's code: the glossary core, subscriptions and the options page's "My glossaries". */
function importerSources(): string[] {
  const glossary = readdirSync(join(SRC, "glossary"))
    .filter((name) => /\.tsx?$/.test(name) && !name.includes(".test."))
    .map((name) => join(SRC, "glossary", name));
  const options = readdirSync(join(SRC, "options"))
    .filter((name) => /^My.*\.tsx$|^save-failure\.ts$/.test(name))
    .map((name) => join(SRC, "options", name));
  return [...glossary, ...options, join(SRC, "shared/subscriptions.ts")];
}

/** The keys a message has in messages.json: itself, or one per plural form of a counted one. */
const forms = (key: string): string[] => (key in COUNTED ? [`${key}_one`, `${key}_other`] : [key]);

/** Whether the code names a key messages.json has, as such or in its plural forms (plural() and COUNTED). */
const known = (key: string): boolean => key in LOCALE || (`${key}_one` in LOCALE && `${key}_other` in LOCALE);

describe("importer messages", () => {
  const every = Object.entries(PROBLEM_MESSAGES).flatMap(([key, names]) =>
    forms(key).map((form) => [form, names] as const),
  );
  it.each(every)("%s is in messages.json with its placeholders", (key, names) => {
    const entry = LOCALE[key];
    expect(entry, `messages.json has no "${key}"`).toBeDefined();
    const placeholders = Object.entries(entry?.placeholders ?? {});
    // The same names in the same order, the n-th taking the n-th substitution.
    expect(placeholders.map(([name]) => name)).toEqual([...names]);
    expect(placeholders.map(([, { content }]) => content)).toEqual(names.map((_, n) => `$${n + 1}`));
    // The message uses each of them, and nothing else that looks like one.
    const used = [...(entry?.message ?? "").matchAll(/\$(\w+)\$/g)].map((match) => match[1]?.toLowerCase());
    expect(new Set(used)).toEqual(new Set(names));
  });

  it("every key the importer code names is in messages.json; message() keys are in PROBLEM_MESSAGES", () => {
    const sources = importerSources();
    expect(sources.length).toBeGreaterThan(10);
    let named = 0;
    for (const file of sources) {
      const text = readFileSync(file, "utf8");
      for (const [, fn, key] of text.matchAll(/\b(t|message|plural)\(\s*"(\w+)"/g)) {
        named++;
        expect(known(key as string), `${file}: "${key}"`).toBe(true);
        if (fn === "message")
          expect(Object.hasOwn(PROBLEM_MESSAGES, key as string), `${file}: ${key}`).toBe(true);
      }
      // Schemas of our own name their keys as valibot messages (see schema-problems.ts).
      for (const [, key] of text.matchAll(/v\.\w+\([^()]*"(problem\w+)"\)/g)) {
        expect(Object.hasOwn(PROBLEM_MESSAGES, key as string), `${file}: ${key}`).toBe(true);
      }
    }
    expect(named).toBeGreaterThan(40);
  });

  it("words nothing in code: in a made-up language, every problem is keys and the reader's own data", () => {
    // A translation that keeps only the key and the substitutions: any English left came from code.
    const pseudo: Translate = (key, substitutions) => `⟦${key}${substitutions.map((s) => `|${s}`).join("")}⟧`;
    const context = { taken: takenIds(["idlib"], []), today: "2026-11-25" };
    const found: Problem[] = [];
    for (const name of readdirSync(FIXTURES).filter((file) => file.startsWith("import-"))) {
      const result = parseImport(name, readFileSync(join(FIXTURES, name), "utf8"), context);
      if (!result.ok) found.push(result.error);
      else found.push(...result.invalid);
    }
    const oddities = [
      [
        "n.json",
        '[{"id":5,"title":"x".repeat(200),"aliases":[7],"category":"z","sources":"s","coordinates":{"lat":99}}]',
      ],
      ["c.csv", "term,summary,extra\na,b,c\n"],
      ["c.csv", 'term,summary,source\n"a"b,c,d\n'],
      ["b.json", '{"backstory":"export","version":2,"settings":{},"glossaries":[]}'],
      ["o.json", "true"],
    ];
    for (const [name, text] of oddities) {
      const result = parseImport(name as string, text as string, context);
      found.push(...(result.ok ? result.invalid : [result.error]));
    }
    const form = entryFromFields(
      { ...emptyFields(), summary: "<b>", aliases: "-x", source: "javascript:1", notWithin: "Elsewhere" },
      context.taken,
      "2026-11-25",
    );
    expect(found.length).toBeGreaterThan(12);
    expect(form.ok).toBe(false);
    const worded = [
      ...found.map((problem) => formatProblem(problem, pseudo)),
      ...(form.ok ? [] : Object.values(form.errors).map((what) => formatMessage(what, pseudo))),
    ];
    for (const text of worded) {
      // Strip the keys; what remains are file names, field names, ids and the reader's own values.
      const left = text.replace(/⟦\w+/g, "").replace(/[⟧|›:]/g, " ");
      expect(left, text).not.toMatch(/\b(must|entry|line|Invalid|Expected|received|is|not|the)\b/);
    }
    // And in English every one of them reads as a sentence from messages.json.
    for (const problem of found) expect(englishProblem(problem)).not.toMatch(/⟦|\$\w+\$|undefined/);
    expect(formatProblem({ file: "f", message: message("problemEmpty") }, pseudo)).toBe("f: ⟦problemEmpty⟧");
  });

  it("words a counted message in the form its count asks for", () => {
    const fields = (n: string) => englishProblem({ message: message("problemCsvFieldCount", n, "3") });
    expect(fields("1")).toBe("has 1 field, the first line names 3");
    expect(fields("2")).toBe("has 2 fields, the first line names 3");
    expect(fields("0")).toBe("has 0 fields, the first line names 3");
  });
});
