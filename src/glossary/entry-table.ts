/**
 * A compiled index's entries, kept a field at a time: one text per field, the entries' values
 * separated by a line break. The background loads 50,000 entries in the time it takes to copy a few
 * strings, and splits a field into a list only the first time it asks for it; a page is sent only
 * the rows of the entries found on it (see newRows).
 */
import type { Category } from "./schema";

/** Words an entry's page must (require) or must not (exclude) hold, folded. */
export interface ContextRule {
  require?: string[];
  exclude?: string[];
}

/** One entry as the engine and the popup see it. */
export interface IndexEntry extends ContextRule {
  id: string;
  title: string;
  category: Category;
}

export interface EntryColumns {
  count: number;
  ids: string;
  titles: string;
  categories: string;
  /** The context rules of the entries that have any, by entry number. */
  rules: Record<string, ContextRule>;
}

const SEPARATOR = "\n";

export function entryColumns(entries: readonly IndexEntry[]): EntryColumns {
  const rules: Record<string, ContextRule> = {};
  entries.forEach(({ require, exclude }, n) => {
    if (require || exclude) rules[n] = { ...(require && { require }), ...(exclude && { exclude }) };
  });
  const column = (field: "id" | "title" | "category") =>
    entries.map((entry) => entry[field].replace(/\s+/g, " ")).join(SEPARATOR);
  return {
    count: entries.length,
    ids: column("id"),
    titles: column("title"),
    categories: column("category"),
    rules,
  };
}

/** Both tables as one: b's entries come after a's, numbered on from a.count. */
export function joinColumns(a: EntryColumns, b: EntryColumns): EntryColumns {
  if (b.count === 0) return a;
  if (a.count === 0) return b;
  const rules = { ...a.rules };
  for (const [n, rule] of Object.entries(b.rules)) rules[Number(n) + a.count] = rule;
  const join = (x: string, y: string) => `${x}${SEPARATOR}${y}`;
  return {
    count: a.count + b.count,
    ids: join(a.ids, b.ids),
    titles: join(a.titles, b.titles),
    categories: join(a.categories, b.categories),
    rules,
  };
}

type Field = "ids" | "titles" | "categories";
const lists = new WeakMap<EntryColumns, Partial<Record<Field, string[]>>>();

function listOf(columns: EntryColumns, field: Field): string[] {
  let split = lists.get(columns);
  if (!split) {
    split = {};
    lists.set(columns, split);
  }
  split[field] ??= columns.count === 0 ? [] : columns[field].split(SEPARATOR);
  return split[field];
}

export const entryId = (columns: EntryColumns, n: number): string | undefined => listOf(columns, "ids")[n];

export const entryTitle = (columns: EntryColumns, n: number): string | undefined =>
  listOf(columns, "titles")[n];

export const entryCategory = (columns: EntryColumns, n: number): Category | undefined =>
  listOf(columns, "categories")[n] as Category | undefined;

export const entryRule = (columns: Pick<EntryColumns, "rules">, n: number): ContextRule | undefined =>
  columns.rules[n];

/** The number of the entry with this id, or -1. */
export const entryNumber = (columns: EntryColumns, id: string): number => listOf(columns, "ids").indexOf(id);

/** One entry as a row. */
export const entryRow = (columns: EntryColumns, n: number): IndexEntry => ({
  id: entryId(columns, n) ?? "",
  title: entryTitle(columns, n) ?? "",
  category: entryCategory(columns, n) ?? "concept",
  ...entryRule(columns, n),
});

/** Every entry as a row (tools and tests). */
export function entryRows(columns: EntryColumns): IndexEntry[] {
  return Array.from({ length: columns.count }, (_, n) => entryRow(columns, n));
}
