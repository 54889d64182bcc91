/**
 * Puts the reader's compiled index beside the bundled one for a page: one pass over both compact
 * tries, in the time it takes to load them, and no per-node objects. The result is the trie
 * compactTrie would build from both alias lists, except that where a reader's alias and a bundled
 * alias are the same once folded, the reader's entry takes the term (the reader chose it on purpose;
 * the bundled entry keeps its other aliases). The background does it, once per change to the
 * reader's glossaries (see pageIndexKeeper).
 */
import { type CompactTrie, charsOf, mergeFilters, readNumber, writeNumber } from "../engine/compact-trie";
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
  const periods = { ...bundled.periods };
  for (const [n, period] of Object.entries(reader.periods ?? {})) periods[Number(n) + aliasOffset] = period;
  return {
    entries: joinColumns(bundled.entries, reader.entries),
    aliases: {
      // Negative for a name an entry's aliases stand within: -(entry + 1) (see IndexAlias.entry).
      entries: [
        ...bundled.aliases.entries,
        ...reader.aliases.entries.map((entry) => (entry < 0 ? entry - entryOffset : entry + entryOffset)),
      ],
      exact,
    },
    trie: combineTries(bundled.trie, reader.trie, aliasOffset),
    context: {
      words: [...bundled.context.words, ...reader.context.words],
      trie: combineTries(bundled.context.trie, reader.context.trie, bundled.context.words.length),
    },
    ...(Object.keys(periods).length > 0 && { periods }),
  };
}

/** Above every code unit: a trie with no edge left. */
const NONE = 0x10000;

const nodeCount = (trie: CompactTrie) => trie.nodes.length / 4 - 1;

/**
 * Breadth-first over pairs of nodes (one from each trie, -1 where a trie has none). Every array is
 * made at its full size up front: a reader's 50,000-term glossary has half a million nodes, and
 * arrays grown one push at a time took most of the time.
 */
export function combineTries(a: CompactTrie, b: CompactTrie, aliasOffset: number): CompactTrie {
  const codesA = a.codes;
  const codesB = b.codes;
  // The combined trie has at most the nodes of both, less one root.
  const most = nodeCount(a) + nodeCount(b);
  const queueA = new Int32Array(most);
  const queueB = new Int32Array(most);
  const codes = new Uint16Array(codesA.length + codesB.length);
  const terminals = new Int32Array(a.terminals.length + b.terminals.length);
  // The nodes field, written as the nodes are made (see CompactTrie).
  const nodeChars = new Uint16Array((most + 1) * 4);
  let nodes = 1; // the root pair, (0, 0), is queued
  let codeCount = 0;
  let terminalCount = 0;
  for (let id = 0; id < nodes; id++) {
    const na = queueA[id] as number;
    const nb = queueB[id] as number;
    writeNumber(nodeChars, id * 4, codeCount);
    writeNumber(nodeChars, id * 4 + 2, terminalCount);
    let ia = na < 0 ? 0 : edgeStart(a, na);
    const endA = na < 0 ? 0 : edgeStart(a, na + 1);
    let ib = nb < 0 ? 0 : edgeStart(b, nb);
    const endB = nb < 0 ? 0 : edgeStart(b, nb + 1);
    while (ia < endA || ib < endB) {
      const ca = ia < endA ? codesA.charCodeAt(ia) : NONE;
      const cb = ib < endB ? codesB.charCodeAt(ib) : NONE;
      const code = Math.min(ca, cb);
      codes[codeCount++] = code;
      // An edge's target is its own index + 1 (see CompactTrie).
      queueA[nodes] = ca === code ? ia++ + 1 : -1;
      queueB[nodes] = cb === code ? ib++ + 1 : -1;
      nodes++;
    }
    const readerHere = nb >= 0 && aliasStart(b, nb) !== aliasStart(b, nb + 1);
    if (na >= 0 && !readerHere) {
      for (let t = aliasStart(a, na); t < aliasStart(a, na + 1); t++)
        terminals[terminalCount++] = a.terminals[t] as number;
    }
    if (readerHere) {
      for (let t = aliasStart(b, nb); t < aliasStart(b, nb + 1); t++)
        terminals[terminalCount++] = (b.terminals[t] as number) + aliasOffset;
    }
  }
  writeNumber(nodeChars, nodes * 4, codeCount);
  writeNumber(nodeChars, nodes * 4 + 2, terminalCount);
  return {
    codes: charsOf(codes.subarray(0, codeCount)),
    nodes: charsOf(nodeChars.subarray(0, (nodes + 1) * 4)),
    terminals: Array.from(terminals.subarray(0, terminalCount)),
    firstWords: mergeFilters(a.firstWords, b.firstWords),
    wholeWords: mergeFilters(a.wholeWords, b.wholeWords),
    pairs: mergeFilters(a.pairs, b.pairs),
  };
}
