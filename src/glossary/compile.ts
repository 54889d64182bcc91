/**
 * Compiles validated entries into the two things the extension loads: the small index the content
 * script matches with, and the entry bodies the popover shows (served by the background).
 */
import { foldAlias } from "../engine/fold";
import { type CompactTrie, compactTrie, type IndexAlias } from "../engine/matcher";
import type { Category, Entry } from "./schema";

export interface IndexEntry {
  id: string;
  title: string;
  category: Category;
  /** Folded context words: at least one must be on the page. */
  require?: string[];
  /** Folded context words: none may be on the page. */
  exclude?: string[];
}

export interface CompiledIndex {
  entries: IndexEntry[];
  aliases: IndexAlias[];
  /** The aliases' trie, laid out at build time so a page never builds it. */
  trie: CompactTrie;
  /**
   * The words entries require or exclude on the page (folded, each once) and their trie, so that the
   * page need not build it either. Optional: an index without it builds the trie when it loads.
   */
  context?: { words: string[]; trie: CompactTrie };
}

export function compileIndex(entries: readonly Entry[]): CompiledIndex {
  const aliases: IndexAlias[] = [];
  const indexEntries = entries.map((entry, index): IndexEntry => {
    for (const alias of entry.aliases) {
      if (typeof alias === "string") aliases.push({ folded: foldAlias(alias), entry: index });
      else aliases.push({ folded: foldAlias(alias.text), entry: index, exact: alias.text });
    }
    const compiled: IndexEntry = { id: entry.id, title: entry.title, category: entry.category };
    if (entry.context?.require) compiled.require = entry.context.require.map(foldAlias);
    if (entry.context?.exclude) compiled.exclude = entry.context.exclude.map(foldAlias);
    return compiled;
  });
  const words = contextWordsOf(indexEntries);
  return {
    entries: indexEntries,
    aliases,
    trie: compactTrie(aliases),
    context: { words, trie: compactTrie(contextAliases(words)) },
  };
}

/** Every context word of the entries, once each, in first-seen order. */
export function contextWordsOf(entries: readonly IndexEntry[]): string[] {
  return [...new Set(entries.flatMap((entry) => [...(entry.require ?? []), ...(entry.exclude ?? [])]))];
}

/** Context words as aliases of the matcher that finds them: word i is "entry" i. */
export function contextAliases(words: readonly string[]): IndexAlias[] {
  return words.map((folded, entry) => ({ folded, entry }));
}

/** Entry bodies by id, for the background to answer the popover with. */
export function compileBodies(entries: readonly Entry[]): Record<string, Entry> {
  return Object.fromEntries(entries.map((entry) => [entry.id, entry]));
}
