/**
 * The term matcher: a trie of folded aliases, walked from each word start of a text. Longest match
 * wins and matches never overlap. Pure: no DOM, no browser APIs.
 */
import { foldAlias, foldCode, IGNORE, isWordCode, SPACE } from "./fold";

/** One alias as the compiled index stores it. */
export interface IndexAlias {
  /** The alias folded with foldAlias. */
  folded: string;
  entry: number;
  /** Set for case-sensitive aliases: the alias as written, whose letter case must match. */
  exact?: string;
}

export interface Match {
  start: number;
  end: number;
  /** Entries this text may stand for; more than one only when context words must tell them apart. */
  entries: number[];
}

/**
 * The trie as compact text, made once at build time so a page loads it without creating an object
 * per node. Nodes are numbered breadth-first with each node's edges in code order, so the edges of all
 * nodes, read in order, lead to nodes 1, 2, 3…: an edge's target is its own index + 1 and need not be
 * stored. `codes` holds every edge's character; `counts` each node's number of edges (+32, to stay
 * printable in JSON); `terminals` pairs a node with an alias that ends there.
 */
export interface CompactTrie {
  codes: string;
  counts: string;
  terminals: number[];
}

interface BuildNode {
  next: Map<number, BuildNode>;
  aliases: number[];
}

const COUNT_OFFSET = 32;

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
  let codes = "";
  let counts = "";
  const terminals: number[] = [];
  const queue: BuildNode[] = [root];
  for (let id = 0; id < queue.length; id++) {
    const node = queue[id] as BuildNode;
    const edges = [...node.next].sort((a, b) => a[0] - b[0]);
    counts += String.fromCharCode(edges.length + COUNT_OFFSET);
    for (const [code, child] of edges) {
      codes += String.fromCharCode(code);
      queue.push(child);
    }
    for (const alias of node.aliases) terminals.push(id, alias);
  }
  return { codes, counts, terminals };
}

export class Matcher {
  private readonly edgeStart: Int32Array;
  private readonly edgeCode: Uint16Array;
  private readonly aliasStart: Int32Array;
  private readonly aliasList: Int32Array;

  /** From aliases (tools and tests), or from the trie the build compiled for them (the extension). */
  constructor(
    private readonly aliases: readonly IndexAlias[],
    trie: CompactTrie = compactTrie(aliases),
  ) {
    const nodes = trie.counts.length;
    this.edgeCode = new Uint16Array(trie.codes.length);
    for (let i = 0; i < trie.codes.length; i++) this.edgeCode[i] = trie.codes.charCodeAt(i);
    this.edgeStart = new Int32Array(nodes + 1);
    for (let n = 0; n < nodes; n++) {
      this.edgeStart[n + 1] = (this.edgeStart[n] as number) + trie.counts.charCodeAt(n) - COUNT_OFFSET;
    }
    // Terminals come in node order already; lay them out as rows per node.
    this.aliasStart = new Int32Array(nodes + 1);
    this.aliasList = new Int32Array(trie.terminals.length / 2);
    for (let t = 0; t < trie.terminals.length; t += 2) {
      const row = (trie.terminals[t] as number) + 1;
      this.aliasStart[row] = (this.aliasStart[row] as number) + 1;
      this.aliasList[t / 2] = trie.terminals[t + 1] as number;
    }
    for (let n = 0; n < nodes; n++)
      this.aliasStart[n + 1] = (this.aliasStart[n + 1] as number) + (this.aliasStart[n] as number);
  }

  /** The node reached from node by code, or -1: a binary search over its sorted edges. */
  private child(node: number, code: number): number {
    let low = this.edgeStart[node] as number;
    let high = (this.edgeStart[node + 1] as number) - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = this.edgeCode[mid] as number;
      if (at === code) return mid + 1;
      if (at < code) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  private aliasesAt(node: number): IndexAlias[] {
    const found: IndexAlias[] = [];
    for (let i = this.aliasStart[node] as number; i < (this.aliasStart[node + 1] as number); i++) {
      found.push(this.aliases[this.aliasList[i] as number] as IndexAlias);
    }
    return found;
  }

  /** Every non-overlapping, longest match in text, in order. */
  scan(text: string): Match[] {
    const matches: Match[] = [];
    let previousIsWord = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (foldCode(code) === IGNORE) continue;
      const isWord = isWordCode(code);
      if (isWord && !previousIsWord) {
        const match = this.longestAt(text, i);
        if (match) {
          matches.push(match);
          i = match.end - 1;
          previousIsWord = true;
          continue;
        }
      }
      previousIsWord = isWord;
    }
    return matches;
  }

  private longestAt(text: string, start: number): Match | undefined {
    let node = 0;
    let best: Match | undefined;
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
      if (this.aliasStart[node] !== this.aliasStart[node + 1] && code !== SPACE && endsWord(text, i)) {
        const entries = acceptedEntries(this.aliasesAt(node), text, start, i);
        if (entries.length > 0) best = { start, end: i, entries };
      }
    }
    return best;
  }
}

/** True when no letter or digit follows position end (ignorable characters are looked through). */
function endsWord(text: string, end: number): boolean {
  for (let i = end; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (foldCode(code) !== IGNORE) return !isWordCode(code);
  }
  return true;
}

function acceptedEntries(aliases: IndexAlias[], text: string, start: number, end: number): number[] {
  const entries: number[] = [];
  for (const alias of aliases) {
    if (alias.exact !== undefined && !sameCase(text.slice(start, end), alias.exact)) continue;
    // In a shouted headline ("OAKES IS BACK") an uppercase acronym is just a word in capitals.
    if (alias.exact !== undefined && isShouted(alias.exact) && nextToShouting(text, start, end)) continue;
    if (!entries.includes(alias.entry)) entries.push(alias.entry);
  }
  return entries;
}

/** Compares letter case only: both strings already matched once folded. */
function sameCase(found: string, exact: string): boolean {
  const a = significant(found);
  const b = significant(exact);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (isUpper(a[i] as string) !== isUpper(b[i] as string)) return false;
  }
  return true;
}

function significant(text: string): string[] {
  const chars: string[] = [];
  for (const ch of text) {
    const code = foldCode(ch.charCodeAt(0));
    if (code !== IGNORE && code !== SPACE) chars.push(ch);
  }
  return chars;
}

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase();
const isShouted = (word: string): boolean => /\p{L}/u.test(word) && word === word.toUpperCase();

/** True when the word just before or just after [start, end) is in capitals too. */
function nextToShouting(text: string, start: number, end: number): boolean {
  const before = /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const after = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u.exec(text.slice(end, end + 40))?.[1];
  return [before, after].some(
    (word) => word !== undefined && word.length > 1 && isShouted(word) && !/^\d+$/.test(word),
  );
}

/** Convenience for tests and tools: aliases from plain strings. */
export function aliasesOf(terms: readonly string[]): IndexAlias[] {
  return terms.map((term, entry) => ({ folded: foldAlias(term), entry }));
}
