/**
 * Builds what the matcher reads: the compact trie, its word filters and the alias table. Runs at
 * build time (the bundled glossary), when a reader imports a glossary, and in tools and tests; never
 * in the background or the content script: the background loads them ready-made.
 */

import { type CompactTrie, charsOf, NUMBER, nextHash, nodesText, pairHash } from "./compact-trie";
import { foldAlias, isWordCode, SPACE } from "./fold";
import { type AliasTable, type IndexAlias, Matcher } from "./matcher";

export function aliasTable(aliases: readonly IndexAlias[]): AliasTable {
  const exact: Record<string, string> = {};
  aliases.forEach((alias, n) => {
    if (alias.exact !== undefined) exact[n] = alias.exact;
  });
  return { entries: aliases.map((alias) => alias.entry), exact };
}

/**
 * The filters a scan reads before it looks a word up in the trie (see CompactTrie): Bloom-style, one
 * bit per hash bucket, 8 bits per character (plus NUMBER.offset, to stay printable), each sized to a
 * power of two about 16 times the number of hashes in it, so that nearly every other word of a page is
 * passed over without a lookup. All three are empty when some alias starts with no word at all: then
 * every word is looked up.
 */
export function wordFilters(
  aliases: readonly IndexAlias[],
): Pick<CompactTrie, "firstWords" | "wholeWords" | "pairs"> {
  const first = new Set<number>();
  const whole = new Set<number>();
  const pairs = new Set<number>();
  for (const { folded } of aliases) {
    const [one, two] = wordHashes(folded);
    if (one === undefined) return { firstWords: "", wholeWords: "", pairs: "" };
    first.add(one);
    if (two === undefined) whole.add(one);
    else pairs.add(pairHash(one, two));
  }
  return { firstWords: filterOf(first), wholeWords: filterOf(whole), pairs: filterOf(pairs) };
}

/** The hashes of the first two words of a folded alias, as a scan takes them (see Matcher.scan). */
function wordHashes(folded: string): number[] {
  const hashes: number[] = [];
  let hash = 0;
  let inWord = false;
  for (let i = 0; i <= folded.length && hashes.length < 2; i++) {
    const code = i < folded.length ? folded.charCodeAt(i) : SPACE;
    if (isWordCode(code)) {
      hash = inWord ? nextHash(hash, code) : nextHash(0, code);
      inWord = true;
    } else if (inWord) {
      hashes.push(hash);
      inWord = false;
    } else if (hashes.length === 0) return []; // the alias starts with no word
  }
  return hashes;
}

function filterOf(hashes: Set<number>): string {
  let bits = 1024;
  while (bits < hashes.size * 16) bits *= 2;
  const bytes = new Uint8Array(bits / 8);
  for (const hash of hashes) {
    const bit = hash & (bits - 1);
    bytes[bit >> 3] = (bytes[bit >> 3] as number) | (1 << (bit & 7));
  }
  return charsOf(Array.from(bytes, (byte) => byte + NUMBER.offset));
}

interface BuildNode {
  next: Map<number, BuildNode>;
  aliases: number[];
}

export function compactTrie(aliases: readonly IndexAlias[]): CompactTrie {
  const root: BuildNode = { next: new Map(), aliases: [] };
  aliases.forEach((alias, index) => {
    let node = root;
    for (let i = 0; i < alias.folded.length; i++) {
      const code = alias.folded.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map(), aliases: [] };
        node.next.set(code, child);
      }
      node = child;
    }
    node.aliases.push(index);
  });
  const codes: string[] = [];
  const edgeCounts: number[] = [];
  const aliasCounts: number[] = [];
  const terminals: number[] = [];
  const queue: BuildNode[] = [root];
  for (let id = 0; id < queue.length; id++) {
    const node = queue[id] as BuildNode;
    const edges = [...node.next].sort((a, b) => a[0] - b[0]);
    for (const [code, child] of edges) {
      codes.push(String.fromCharCode(code));
      queue.push(child);
    }
    edgeCounts.push(edges.length);
    aliasCounts.push(node.aliases.length);
    terminals.push(...node.aliases);
  }
  return {
    codes: codes.join(""),
    nodes: nodesText(edgeCounts, aliasCounts),
    terminals,
    ...wordFilters(aliases),
  };
}

/** A matcher straight from a list of aliases (tools and tests). */
export function matcherFor(aliases: readonly IndexAlias[]): Matcher {
  return new Matcher(aliasTable(aliases), compactTrie(aliases));
}

/** Convenience for tests and tools: aliases from plain strings. */
export function aliasesOf(terms: readonly string[]): IndexAlias[] {
  return terms.map((term, entry) => ({ folded: foldAlias(term), entry }));
}
