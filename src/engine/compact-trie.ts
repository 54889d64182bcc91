/**
 * The compact trie's layout (see CompactTrie) and the small tools that write and read it: the
 * numbers in its text, its word filters' hashes, its text from character codes. The matcher reads
 * this layout; trie-build.ts and combine-index.ts write it.
 */

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

/** Whether a word filter (see wordFilters) may hold this hash; an empty filter holds every hash. */
export function inFilter(filter: string, hash: number): boolean {
  if (filter.length === 0) return true;
  const bit = hash & (filter.length * 8 - 1);
  return (((filter.charCodeAt(bit >> 3) - NUMBER.offset) >> (bit & 7)) & 1) === 1;
}
