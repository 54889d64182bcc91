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
  return { entries: indexEntries, aliases, trie: compactTrie(aliases) };
}

/** Entry bodies by id, for the background to answer the popover with. */
export function compileBodies(entries: readonly Entry[]): Record<string, Entry> {
  return Object.fromEntries(entries.map((entry) => [entry.id, entry]));
}
