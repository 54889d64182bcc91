/**
 * The glossary entry schema. It validates the bundled glossary at build time and, later, readers'
 * own glossaries at import time, so every message names the entry and the field. The English
 * messages here are for the glossary's authors (`npm run glossary -- check`); readers see the same
 * checks in their language (schema-problems.ts).
 */
import * as v from "valibot";
import { CATEGORY_LIST } from "./categories";

export const CATEGORIES = CATEGORY_LIST;

/** "2020", "2020-03" or "2020-03-05": history is not always known to the day. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const FULL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Text is shown as text, never as markup; angle brackets in a glossary are a mistake or an attack. */
export const NO_MARKUP = /^[^<>]*$/;

const text = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty("must not be empty"),
    v.maxLength(max, `must be at most ${max} characters`),
    v.regex(NO_MARKUP, "must be plain text, without < or >"),
  );

const httpsUrl = v.pipe(
  v.string(),
  v.url("must be a URL"),
  v.startsWith("https://", "must start with https://"),
);

export const ALIAS_PLAIN = 'needs "caseSensitive": true, "since" or "before"; otherwise write it as a string';
export const ALIAS_PERIOD = '"since" must be an earlier day than "before"';

const day = v.pipe(v.string(), v.regex(FULL_DATE, "must be a date, YYYY-MM-DD"));

/**
 * An alias: its text, or an object when it is case-sensitive ("ANC", never "anc") or means this entry
 * only in articles published in a period ("Israel-Iran war": the June 2025 war before 28 February
 * 2026, the later war since). `since` is the first day it applies, `before` the day it stops.
 */
const Alias = v.union(
  [
    v.pipe(text(80), v.minLength(2, "must be at least 2 characters")),
    v.pipe(
      v.strictObject({
        text: v.pipe(text(80), v.minLength(2, "must be at least 2 characters")),
        caseSensitive: v.optional(v.literal(true)),
        since: v.optional(day),
        before: v.optional(day),
      }),
      v.check(
        (alias) =>
          alias.caseSensitive !== undefined || alias.since !== undefined || alias.before !== undefined,
        ALIAS_PLAIN,
      ),
      v.check((alias) => !alias.since || !alias.before || alias.since < alias.before, ALIAS_PERIOD),
    ),
  ],
  'must be a string, or { "text": "…" } with "caseSensitive": true, "since": "YYYY-MM-DD" or "before": "YYYY-MM-DD" (one or more)',
);

export const EntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ID, "must be lowercase words joined by hyphens")),
  title: text(100),
  aliases: v.pipe(v.array(Alias), v.minLength(1, "needs at least one alias")),
  /**
   * Longer names an alias stands within that are someone or something else ("Michelle Obama" for
   * Barack Obama's "Obama"): they are never marked as this entry.
   */
  notWithin: v.optional(v.array(v.pipe(text(80), v.minLength(2, "must be at least 2 characters")))),
  category: v.picklist(CATEGORIES, `must be one of: ${CATEGORIES.join(", ")}`),
  summary: text(600),
  facts: v.optional(v.array(v.strictObject({ label: text(40), value: text(200) }))),
  timeline: v.optional(
    v.array(
      v.strictObject({
        date: v.pipe(v.string(), v.regex(PARTIAL_DATE, "must be YYYY, YYYY-MM or YYYY-MM-DD")),
        text: text(300),
      }),
    ),
  ),
  offices: v.optional(
    v.array(
      v.strictObject({
        role: text(100),
        from: v.pipe(v.string(), v.regex(PARTIAL_DATE, "must be YYYY, YYYY-MM or YYYY-MM-DD")),
        to: v.optional(v.pipe(v.string(), v.regex(PARTIAL_DATE, "must be YYYY, YYYY-MM or YYYY-MM-DD"))),
      }),
    ),
  ),
  coordinates: v.optional(
    v.strictObject({
      lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
      lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
    }),
  ),
  related: v.optional(v.array(v.pipe(v.string(), v.regex(ID, "must be an entry id")))),
  sources: v.pipe(
    v.array(v.strictObject({ title: text(200), url: httpsUrl })),
    v.minLength(1, "needs at least one source"),
  ),
  reviewed: v.pipe(v.string(), v.regex(FULL_DATE, "must be YYYY-MM-DD")),
  wordingNote: v.optional(text(400)),
  context: v.optional(
    v.strictObject({
      require: v.optional(v.array(text(80))),
      exclude: v.optional(v.array(text(80))),
    }),
  ),
});

export type Entry = v.InferOutput<typeof EntrySchema>;
export type Category = Entry["category"];
export type Alias = Entry["aliases"][number];

/** An alias as written, whether plain or case-sensitive. */
export const aliasText = (alias: Alias): string => (typeof alias === "string" ? alias : alias.text);

/** Whether an alias's letter case must match. */
export const isCaseSensitive = (alias: Alias): boolean =>
  typeof alias !== "string" && alias.caseSensitive === true;

export const GlossaryFileSchema = v.array(EntrySchema);

/** One readable line per problem: "idlib › sources › 0 › url: must start with https://". */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], entries?: unknown): string[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((item) => String(item.key));
    // Name an entry by its id rather than its position when the id is readable.
    if (Array.isArray(entries) && path.length > 0) {
      const id = (entries[Number(path[0])] as { id?: unknown } | undefined)?.id;
      if (typeof id === "string") path[0] = id;
    }
    return `${path.join(" › ") || "(top level)"}: ${issue.message}`;
  });
}

export function validateGlossary(
  data: unknown,
): { ok: true; entries: Entry[] } | { ok: false; errors: string[] } {
  const result = v.safeParse(GlossaryFileSchema, data);
  if (result.success) return { ok: true, entries: result.output };
  return { ok: false, errors: describeIssues(result.issues, data) };
}
