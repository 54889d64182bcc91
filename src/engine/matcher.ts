/**
 * The term matcher: a trie of folded aliases, walked from each word start of a text. Longest match
 * wins and matches never overlap. Pure: no DOM, no browser APIs.
 */
import { type CompactTrie, inFilter, pairHash, readNumber } from "./compact-trie";
import { foldCode, foldTable, IGNORE, isWordCode, known, learn, SPACE, WORD_BIT } from "./fold";
import { acceptedEntries } from "./letter-case";

/** One alias as the compiled index stores it. */
export interface IndexAlias {
  /** The alias folded with foldAlias. */
  folded: string;
  /**
   * The entry, or for a name the entry's aliases stand within but that is someone else ("Michelle
   * Obama" for Barack Obama's "Obama", see notWithin in schema.ts) -(entry + 1): found like an alias,
   * so the shorter alias inside it is not, and marked as nothing.
   */
  entry: number;
  /** Set for case-sensitive aliases: the alias as written, whose letter case must match. */
  exact?: string;
}

/**
 * The aliases as the compiled index keeps them: each alias's entry, and the exact text of the
 * case-sensitive ones, by alias number. Loading it creates no object per alias.
 */
export interface AliasTable {
  entries: number[];
  exact: Record<string, string>;
}

export interface Match {
  start: number;
  end: number;
  /** Entries this text may stand for; more than one only when context words must tell them apart. */
  entries: readonly number[];
}

/** What a name an entry's aliases stand within stands for (see IndexAlias.entry): nothing, found. */
const NOBODY: readonly number[] = [];

/** A second matcher whose matches a scan finds in the same pass, and what to do with each. */
export interface AlsoFind {
  matcher: Matcher;
  found: (match: Match, text: string) => void;
}

export class Matcher {
  private readonly aliases: AliasTable;
  private readonly codes: string;
  private readonly nodes: string;
  private readonly terminals: readonly number[];
  private readonly firstWords: string;
  private readonly wholeWords: string;
  private readonly pairs: string;
  /** For nodes whose aliases are all case-insensitive: the entries they stand for, worked out once. */
  private readonly plainEntries = new Map<number, readonly number[]>();
  /** For the other nodes: their aliases, read once. */
  private readonly casedAliases = new Map<number, { entry: number; exact?: string }[]>();

  /** From a compiled index's alias table and trie (see trie-build.ts for tools and tests). */
  constructor(aliases: AliasTable, trie: CompactTrie) {
    this.aliases = aliases;
    this.codes = trie.codes;
    this.nodes = trie.nodes;
    this.terminals = trie.terminals;
    this.firstWords = trie.firstWords;
    this.wholeWords = trie.wholeWords;
    this.pairs = trie.pairs;
  }

