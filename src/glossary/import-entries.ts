/**
 * Checks a file's raw entries one by one: the schema, keys that could reach a prototype, ids used
 * twice or already used elsewhere. Each problem names the file, the entry or line, and the field.
 * Pure.
 */
import * as v from "valibot";
import { notWithinProblem } from "./not-within";
import { type Message, message, type Problem, problem } from "./problems";
import { aliasText, type Entry, EntrySchema } from "./schema";
import { issueMessage, issuePath } from "./schema-problems";

/** Keys that could reach an object's prototype if some code ever copied them naively. */
export const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export interface EntryCheck {
  file: string;
  /** Ids already used elsewhere, with who uses them (see takenIds). */
  taken: ReadonlyMap<string, Message>;
  /** Where the entry at this index is: "entry 2 ("x")", "line 3". */
  where: (index: number, id: unknown) => Message;
  /** Ids met so far in this file, with where; shared by the glossaries of an export. */
  seen?: Map<string, Message>;
  /** Names a field as the file names it (a CSV's columns). */
  fieldName?: (field: string[]) => string[];
}

/** Validates each raw entry; the ones with problems are left out and described. */
export function checkEntries(
  raw: readonly unknown[],
  check: EntryCheck,
): { entries: Entry[]; invalid: Problem[] } {
  const seen = check.seen ?? new Map<string, Message>();
  const entries: Entry[] = [];
  const invalid: Problem[] = [];
  raw.forEach((item, index) => {
    const at = check.where(index, isRecord(item) ? item.id : undefined);
    const found = entryProblems(item, check.taken, seen);
    if (found.length > 0) {
      const name = check.fieldName ?? ((field: string[]) => field);
      invalid.push(...found.map(([field, what]) => problem(check.file, what, at, name(field))));
    } else {
      const entry = v.parse(EntrySchema, item);
      seen.set(entry.id, at);
      entries.push(entry);
    }
  });
  return { entries, invalid };
}

type Found = [field: string[], what: Message];

function entryProblems(
  item: unknown,
  taken: ReadonlyMap<string, Message>,
  seen: ReadonlyMap<string, Message>,
): Found[] {
  const forbidden = forbiddenKeyPath(item);
  if (forbidden) return [[forbidden, message("problemForbiddenKey")]];
  const result = v.safeParse(EntrySchema, item);
  if (!result.success) return result.issues.map((issue) => [issuePath(issue), issueMessage(issue)]);
  const entry = result.output;
  const found: Found[] = [];
  if (FORBIDDEN_KEYS.has(entry.id)) found.push([["id"], message("problemReservedId", entry.id)]);
  const other = seen.get(entry.id);
  if (other) found.push([["id"], message("problemIdTwice", entry.id, other)]);
  const owner = taken.get(entry.id);
  if (owner) found.push([["id"], message("problemIdTaken", entry.id, owner)]);
  entry.aliases.forEach((alias, n) => {
    const text = aliasText(alias);
    if (!/^[\p{L}\p{N}]/u.test(text)) found.push([["aliases", String(n)], message("problemAliasStart")]);
  });
  entry.notWithin?.forEach((name, n) => {
    const problem = notWithinProblem(entry.aliases, name);
    if (problem) found.push([["notWithin", String(n)], problem]);
  });
  return found;
}

/** The path to the first forbidden key (["facts", "0", "__proto__"]), or null. Iterative: no depth limit. */
export function forbiddenKeyPath(value: unknown): string[] | null {
  interface Step {
    value: unknown;
    key: string;
    parent: Step | null;
  }
  const stack: Step[] = [{ value, key: "", parent: null }];
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if (step.value === null || typeof step.value !== "object") continue;
    for (const key of Object.keys(step.value)) {
      const child: Step = { value: (step.value as Record<string, unknown>)[key], key, parent: step };
      if (!FORBIDDEN_KEYS.has(key)) {
        stack.push(child);
        continue;
      }
      const path: string[] = [];
      for (let at: Step | null = child; at?.parent; at = at.parent) path.unshift(at.key);
      return path;
    }
  }
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
