/**
 * Puts the reader's compiled index beside the bundled one for a page: one pass over both compact
 * tries, in the time it takes to load them, and no per-node objects. The result is the trie
 * compactTrie would build from both alias lists, except that where a reader's alias and a bundled
 * alias are the same once folded, the reader's entry takes the term (the reader chose it on purpose;
 * the bundled entry keeps its other aliases).
 */
import { type CompactTrie, mergeFirstWords, nodesText, readNumber } from "../engine/matcher";
import type { CompiledIndex } from "./compile";
import { joinColumns } from "./entry-table";

const edgeStart = (trie: CompactTrie, node: number) => readNumber(trie.nodes, node * 4);
const aliasStart = (trie: CompactTrie, node: number) => readNumber(trie.nodes, node * 4 + 2);

export function combineIndexes(bundled: CompiledIndex, reader: CompiledIndex): CompiledIndex {
  if (reader.entries.count === 0) return bundled;
  const entryOffset = bundled.entries.count;
  const aliasOffset = bundled.aliases.entries.length;
  const exact = { ...bundled.aliases.exact };
  for (const [n, text] of Object.entries(reader.aliases.exact)) exact[Number(n) + aliasOffset] = text;
  return {
    entries: joinColumns(bundled.entries, reader.entries),
    aliases: {
      entries: [...bundled.aliases.entries, ...reader.aliases.entries.map((entry) => entry + entryOffset)],
      exact,
    },
    trie: combineTries(bundled.trie, reader.trie, aliasOffset),
    context: {
      words: [...bundled.context.words, ...reader.context.words],
      trie: combineTries(bundled.context.trie, reader.context.trie, bundled.context.words.length),
    },
  };
}

/** Breadth-first over pairs of nodes (one from each trie, -1 where a trie has none). */
export function combineTries(a: CompactTrie, b: CompactTrie, aliasOffset: number): CompactTrie {
  const queueA: number[] = [0];
  const queueB: number[] = [0];
  const codes: string[] = [];
  const edgeCounts: number[] = [];
  const aliasCounts: number[] = [];
  const terminals: number[] = [];
  for (let id = 0; id < queueA.length; id++) {
    const na = queueA[id] as number;
    const nb = queueB[id] as number;
    let ia = na < 0 ? 0 : edgeStart(a, na);
    const endA = na < 0 ? 0 : edgeStart(a, na + 1);
    let ib = nb < 0 ? 0 : edgeStart(b, nb);
    const endB = nb < 0 ? 0 : edgeStart(b, nb + 1);
    let edges = 0;
    while (ia < endA || ib < endB) {
      const ca = ia < endA ? a.codes.charCodeAt(ia) : Number.POSITIVE_INFINITY;
      const cb = ib < endB ? b.codes.charCodeAt(ib) : Number.POSITIVE_INFINITY;
      const code = Math.min(ca, cb);
      codes.push(String.fromCharCode(code));
      // An edge's target is its own index + 1 (see CompactTrie).
      queueA.push(ca === code ? ia++ + 1 : -1);
      queueB.push(cb === code ? ib++ + 1 : -1);
      edges++;
    }
    edgeCounts.push(edges);
    const before = terminals.length;
    const readerHere = nb >= 0 && aliasStart(b, nb) !== aliasStart(b, nb + 1);
    if (na >= 0 && !readerHere) {
      for (let t = aliasStart(a, na); t < aliasStart(a, na + 1); t++)
        terminals.push(a.terminals[t] as number);
    }
    if (readerHere) {
      for (let t = aliasStart(b, nb); t < aliasStart(b, nb + 1); t++)
        terminals.push((b.terminals[t] as number) + aliasOffset);
    }
    aliasCounts.push(terminals.length - before);
  }
  return {
    codes: codes.join(""),
    nodes: nodesText(edgeCounts, aliasCounts),
    terminals,
    firstWords: mergeFirstWords(a.firstWords, b.firstWords),
  };
}