  /** The node reached from node by code, or -1: a binary search over its sorted edges. */
  private child(node: number, code: number): number {
    let low = readNumber(this.nodes, node * 4);
    let high = readNumber(this.nodes, node * 4 + 4) - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = this.codes.charCodeAt(mid);
      if (at === code) return mid + 1;
      if (at < code) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  private isTerminal(node: number): boolean {
    return readNumber(this.nodes, node * 4 + 2) !== readNumber(this.nodes, node * 4 + 6);
  }

  /** The entries the text [start, end) that reached node stands for; none when letter case rules it out. */
  private entriesAt(node: number, text: string, start: number, end: number): readonly number[] {
    const known = this.plainEntries.get(node);
    if (known) return known;
    let aliases = this.casedAliases.get(node);
    if (!aliases) {
      aliases = [];
      for (let t = readNumber(this.nodes, node * 4 + 2); t < readNumber(this.nodes, node * 4 + 6); t++) {
        const n = this.terminals[t] as number;
        aliases.push({ entry: this.aliases.entries[n] as number, exact: this.aliases.exact[n] });
      }
    }
    let entries = acceptedEntries(aliases, text, start, end);
    if (entries.length === 0 && aliases.some((alias) => alias.entry < 0)) entries = NOBODY;
    if (aliases.every((alias) => alias.exact === undefined)) this.plainEntries.set(node, entries);
    else this.casedAliases.set(node, aliases);
    return entries;
  }

  /**
   * At the end of a word: the match that starts at it, or at the word before it if that one waits.
   * A word that starts only aliases of two words or more waits for the next word (see wordFilters):
   * "the" starts "The Hague", but only "the" followed by "hague" is worth a lookup.
   */
  next(text: string, start: number, hash: number, at: ScanPlace): Match | undefined {
    const waiting = at.waiting;
    at.waiting = -1;
    // A match from the word before covers this word too: its alias has two words or more.
    let match =
      waiting >= 0 && inFilter(this.pairs, pairHash(at.waitingHash, hash))
        ? this.longestAt(text, waiting)
        : undefined;
    if (!match && start >= at.from && inFilter(this.firstWords, hash)) {
      if (inFilter(this.wholeWords, hash)) match = this.longestAt(text, start);
      else {
        at.waiting = start;
        at.waitingHash = hash;
      }
    }
    if (!match) return undefined;
    at.from = match.end;
    return match.entries === NOBODY ? undefined : match;
  }

  /**
   * Every non-overlapping, longest match in text, in order. Each word is read once, its folded hash
   * taken as it goes; the trie is asked only where the word filters say an alias may start (see
   * next). `also` finds a second matcher's matches (the page's context words) in the same pass, each
   * kind never overlapping itself.
   */
  scan(text: string, also?: AlsoFind): Match[] {
    const matches: Match[] = [];
    let wordStart = -1; // where the word being read began; -1 between words
    let hash = 0;
    const terms: ScanPlace = { from: 0, waiting: -1, waitingHash: 0 };
    const other: ScanPlace = { from: 0, waiting: -1, waitingHash: 0 };
    // Every character of every page passes through this loop, the first pages' before the JIT has
    // compiled it: it reads fold's tables itself rather than call foldCode, isWordCode and nextHash
    // for each one. WebAssembly, compiled from its first run, was tried for it when pages ran the
    // matcher themselves, and dropped: on the bench's 1 MB page it saved nothing, as the work per
    // word (next, longestAt) outweighs the work per character there.
    const firstWords = this.firstWords;
    const length = text.length;
    for (let i = 0; i <= length; i++) {
      // Past the end, a space closes the last word.
      const code = i < length ? text.charCodeAt(i) : SPACE;
      let kind = known[code] as number;
      if (kind === 0) {
        learn(code);
        kind = known[code] as number;
      }
      const folded = foldTable[code] as number;
      if (folded === IGNORE) continue;
      if ((kind & WORD_BIT) !== 0) {
        if (wordStart < 0) {
          wordStart = i;
          hash = 0;
        }
        // nextHash without its call: exact, as hash * 31 stays far below 2^53.
        hash = (hash * 31 + folded) | 0;
        continue;
      }
      if (wordStart < 0) continue;
      // Most words start no alias of either matcher, and no word before them waits: nothing to do.
      if (
        terms.waiting < 0 &&
        other.waiting < 0 &&
        !inFilter(firstWords, hash) &&
        !(also && inFilter(also.matcher.firstWords, hash))
      ) {
        wordStart = -1;
        continue;
      }
      const match = this.next(text, wordStart, hash, terms);
      if (match) matches.push(match);
      if (also) {
        const found = also.matcher.next(text, wordStart, hash, other);
        if (found) also.found(found, text);
      }
      wordStart = -1;
    }
    return matches;
  }

  /** The longest match starting at start, if any. */
  longestAt(text: string, start: number): Match | undefined {
    let node = 0;
    let bestEnd = -1;
    let bestEntries = NOBODY; // replaced before it is returned
    let i = start;
    while (i < text.length) {
      let code = foldCode(text.charCodeAt(i));
      if (code === IGNORE) {
        i++;
        continue;
      }
      if (code === SPACE) {
        // A run of spaces, line breaks and ignorable characters counts as one space.
        while (i + 1 < text.length) {
          const after = foldCode(text.charCodeAt(i + 1));
          if (after !== SPACE && after !== IGNORE) break;
          i++;
        }
        code = SPACE;
      }
      node = this.child(node, code);
      if (node < 0) break;
      i++;
      if (code !== SPACE && this.isTerminal(node) && endsWord(text, i)) {
        const entries = this.entriesAt(node, text, start, i);
        if (entries.length > 0 || entries === NOBODY) {
          bestEnd = i;
          bestEntries = entries;
        }
      }
    }
    return bestEnd < 0 ? undefined : { start, end: bestEnd, entries: bestEntries };
  }
}

/** Where a scan stands for one matcher (see Matcher.next). */
export interface ScanPlace {
  /** Where the last match ended: no match starts before it. */
  from: number;
  /** Where the word waiting for the next one starts, or -1. */
  waiting: number;
  waitingHash: number;
}

/** True when no letter or digit follows position end (ignorable characters are looked through). */
function endsWord(text: string, end: number): boolean {
  for (let i = end; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (foldCode(code) !== IGNORE) return !isWordCode(code);
  }
  return true;
}
