/**
 * The options page's entry form as data: what the reader typed in, checked by the glossary schema,
 * with one message per field. Pure.
 */
import * as v from "valibot";
import { contextOf, listOf } from "./entry-lists";
import { notWithinProblem } from "./not-within";
import { type Message, message } from "./problems";
import { freeId, slug } from "./reader-glossary";
import { aliasText, type Category, type Entry, EntrySchema } from "./schema";
import { issueMessage, issuePath } from "./schema-problems";

export interface EntryFields {
  title: string;
  category: Category;
  summary: string;
  /** Aliases separated by commas or semicolons; the title is always one. */
  aliases: string;
  source: string;
  /** When to mark it (see Entry.context and Entry.notWithin), each a list separated by semicolons. */
  require: string;
  exclude: string;
  notWithin: string;
}

/** What is wrong with each field, as a sentence ("This field must start with https://."). */
export type FieldErrors = Partial<Record<keyof EntryFields, Message>>;

const ADD = [
  ["title", "myEntryAddTitle"],
  ["summary", "myEntryAddSummary"],
  ["source", "myEntryAddSource"],
] as const;

export const emptyFields = (): EntryFields => ({
  title: "",
  category: "concept",
  summary: "",
  aliases: "",
  source: "",
  require: "",
  exclude: "",
  notWithin: "",
});

export function fieldsOf(entry: Entry): EntryFields {
  const texts = entry.aliases.map(aliasText);
  return {
    title: entry.title,
    category: entry.category,
    summary: entry.summary,
    aliases: texts.filter((text) => text !== entry.title).join("; "),
    source: entry.sources[0]?.url ?? "",
    require: entry.context?.require?.join("; ") ?? "",
    exclude: entry.context?.exclude?.join("; ") ?? "",
    notWithin: entry.notWithin?.join("; ") ?? "",
  };
}

/** The entry the form describes, or the problem with each field. `id` is kept when editing. */
export function entryFromFields(
  fields: EntryFields,
  taken: ReadonlyMap<string, unknown>,
  today: string,
  id?: string,
): { ok: true; entry: Entry } | { ok: false; errors: FieldErrors } {
  const title = fields.title.trim();
  const texts = [title, ...listOf(fields.aliases)].filter(Boolean);
  const aliases = texts.filter(
    (text, i) => texts.findIndex((o) => o.toLowerCase() === text.toLowerCase()) === i,
  );
  let host = "Source";
  try {
    host = new URL(fields.source.trim()).hostname || host;
  } catch {}
  const context = contextOf(listOf(fields.require), listOf(fields.exclude));
  const notWithin = listOf(fields.notWithin);
  const draft = {
    id: id ?? freeId(slug(title) || "entry", taken),
    title,
    aliases: aliases.map((alias) =>
      /^\p{Lu}{2,3}$/u.test(alias) ? { text: alias, caseSensitive: true as const } : alias,
    ),
    category: fields.category,
    summary: fields.summary,
    sources: [{ title: host, url: fields.source.trim() }],
    reviewed: today,
    ...(context && { context }),
    ...(notWithin.length > 0 && { notWithin }),
  };
  const errors: FieldErrors = {};
  // An empty field the entry needs says what to put in it.
  for (const [name, key] of ADD) if (!fields[name].trim()) errors[name] = message(key);
  const result = v.safeParse(EntrySchema, draft);
  const wrong = (problem: Message) => message("myEntryFieldError", problem);
  if (!result.success) {
    for (const issue of result.issues) {
      errors[fieldOf(issuePath(issue))] ??= wrong(issueMessage(issue));
    }
  }
  for (const alias of aliases) {
    if (!/^[\p{L}\p{N}]/u.test(alias))
      errors[alias === title ? "title" : "aliases"] ??= wrong(message("problemAliasStart"));
  }
  // Checked even while other fields are wrong, so one save shows every problem.
  for (const name of notWithin) {
    const problem = notWithinProblem(draft.aliases, name);
    if (problem) errors.notWithin ??= message("myEntryListError", problem);
  }
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, entry: result.output };
}

/**
 * The entry saved from the form in place of `before`, keeping what the form does not show: its
 * timeline, facts, offices, map, related entries, its further sources (all of them while the first is
 * unchanged), and each alias's letter case rule and period. Context words and names an alias stands within are
 * the form's: emptied there, they are gone.
 */
export function keepUnshown(before: Entry, edited: Entry): Entry {
  const { context: _context, notWithin: _notWithin, ...kept } = before;
  const aliases = edited.aliases.map(
    (alias) => before.aliases.find((old) => aliasText(old) === aliasText(alias)) ?? alias,
  );
  const [first, ...more] = before.sources;
  const sources = first?.url === edited.sources[0]?.url ? before.sources : [...edited.sources, ...more];
  return { ...kept, ...edited, aliases, sources };
}

function fieldOf(path: string[]): keyof EntryFields {
  if (path[0] === "sources") return "source";
  // No alias at all, or a bad first one, is a problem with the title (the first alias).
  if (path[0] === "aliases") return path[1] === undefined || path[1] === "0" ? "title" : "aliases";
  if (path[0] === "category" || path[0] === "summary" || path[0] === "notWithin") return path[0];
  if (path[0] === "context") return path[1] === "exclude" ? "exclude" : "require";
  return "title";
}
