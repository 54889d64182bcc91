/**
 * The term matcher: a trie of folded aliases, walked from each word start of a text. Longest match
 * wins and matches never overlap. Pure: no DOM, no browser APIs.
 */
import { foldCode, foldTable, IGNORE, isWordCode, known, learn, SPACE, WORD_BIT } from "./fold";
import { acceptedEntries } from "./letter-case";

/** One alias as the compiled index stores it. */
export interface IndexAlias {
  /** The alias folded with foldAlias. */
  folded: string;
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
  entries: number[];
}

/**
 * The trie as compact text, made once at build time and read by a page as it is: loading it builds
 * nothing, so a page pays nothing for a glossary of any size before it reads its first word. Nodes
 * are numbered breadth-first with each node's edges in code order, so the edges of all nodes, read in
 * order, lead to nodes 1, 2, 3…: an edge's target is its own index + 1 and need not be stored.
 * - `codes`: every edge's character, node 0's edges first, then node 1's, and so on.
 * - `nodes`: four characters per node, and four more after the last: where the node's edges start in
 *   `codes` and where its aliases start in `terminals`, each a number in two characters (NUMBER).
 * - `terminals`: the aliases that end at each node, node by node.
 */
export interface CompactTrie {
  codes: string;
  nodes: string;
  terminals: number[];
  /** Filters of word hashes (see wordFilters): the first words of all aliases, ... */
  firstWords: string;
  /**
   * ... the aliases of one word (a first word not in this filter is no alias by itself, so a scan
   * looks it up only if the next word makes a pair in the next filter), ...
   */
  wholeWords: string;
  /** ... and the first two words of the longer aliases, as pairHash makes one hash of them. */
  pairs: string;
}

/** The hash of a word, one folded character at a time. */
export const nextHash = (hash: number, code: number): number => (Math.imul(hash, 31) + code) | 0;

/** One hash for two words in a row. */
export const pairHash = (first: number, second: number): number =>
  (Math.imul(first, 0x01000193) ^ second) | 0;

/**
 * The text of these character codes. Without surrogates (NUMBER's characters never are), a UTF-16
 * decoder makes it in one native call (a Uint16Array is little-endian on every machine browsers run
 * on); otherwise it is made in pieces, as a call takes only so many arguments.
 */
export function charsOf(codes: readonly number[] | Uint16Array): string {
  const array = codes instanceof Uint16Array ? codes : Uint16Array.from(codes);
  if (!hasSurrogate(array)) {
    utf16 ??= new TextDecoder("utf-16le");
    return utf16.decode(array);
  }
  const pieces: string[] = [];
  for (let i = 0; i < array.length; i += 8192)
    pieces.push(String.fromCharCode.apply(null, array.subarray(i, i + 8192) as unknown as number[]));
  return pieces.join("");
}

let utf16: TextDecoder | undefined;

function hasSurrogate(codes: Uint16Array): boolean {
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (code >= 0xd800 && code <= 0xdfff) return true;
  }
  return false;
}

/** Two word filters as one, at the larger size: the smaller one's bits repeat to fill it. */
export function mergeFilters(a: string, b: string): string {
  if (a.length === 0 || b.length === 0) return "";
  const [large, small] = a.length >= b.length ? [a, b] : [b, a];
  const chars: number[] = [];
  for (let i = 0; i < large.length; i++) {
    const byte = (large.charCodeAt(i) - NUMBER.offset) | (small.charCodeAt(i % small.length) - NUMBER.offset);
    chars.push(byte + NUMBER.offset);
  }
  return charsOf(chars);
}

/**
 * A number in two characters of 15 bits each, plus 32: every character is printable and below the
 * surrogates, so JSON keeps the text as it is. Numbers up to 2^30 fit.
 */
export const NUMBER = { bits: 15, offset: 32 } as const;
const LOW = (1 << NUMBER.bits) - 1;

/** The number written at position at of text (see NUMBER). */
export function readNumber(text: string, at: number): number {
  return ((text.charCodeAt(at) - NUMBER.offset) << NUMBER.bits) | (text.charCodeAt(at + 1) - NUMBER.offset);
}

/**
 * The nodes field for these edge and alias counts, node by node. Written into one array of codes
 * rather than two strings per node: a reader's 50,000-term glossary has half a million nodes.
 */
