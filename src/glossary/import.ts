/**
 * Reads a reader's glossary file (our JSON schema, a CSV of term, summary, aliases, source, or a
 * Backstory export) into checked entries, with one message per problem naming the file, the entry or
 * line, and the field. Pure and total: whatever the input, it returns a result and never throws.
 */
import * as v from "valibot";
import { withDefaults } from "../shared/settings";
import { csvFieldNames, csvRows } from "./import-csv";
import type { GlossarySource, ReaderGlossary } from "./reader-glossary";
import { type Entry, EntrySchema } from "./schema";

/** Larger files are refused before they are read: storage.local holds about 10 MB in all. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_LABEL = "2 MB";

/** Keys that could reach an object's prototype if some code ever copied them naively. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** A Backstory export: everything the reader made, settings included. */
export interface Backup {
  settings: ReturnType<typeof withDefaults>;
  glossaries: ReaderGlossary[];
}

export type ImportResult =
  | { ok: false; error: string }
  | { ok: true; kind: "entries"; entries: Entry[]; invalid: string[]; total: number }
  | { ok: true; kind: "backup"; backup: Backup; invalid: string[]; total: number };

export interface ImportContext {
  /** Ids already used elsewhere, with who uses them (see takenIds). */
  taken: ReadonlyMap<string, string>;
  /** YYYY-MM-DD, the review date given to CSV rows. */
  today: string;
}

/** Refuses a file by its size alone, before anything reads it. */
export function checkImportSize(fileName: string, bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return `${fileName}: the file is ${mb} MB; Backstory imports files of at most ${MAX_IMPORT_LABEL}`;
}

/** Reads a file (JSON by its name or first character, otherwise CSV) and checks every entry. */
export function parseImport(fileName: string, text: string, context: ImportContext): ImportResult {
  try {
    const tooBig = checkImportSize(fileName, text.length);
    if (tooBig) return { ok: false, error: tooBig };
    const json = /\.json$/i.test(fileName) || (!/\.csv$/i.test(fileName) && /^\s*[[{]/.test(text));
    return json ? parseJson(fileName, text, context) : parseCsvFile(fileName, text, context);
  } catch (error) {
    // Nothing above should throw; if something does, the reader still gets a message and loses nothing.
    return { ok: false, error: `${fileName}: could not be read (${String(error)})` };
  }
}

function parseJson(fileName: string, text: string, context: ImportContext): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, error: `${fileName}: not valid JSON (${(error as Error).message})` };
  }
  if (Array.isArray(data)) {
    const checked = checkEntries(data, context, (n, id) => `${fileName}: ${entryLabel(n, id)}`);
    return { ok: true, kind: "entries", ...checked, total: data.length };
  }
  if (isRecord(data) && data.backstory === "export") return parseBackup(fileName, data, context);
  return {
    ok: false,
    error: `${fileName}: expected a list of entries ([ … ]) or a Backstory export, not ${describe(data)}`,
  };
}

const entryLabel = (n: number, id: unknown) =>
  typeof id === "string" && id.length <= 100 ? `entry ${n + 1} ("${id}")` : `entry ${n + 1}`;

/** Validates each raw entry; the ones with problems are left out and described. */
function checkEntries(
  raw: readonly unknown[],
  context: ImportContext,
  where: (index: number, id: unknown) => string,
  seen = new Map<string, string>(),
): { entries: Entry[]; invalid: string[] } {
  const entries: Entry[] = [];
  const invalid: string[] = [];
  raw.forEach((item, index) => {
    const id = isRecord(item) ? item.id : undefined;
    const label = where(index, id);
    const problems = entryProblems(item, context, seen);
    if (problems.length > 0) invalid.push(...problems.map((problem) => `${label} › ${problem}`));
    else {
      const entry = v.parse(EntrySchema, item);
      seen.set(entry.id, label);
      entries.push(entry);
    }
  });
  return { entries, invalid };
}

