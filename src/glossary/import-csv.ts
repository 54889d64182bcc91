/**
 * A reader's CSV glossary (term, summary, aliases, source, and optionally category and when to mark
 * a term: require, exclude, notwithin) as raw entries,
 * each with the line it starts on; the importer then checks them like the entries of a JSON file.
 * Pure and total.
 */
import { parseCsv } from "./csv";
import { contextOf, listOf } from "./entry-lists";
import { message, type Problem, problem } from "./problems";
import { slug } from "./reader-glossary";

/** The CSV columns; term, summary and source are required, the others optional. */
const CSV_COLUMNS = [
  "term",
  "summary",
  "aliases",
  "source",
  "category",
  "require",
  "exclude",
  "notwithin",
] as const;
/** What separates the items of a list in a cell: semicolons, or bars as some exports write them. */
const LIST = /[;|]/;
const REQUIRED_COLUMNS = ["term", "summary", "source"];

export type CsvRows =
  | { ok: false; error: Problem }
  | {
      ok: true;
      /** One raw entry per row with the right number of fields, and the line each starts on. */
      raw: unknown[];
      lines: number[];
      /** Rows left out, described. */
      lineProblems: Problem[];
      total: number;
    };

/** Reads the rows of a CSV file into raw entries, or says why the file cannot be read. */
export function csvRows(fileName: string, text: string, today: string): CsvRows {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    const what = message(parsed.error === "unclosed" ? "problemCsvUnclosed" : "problemCsvAfterQuote");
    return { ok: false, error: problem(fileName, what, message("problemAtLine", String(parsed.line))) };
  }
  const [header, ...rows] = parsed.records;
  if (!header) return { ok: false, error: problem(fileName, message("problemEmptyFile")) };
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name)).join(", ");
  const unknown = columns.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name)).join(", ");
  if (missing || unknown) {
    const what =
      missing && unknown
        ? message("problemCsvMissingUnknown", missing, unknown)
        : missing
          ? message("problemCsvMissing", missing)
          : message("problemCsvUnknown", unknown);
    const at = message("problemAtLine", String(header.line));
    return { ok: false, error: problem(fileName, message("problemCsvHeader", what), at) };
  }
  const raw: unknown[] = [];
  const lines: number[] = [];
  const lineProblems: Problem[] = [];
  for (const row of rows) {
    if (row.fields.length !== columns.length) {
      const what = message("problemCsvFieldCount", String(row.fields.length), String(columns.length));
      lineProblems.push(problem(fileName, what, message("problemAtLine", String(row.line))));
      continue;
    }
    const cell = (name: string) => (row.fields[columns.indexOf(name)] ?? "").trim();
    raw.push(entryFromRow(cell, today));
    lines.push(row.line);
  }
  return { ok: true, raw, lines, lineProblems, total: rows.length };
}

/** Names the CSV column an entry's field comes from (["sources", "0", "url"] → ["source"]). */
export function csvFieldName(field: string[]): string[] {
  const [first, second, third] = field;
  if (field.length === 1 && (first === "title" || first === "id")) return ["term"];
  if (first === "sources" && second === "0" && (third === "url" || third === "title")) return ["source"];
  if (first === "aliases" && field.length === 2) return ["aliases"];
  if (first === "context" && (second === "require" || second === "exclude")) return [second];
  if (first === "notWithin") return ["notwithin"];
  return field;
}

/** A CSV row as an entry; the schema then checks it like any other. */
function entryFromRow(cell: (name: string) => string, today: string): unknown {
  const term = cell("term");
  const aliases = [term, ...listOf(cell("aliases"), LIST)].filter(Boolean);
  const unique = aliases.filter(
    (alias, i) => aliases.findIndex((other) => other.toLowerCase() === alias.toLowerCase()) === i,
  );
  const source = cell("source");
  const context = contextOf(listOf(cell("require"), LIST), listOf(cell("exclude"), LIST));
  const notWithin = listOf(cell("notwithin"), LIST);
  return {
    id: slug(term) || term,
    title: term,
    // Short acronyms in capitals are case-sensitive, as in the bundled glossary ("UN" is not "un").
    aliases: unique.map((alias) =>
      /^\p{Lu}{2,3}$/u.test(alias) ? { text: alias, caseSensitive: true } : alias,
    ),
    category: cell("category") || "concept",
    summary: cell("summary"),
    sources: [{ title: hostOf(source), url: source }],
    reviewed: today,
    ...(context && { context }),
    ...(notWithin.length > 0 && { notWithin }),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || "Source";
  } catch {
    return "Source";
  }
}
