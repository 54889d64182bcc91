/**
 * Puts the reader's compiled index beside the bundled one for a page: one pass over both compact
 * tries, in the time it takes to load them, and no per-node objects. The result is the trie
 * compactTrie would build from both alias lists, except that where a reader's alias and a bundled
 * alias are the same once folded, the reader's entry takes the term (the reader chose it on purpose;
 * the bundled entry keeps its other aliases).
 */
import type { CompactTrie } from "../engine/matcher";
import type { CompiledIndex } from "./compile";

const COUNT_OFFSET = 32;

interface Layout {
  edgeStart: Int32Array;
  terminalStart: Int32Array;
  terminals: number[];
  codes: string;
}

function layout(trie: CompactTrie): Layout {
  const nodes = trie.counts.length;
  const edgeStart = new Int32Array(nodes + 1);
  for (let n = 0; n < nodes; n++)
    edgeStart[n + 1] = (edgeStart[n] as number) + trie.counts.charCodeAt(n) - COUNT_OFFSET;
  // Terminals come as (node, alias) pairs in node order.
  const terminalStart = new Int32Array(nodes + 1);
  for (let t = 0; t < trie.terminals.length; t += 2) {
    const row = (trie.terminals[t] as number) + 1;
    terminalStart[row] = (terminalStart[row] as number) + 1;
  }
  for (let n = 0; n < nodes; n++)
    terminalStart[n + 1] = (terminalStart[n + 1] as number) + (terminalStart[n] as number);
  return { edgeStart, terminalStart, terminals: trie.terminals, codes: trie.codes };
}

export function combineIndexes(bundled: CompiledIndex, reader: CompiledIndex): CompiledIndex {
  if (reader.entries.length === 0) return bundled;
  const entryOffset = bundled.entries.length;
  const aliasOffset = bundled.aliases.length;
  return {
    entries: [...bundled.entries, ...reader.entries],
    aliases: [
      ...bundled.aliases,
      ...reader.aliases.map((alias) => ({ ...alias, entry: alias.entry + entryOffset })),
    ],
    trie: combineTries(bundled.trie, reader.trie, aliasOffset),
  };
}

/** Breadth-first over pairs of nodes (one from each trie, -1 where a trie has none). */
export function combineTries(a: CompactTrie, b: CompactTrie, aliasOffset: number): CompactTrie {
  const left = layout(a);
  const right = layout(b);
  const queueA: number[] = [0];
  const queueB: number[] = [0];
  const codes: string[] = [];
  const counts: string[] = [];
  const terminals: number[] = [];
  for (let id = 0; id < queueA.length; id++) {
    const na = queueA[id] as number;
    const nb = queueB[id] as number;
    let ia = na < 0 ? 0 : (left.edgeStart[na] as number);
    const endA = na < 0 ? 0 : (left.edgeStart[na + 1] as number);
    let ib = nb < 0 ? 0 : (right.edgeStart[nb] as number);
    const endB = nb < 0 ? 0 : (right.edgeStart[nb + 1] as number);
    let edges = 0;
    while (ia < endA || ib < endB) {
      const ca = ia < endA ? left.codes.charCodeAt(ia) : Number.POSITIVE_INFINITY;
      const cb = ib < endB ? right.codes.charCodeAt(ib) : Number.POSITIVE_INFINITY;
      const code = Math.min(ca, cb);
      codes.push(String.fromCharCode(code));
      // An edge's target is its own index + 1 (see CompactTrie).
      queueA.push(ca === code ? ia++ + 1 : -1);
      queueB.push(cb === code ? ib++ + 1 : -1);
      edges++;
    }
    counts.push(String.fromCharCode(edges + COUNT_OFFSET));
    const readerHere = nb >= 0 && right.terminalStart[nb] !== right.terminalStart[nb + 1];
    if (na >= 0 && !readerHere) {
      for (let t = left.terminalStart[na] as number; t < (left.terminalStart[na + 1] as number); t++)
        terminals.push(id, left.terminals[t * 2 + 1] as number);
    }
    if (readerHere) {
      for (let t = right.terminalStart[nb] as number; t < (right.terminalStart[nb + 1] as number); t++)
        terminals.push(id, (right.terminals[t * 2 + 1] as number) + aliasOffset);
    }
  }
  return { codes: codes.join(""), counts: counts.join(""), terminals };
}
