/**
 * Reads a reader's glossary file (our JSON schema, a CSV of term, summary, aliases, source, or a
 * Backstory export) into checked entries, with one problem per mistake naming the file, the entry or
 * line, and the field (see problems.ts; the options page words them). Pure and total: whatever the
 * input, it returns a result and never throws.
 */
import type { withDefaults } from "../shared/settings";
import { parseBackup } from "./import-backup";
import { csvFieldName, csvRows } from "./import-csv";
import { checkEntries, isRecord } from "./import-entries";
import { entryPlace, type Message, message, type Problem, problem } from "./problems";
import type { ReaderGlossary } from "./reader-glossary";
import type { Entry } from "./schema";

/** Larger files are refused before they are read: storage.local holds about 10 MB in all. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const MAX_IMPORT_MB = String(MAX_IMPORT_BYTES / 1024 / 1024);

/** A Backstory export: everything the reader made, settings included. */
export interface Backup {
  settings: ReturnType<typeof withDefaults>;
  glossaries: ReaderGlossary[];
}

export type ImportResult =
  | { ok: false; error: Problem }
  | { ok: true; kind: "entries"; entries: Entry[]; invalid: Problem[]; total: number }
  | { ok: true; kind: "backup"; backup: Backup; invalid: Problem[]; total: number };

export interface ImportContext {
  /** Ids already used elsewhere, with who uses them (see takenIds). */
  taken: ReadonlyMap<string, Message>;
  /** YYYY-MM-DD, the review date given to CSV rows. */
  today: string;
}

/** Refuses a file by its size alone, before anything reads it. */
export function checkImportSize(fileName: string, bytes: number): Problem | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return problem(fileName, message("problemTooBig", mb, MAX_IMPORT_MB));
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
    return { ok: false, error: problem(fileName, message("problemUnreadable", String(error))) };
  }
}

function parseJson(fileName: string, text: string, context: ImportContext): ImportResult {
  let data: unknown;
  const json = text.replace(/^\uFEFF/, "");
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: problem(fileName, jsonMistake(json, String((error as Error).message))) };
  }
  if (Array.isArray(data)) {
    const checked = checkEntries(data, { file: fileName, taken: context.taken, where: entryPlace });
    return { ok: true, kind: "entries", ...checked, total: data.length };
  }
  if (isRecord(data) && data.backstory === "export") return parseBackup(fileName, data, context);
  return { ok: false, error: problem(fileName, message("problemNotGlossary", kindOf(data))) };
}

function parseCsvFile(fileName: string, text: string, context: ImportContext): ImportResult {
  const rows = csvRows(fileName, text, context.today);
  if (!rows.ok) return rows;
  const checked = checkEntries(rows.raw, {
    file: fileName,
    taken: context.taken,
    where: (n) => message("problemAtLine", String(rows.lines[n])),
    fieldName: csvFieldName,
  });
  const invalid = [...rows.lineProblems, ...checked.invalid];
  return { ok: true, kind: "entries", entries: checked.entries, invalid, total: rows.total };
}

/** The export file: re-importing it restores exactly this state. */
export function exportText(backup: Backup, exported: string): string {
  return `${JSON.stringify({ backstory: "export", version: 1, exported, ...backup }, null, 2)}\n`;
}

/**
 * Where JSON.parse stopped, as a line and column: the browser's own message is English in every
 * language ("… at position 51", or "… at line 4 column 3" in Firefox), so only its numbers are kept.
 */
function jsonMistake(json: string, detail: string): Message {
  const lineColumn = /line (\d+) column (\d+)/.exec(detail);
  if (lineColumn) return message("problemNotJsonAt", lineColumn[1] as string, lineColumn[2] as string);
  if (/end of JSON input/.test(detail)) return message("problemNotJsonEnd");
  const position = /position (\d+)/.exec(detail);
  // Else the browser's words are all there is ("Unexpected token '<', "<html>…" is not valid JSON").
  if (!position) return message("problemNotJson", detail);
  const lines = json.slice(0, Number(position[1])).split("\n");
  return message("problemNotJsonAt", String(lines.length), String((lines.at(-1) ?? "").length + 1));
}

function kindOf(value: unknown): Message {
  if (value === null) return message("problemKindNull");
  if (typeof value === "string") return message("problemKindText");
  if (typeof value === "number") return message("problemKindNumber");
  if (typeof value === "boolean") return message("problemKindBoolean");
  return message("problemKindObject");
}
