/**
 * Readers' own glossaries as plain data: what is stored, how an import changes it, and the one compiled
 * index the content script loads for all of them. Pure: no browser APIs, so it is tested in Node.
 */
import { type CompiledIndex, compileIndex } from "./compile";
import { type Message, message, type Problem } from "./problems";
import type { Entry } from "./schema";

/** Where a reader's glossary came from. */
export type GlossarySource =
  | { kind: "made" }
  | { kind: "file"; fileName: string }
  | {
      kind: "subscription";
      url: string;
      /** When the entries were last fetched successfully (ISO time). */
      lastUpdate?: string;
      /**
       * Why the last fetch failed; the entries from the last good fetch are kept. Text when an
       * earlier Backstory recorded it, before errors were kept as messages; shown as it is.
       */
      lastError?: Problem | string;
    };

export interface ReaderGlossary {
  id: string;
  name: string;
  source: GlossarySource;
  entries: Entry[];
}

/** The id of the glossary that entries made in the options page form go into. */
export const OWN_GLOSSARY_ID = "mine";

export type ImportMode = "merge" | "replace";

export interface EntryDiff {
  added: Entry[];
  changed: Entry[];
  unchanged: number;
}

/** JSON with keys sorted, so two entries that differ only in key order compare equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** What an import would add and change in a glossary that holds `existing`. */
export function diffEntries(existing: readonly Entry[], incoming: readonly Entry[]): EntryDiff {
  const byId = new Map(existing.map((entry) => [entry.id, stableJson(entry)]));
  const diff: EntryDiff = { added: [], changed: [], unchanged: 0 };
  for (const entry of incoming) {
    const before = byId.get(entry.id);
    if (before === undefined) diff.added.push(entry);
    else if (before !== stableJson(entry)) diff.changed.push(entry);
    else diff.unchanged++;
  }
  return diff;
}

/** Merge keeps what the file does not mention; replace leaves exactly the file's entries. */
export function applyEntries(
  existing: readonly Entry[],
  incoming: readonly Entry[],
  mode: ImportMode,
): Entry[] {
  if (mode === "replace") return [...incoming];
  const byId = new Map(incoming.map((entry) => [entry.id, entry]));
  const kept = existing.map((entry) => byId.get(entry.id) ?? entry);
  const known = new Set(existing.map((entry) => entry.id));
  return [...kept, ...incoming.filter((entry) => !known.has(entry.id))];
}

/** Ids already in use, with who uses them: the bundled glossary and the reader's other glossaries. */
export function takenIds(
  bundledIds: Iterable<string>,
  glossaries: readonly ReaderGlossary[],
  except?: string,
): Map<string, Message> {
  const taken = new Map<string, Message>();
  const builtIn = message("problemOwnerBuiltIn");
  for (const id of bundledIds) taken.set(id, builtIn);
  for (const glossary of glossaries) {
    if (glossary.id === except) continue;
    const owner = message("problemOwnerGlossary", glossary.name);
    for (const entry of glossary.entries) taken.set(entry.id, owner);
  }
  return taken;
}

/** One index over every reader entry, compiled with the bundled glossary's own compiler. */
export function compileReaderIndex(glossaries: readonly ReaderGlossary[]): CompiledIndex {
  return compileIndex(glossaries.flatMap((glossary) => glossary.entries));
}

/** A short, unused id for a new glossary. */
export function newGlossaryId(glossaries: readonly ReaderGlossary[], base: string): string {
  return freeId(slug(base) || "glossary", new Set(glossaries.map((glossary) => glossary.id)));
}

/** stem, or stem-2, stem-3…: the first that taken does not hold. */
export function freeId(stem: string, taken: { has(id: string): boolean }): string {
  if (!taken.has(stem)) return stem;
  let n = 2;
  while (taken.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

/** Lowercase ASCII words joined by hyphens: the entry id form ("Erdoğan's party" → "erdogan-s-party"). */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}
