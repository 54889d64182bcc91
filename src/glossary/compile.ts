/**
 * Compiles validated entries into the two things the extension loads: the small index the content
 * script matches with, and the entry bodies the popover shows (served by the background).
 */

import type { CompactTrie } from "../engine/compact-trie";
import { foldAlias } from "../engine/fold";
import type { AliasTable, IndexAlias } from "../engine/matcher";
import { aliasTable, compactTrie } from "../engine/trie-build";
import { type Period, periodOf } from "./alias-periods";
import { type EntryColumns, entryColumns, type IndexEntry } from "./entry-table";
import type { Entry } from "./schema";

export type { IndexEntry } from "./entry-table";

export interface CompiledIndex {
  entries: EntryColumns;
  aliases: AliasTable;
  /** The aliases' trie, laid out at build time so a page never builds it. */
  trie: CompactTrie;
  /**
   * The words entries require or exclude on the page (folded) and their trie, so that the page need
   * not build it either: word n is "entry" n of the trie's aliases.
   */
  context: { words: string[]; trie: CompactTrie };
  /**
   * The aliases that apply only to articles published in a period, by alias number (see
   * alias-periods.ts). Missing from indexes readers saved before periods existed.
   */
  periods?: Record<string, Period>;
}

export function compileIndex(entries: readonly Entry[]): CompiledIndex {
  const aliases: IndexAlias[] = [];
  const periods: Record<string, Period> = {};
  const indexEntries = entries.map((entry, index): IndexEntry => {
    for (const alias of entry.aliases) {
      const text = typeof alias === "string" ? alias : alias.text;
      const period = periodOf(alias);
      if (period[0] || period[1]) periods[aliases.length] = period;
      aliases.push({
        folded: foldAlias(text),
        entry: index,
        // Not schema.ts's isCaseSensitive: importing from it would bring valibot into the content script.
        ...(typeof alias !== "string" && alias.caseSensitive && { exact: text }),
      });
    }
    for (const name of entry.notWithin ?? []) aliases.push({ folded: foldAlias(name), entry: -(index + 1) });
    const compiled: IndexEntry = { id: entry.id, title: entry.title, category: entry.category };
    if (entry.context?.require) compiled.require = entry.context.require.map(foldAlias);
    if (entry.context?.exclude) compiled.exclude = entry.context.exclude.map(foldAlias);
    return compiled;
  });
  const columns = entryColumns(indexEntries);
  const words = contextWordsOf(columns);
  return {
    entries: columns,
    aliases: aliasTable(aliases),
    trie: compactTrie(aliases),
    context: { words, trie: compactTrie(contextAliases(words)) },
    ...(Object.keys(periods).length > 0 && { periods }),
  };
}

/** Every context word of the entries, once each, in first-seen order. */
export function contextWordsOf(entries: EntryColumns): string[] {
  return [
    ...new Set(
      Object.values(entries.rules).flatMap((rule) => [...(rule.require ?? []), ...(rule.exclude ?? [])]),
    ),
  ];
}

/** Context words as aliases of the matcher that finds them: word i is "entry" i. */
export function contextAliases(words: readonly string[]): IndexAlias[] {
  return words.map((folded, entry) => ({ folded, entry }));
}

/** Entry bodies by id, for the background to answer the popover with. */
export function compileBodies(entries: readonly Entry[]): Record<string, Entry> {
  return Object.fromEntries(entries.map((entry) => [entry.id, entry]));
}
