/**
 * Finds the terms and the context words in a batch of a page's texts, in one pass over each. The
 * background runs it for every page (see scanTexts in messages.ts): a page only reads its text and
 * sends it, so the matcher is compiled and made fast once, in the background, rather than cold in
 * every tab, and no tab holds the index's trie. Pure: no DOM, no browser APIs.
 */
import type { CompiledIndex } from "../glossary/compile";
import { type EntryColumns, entryRow, type IndexEntry } from "../glossary/entry-table";
import { foldCode, SPACE } from "./fold";
import { type AlsoFind, type Match, Matcher } from "./matcher";

/** What a scan of some texts found. */
export interface ScanAnswer {
  /** For each text, its matches laid flat (see flatMatches); empty where there are none. */
  matches: number[][];
  /** The context words (folded) the texts hold, each once. */
  words: string[];
}

/**
 * What a page gets for some of its texts (see scanTexts in messages.ts): what the scan found, which
 * version of the index found it (see indexVersion), and the rows of the entries found that the page
 * did not say it holds. A page holds only the entries on it, so a page where no term occurs loads no
 * glossary at all, and a 50,000-entry glossary costs a page no more than the bundled one.
 */
export interface PageScanAnswer extends ScanAnswer {
  version: string;
  rows: EntryRows;
}

/** Entries by number: the part of the entry table a page holds. */
export type EntryRows = [entry: number, row: IndexEntry][];

/** The rows of the entries these matches name (laid flat, see flatMatches) that are not in `known`. */
export function newRows(
  entries: EntryColumns,
  matches: readonly number[][],
  known: ReadonlySet<number>,
): EntryRows {
  const named = new Set<number>();
  for (const flat of matches)
    for (const match of readMatches(flat)) for (const n of match.entries) named.add(n);
  return [...named].filter((n) => !known.has(n)).map((n) => [n, entryRow(entries, n)]);
}

/** The part of a compiled index a scan reads. */
export type ScanIndex = Pick<CompiledIndex, "aliases" | "trie" | "context">;

export class TextScanner {
  private readonly terms: Matcher;
  private readonly context: CompiledIndex["context"];
  private readonly contextMatcher: Matcher;

  constructor(index: ScanIndex) {
    this.terms = new Matcher(index.aliases, index.trie);
    this.context = index.context;
    // Word n of the list is "entry" n of the matcher that finds them (see compile.ts).
    this.contextMatcher = new Matcher(
      { entries: index.context.words.map((_, n) => n), exact: {} },
      index.context.trie,
    );
  }

  scan(texts: readonly string[]): ScanAnswer {
    const words = new Set<string>();
    const finder = this.contextFinder(words);
    const matches = texts.map((text) => flatMatches(this.terms.scan(text, finder)));
    return { matches, words: [...words] };
  }

  /** Notes in `present` each context word the terms' pass meets. */
  private contextFinder(present: Set<string>): AlsoFind | undefined {
    const { words } = this.context;
    const matcher = this.contextMatcher;
    if (words.length === 0) return undefined;
    return {
      matcher,
      // The pass finds the longest word at each start and none inside it: a word that starts after
      // a space further in is looked up too ("Bardella" in "Jordan Bardella").
      found: (match, text) => {
        for (let i = match.start; i < match.end; i++) {
          const found =
            i === match.start
              ? match
              : foldCode(text.charCodeAt(i - 1)) === SPACE && matcher.longestAt(text, i);
          if (found) present.add(words[found.entries[0] as number] as string);
        }
      },
    };
  }
}

/**
 * Matches as a message carries them cheaply: start, end, how many entries, then the entries, for
 * each match in turn.
 */
export function flatMatches(matches: readonly Match[]): number[] {
  const flat: number[] = [];
  for (const { start, end, entries } of matches) flat.push(start, end, entries.length, ...entries);
  return flat;
}

/** The matches flatMatches laid flat. */
export function readMatches(flat: readonly number[]): Match[] {
  const matches: Match[] = [];
  for (let i = 0; i + 2 < flat.length; ) {
    const start = flat[i] as number;
    const end = flat[i + 1] as number;
    const count = flat[i + 2] as number;
    matches.push({ start, end, entries: flat.slice(i + 3, i + 3 + count) });
    i += 3 + count;
  }
  return matches;
}