function entryProblems(item: unknown, context: ImportContext, seen: ReadonlyMap<string, string>): string[] {
  const forbidden = forbiddenKeyPath(item);
  if (forbidden) return [`${forbidden}: this key is not allowed`];
  const result = v.safeParse(EntrySchema, item);
  if (!result.success) {
    return result.issues.map((issue) => {
      const path = (issue.path ?? []).map((step) => String(step.key)).join(" › ");
      return `${path || "(entry)"}: ${issue.message}`;
    });
  }
  const entry = result.output;
  const problems: string[] = [];
  if (FORBIDDEN_KEYS.has(entry.id)) problems.push(`id: "${entry.id}" is a reserved word`);
  const other = seen.get(entry.id);
  if (other) problems.push(`id: "${entry.id}" is used twice in this file (also ${other.split(": ").pop()})`);
  const owner = context.taken.get(entry.id);
  if (owner) problems.push(`id: "${entry.id}" is already used by ${owner}`);
  entry.aliases.forEach((alias, n) => {
    const text = typeof alias === "string" ? alias : alias.text;
    if (!/^[\p{L}\p{N}]/u.test(text)) problems.push(`aliases › ${n}: must start with a letter or digit`);
  });
  return problems;
}

/** The path to the first forbidden key ("facts › 0 › __proto__"), or null. Iterative: no depth limit. */
function forbiddenKeyPath(value: unknown): string | null {
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
      return path.join(" › ");
    }
  }
  return null;
}

function parseCsvFile(fileName: string, text: string, context: ImportContext): ImportResult {
  const rows = csvRows(fileName, text, context.today);
  if (!rows.ok) return rows;
  const checked = checkEntries(rows.raw, context, (n) => `${fileName}: line ${rows.lines[n]}`);
  const invalid = [...rows.lineProblems, ...checked.invalid.map(csvFieldNames)];
  return { ok: true, kind: "entries", entries: checked.entries, invalid, total: rows.total };
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HTTPS = /^https:\/\/[^\s<>]+$/;

const SourceSchema = v.variant("kind", [
  v.strictObject({ kind: v.literal("made") }),
  v.strictObject({ kind: v.literal("file"), fileName: v.pipe(v.string(), v.maxLength(300)) }),
  v.strictObject({
    kind: v.literal("subscription"),
    url: v.pipe(v.string(), v.regex(HTTPS, "must start with https://")),
    lastUpdate: v.optional(v.pipe(v.string(), v.maxLength(40))),
    lastError: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  }),
]);

const BackupShape = v.strictObject({
  backstory: v.literal("export"),
  version: v.literal(1, "must be 1 (this export comes from a newer Backstory)"),
  exported: v.optional(v.string()),
  settings: v.record(v.string(), v.unknown()),
  glossaries: v.array(
    v.strictObject({
      id: v.pipe(v.string(), v.regex(ID, "must be lowercase words joined by hyphens")),
      name: v.pipe(v.string(), v.trim(), v.nonEmpty("must not be empty"), v.maxLength(100)),
      source: SourceSchema,
      entries: v.array(v.unknown()),
    }),
  ),
});

function parseBackup(fileName: string, data: Record<string, unknown>, context: ImportContext): ImportResult {
  const forbidden = forbiddenKeyPath({ ...data, glossaries: undefined });
  if (forbidden) return { ok: false, error: `${fileName}: ${forbidden}: this key is not allowed` };
  const result = v.safeParse(BackupShape, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = (issue.path ?? []).map((step) => String(step.key)).join(" › ");
    return { ok: false, error: `${fileName}: ${path || "(top level)"}: ${issue.message}` };
  }
  // A restore replaces every reader glossary, so only the bundled glossary's ids are taken.
  const bundledOnly = new Map([...context.taken].filter(([, owner]) => owner === "the built-in glossary"));
  const seen = new Map<string, string>();
  const invalid: string[] = [];
  const glossaries: ReaderGlossary[] = [];
  const ids = new Set<string>();
  let total = 0;
  for (const glossary of result.output.glossaries) {
    const label = `${fileName}: glossary "${glossary.name}"`;
    if (ids.has(glossary.id)) invalid.push(`${label} › id: "${glossary.id}" is used twice`);
    ids.add(glossary.id);
    total += glossary.entries.length;
    const checked = checkEntries(
      glossary.entries,
      { ...context, taken: bundledOnly },
      (n, id) => `${label} › ${entryLabel(n, id)}`,
      seen,
    );
    invalid.push(...checked.invalid);
    glossaries.push({
      id: glossary.id,
      name: glossary.name,
      source: glossary.source as GlossarySource,
      entries: checked.entries,
    });
  }
  const backup: Backup = { settings: withDefaults(result.output.settings), glossaries };
  return { ok: true, kind: "backup", backup, invalid, total };
}

/** The export file: re-importing it restores exactly this state. */
export function exportText(backup: Backup, exported: string): string {
  return `${JSON.stringify({ backstory: "export", version: 1, exported, ...backup }, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (isRecord(value)) return "an object";
  return `a ${typeof value}`;
}
