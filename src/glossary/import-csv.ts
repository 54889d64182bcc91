/**
 * A reader's CSV glossary (term, summary, aliases, source, and optionally category) as raw entries,
 * each with the line it starts on; the importer then checks them like the entries of a JSON file.
 * Pure and total.
 */
import { parseCsv } from "./csv";
import { slug } from "./reader-glossary";

/** The CSV columns; term, summary and source are required, aliases and category are optional. */
const CSV_COLUMNS = ["term", "summary", "aliases", "source", "category"] as const;
const REQUIRED_COLUMNS = ["term", "summary", "source"];

export type CsvRows =
  | { ok: false; error: string }
  | {
      ok: true;
      /** One raw entry per row with the right number of fields, and the line each starts on. */
      raw: unknown[];
      lines: number[];
      /** Rows left out, described. */
      lineProblems: string[];
      total: number;
    };

/** Reads the rows of a CSV file into raw entries, or says why the file cannot be read. */
export function csvRows(fileName: string, text: string, today: string): CsvRows {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, error: `${fileName}: line ${parsed.line}: ${parsed.error}` };
  const [header, ...rows] = parsed.records;
  if (!header) return { ok: false, error: `${fileName}: the file is empty` };
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  const unknown = columns.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length > 0 ? `missing column(s) ${missing.join(", ")}` : "",
      unknown.length > 0 ? `unknown column(s) ${unknown.join(", ")}` : "",
    ].filter(Boolean);
    return {
      ok: false,
      error: `${fileName}: line ${header.line}: ${parts.join("; ")} (the first line must name the columns: term, summary, aliases, source, and optionally category)`,
    };
  }
  const raw: unknown[] = [];
  const lines: number[] = [];
  const lineProblems: string[] = [];
  for (const row of rows) {
    if (row.fields.length !== columns.length) {
      lineProblems.push(
        `${fileName}: line ${row.line}: has ${row.fields.length} fields, the first line names ${columns.length}`,
      );
      continue;
    }
    const cell = (name: string) => (row.fields[columns.indexOf(name)] ?? "").trim();
    raw.push(entryFromRow(cell, today));
    lines.push(row.line);
  }
  return { ok: true, raw, lines, lineProblems, total: rows.length };
}

/** Names the CSV column a schema problem is about. */
export function csvFieldNames(problem: string): string {
  return problem
    .replace(/› title:/, "› term:")
    .replace(/› id:/, "› term:")
    .replace(/› sources › 0 › (url|title):/, "› source:")
    .replace(/› aliases › \d+:/, "› aliases:");
}

/** A CSV row as an entry; the schema then checks it like any other. */
function entryFromRow(cell: (name: string) => string, today: string): unknown {
  const term = cell("term");
  const aliases = [term, ...cell("aliases").split(/[;|]/)].map((alias) => alias.trim()).filter(Boolean);
  const unique = aliases.filter(
    (alias, i) => aliases.findIndex((other) => other.toLowerCase() === alias.toLowerCase()) === i,
  );
  const source = cell("source");
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
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || "Source";
  } catch {
    return "Source";
  }
}