export function nodesText(edgeCounts: ArrayLike<number>, aliasCounts: ArrayLike<number>): string {
  const count = edgeCounts.length;
  const chars = new Uint16Array((count + 1) * 4);
  let edges = 0;
  let aliases = 0;
  for (let node = 0; node < count; node++) {
    writeNumber(chars, node * 4, edges);
    writeNumber(chars, node * 4 + 2, aliases);
    edges += edgeCounts[node] as number;
    aliases += aliasCounts[node] as number;
  }
  writeNumber(chars, count * 4, edges);
  writeNumber(chars, count * 4 + 2, aliases);
  return charsOf(chars);
}

/** Writes n at chars[at] and chars[at + 1] (see NUMBER). */
export function writeNumber(chars: Uint16Array, at: number, n: number): void {
  chars[at] = (n >>> NUMBER.bits) + NUMBER.offset;
  chars[at + 1] = (n & LOW) + NUMBER.offset;
}

/** A second matcher whose matches a scan finds in the same pass, and what to do with each. */
export interface AlsoFind {
  matcher: Matcher;
  found: (match: Match) => void;
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
  private readonly plainEntries = new Map<number, number[]>();
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
  private entriesAt(node: number, text: string, start: number, end: number): number[] {
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
    const entries = acceptedEntries(aliases, text, start, end);
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
    if (waiting >= 0 && inFilter(this.pairs, pairHash(at.waitingHash, hash))) {
      // A match from the word before covers this word too: its alias has two words or more.
      const match = this.longestAt(text, waiting);
      if (match) return match;
    }
    if (start < at.from || !inFilter(this.firstWords, hash)) return undefined;
    if (inFilter(this.wholeWords, hash)) return this.longestAt(text, start);
    at.waiting = start;
    at.waitingHash = hash;
    return undefined;
  }

  /**
   * Every non-overlapping, longest match in text, in order. Each word is read once, its folded hash
   * taken as it goes; the trie is asked only where the word filters say an alias may start (see
   * next). `also` finds a second
   * matcher's matches (the page's context words) in the same pass, each kind never overlapping itself.
   */
  scan(text: string, also?: AlsoFind): Match[] {
    const matches: Match[] = [];
    let wordStart = -1; // where the word being read began; -1 between words
    let hash = 0;
    const terms: ScanPlace = { from: 0, waiting: -1, waitingHash: 0 };
    const other: ScanPlace = { from: 0, waiting: -1, waitingHash: 0 };
    // Every character of a page passes through this loop, mostly before the JIT has compiled it: it
    // reads fold's tables itself rather than call foldCode, isWordCode and nextHash for each one.
    for (let i = 0; i <= text.length; i++) {
      // Past the end, a space closes the last word.
      const code = i < text.length ? text.charCodeAt(i) : SPACE;
      if (known[code] === 0) learn(code);
      const folded = foldTable[code] as number;
      if (folded === IGNORE) continue;
      if (((known[code] as number) & WORD_BIT) !== 0) {
        if (wordStart < 0) {
          wordStart = i;
          hash = 0;
        }
        hash = (Math.imul(hash, 31) + folded) | 0; // nextHash
        continue;
      }
      if (wordStart < 0) continue;
      const match = this.next(text, wordStart, hash, terms);
      if (match) {
        matches.push(match);
        terms.from = match.end;
      }
      const found = also?.matcher.next(text, wordStart, hash, other);
      if (found) {
        also?.found(found);
        other.from = found.end;
      }
      wordStart = -1;
    }
    return matches;
  }

  /** The longest match starting at start, if any. */
  longestAt(text: string, start: number): Match | undefined {
    let node = 0;
    let bestEnd = -1;
    let bestEntries: number[] = [];
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
        if (entries.length > 0) {
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
  /** No match starts before the end of the last one. */
  from: number;
  /** Where the word waiting for the next one starts, or -1. */
  waiting: number;
  waitingHash: number;
}

/** Whether a word filter (see wordFilters) may hold this hash; an empty filter holds every hash. */
function inFilter(filter: string, hash: number): boolean {
  if (filter.length === 0) return true;
  const bit = hash & (filter.length * 8 - 1);
  return (((filter.charCodeAt(bit >> 3) - NUMBER.offset) >> (bit & 7)) & 1) === 1;
}

/** True when no letter or digit follows position end (ignorable characters are looked through). */
function endsWord(text: string, end: number): boolean {
  for (let i = end; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (foldCode(code) !== IGNORE) return !isWordCode(code);
  }
  return true;
}
