import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldAlias } from "../engine/fold";
import { compactTrie, type IndexAlias, Matcher } from "../engine/matcher";
import { combineIndexes, combineTries } from "./combine-index";
import type { CompiledIndex } from "./compile";

const SEED = 20200221;

function indexOf(terms: string[]): CompiledIndex {
  const aliases: IndexAlias[] = terms.map((term, entry) => ({ folded: foldAlias(term), entry }));
  return {
    entries: terms.map((term, n) => ({ id: `e${n}`, title: term, category: "concept" })),
    aliases,
    trie: compactTrie(aliases),
  };
}

describe("combineTries", () => {
  it("builds the trie compactTrie builds from both lists, the reader's alias taking a shared term", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", " ", "d"), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(word, { maxLength: 12 }), (a, b) => {
        const left = a.map((folded, entry) => ({ folded, entry }));
        const right = b.map((folded, entry) => ({ folded, entry }));
        const expected = compactTrie([...left, ...right]);
        // Drop the bundled terminals on nodes where a reader alias ends.
        const readerNodes = new Set<number>();
        for (let t = 0; t < expected.terminals.length; t += 2)
          if ((expected.terminals[t + 1] as number) >= left.length)
            readerNodes.add(expected.terminals[t] as number);
        const terminals: number[] = [];
        for (let t = 0; t < expected.terminals.length; t += 2) {
          const [node, alias] = [expected.terminals[t] as number, expected.terminals[t + 1] as number];
          if (alias >= left.length || !readerNodes.has(node)) terminals.push(node, alias);
        }
        expect(combineTries(compactTrie(left), compactTrie(right), left.length)).toEqual({
          ...expected,
          terminals,
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("lets a page match bundled and reader terms, the reader's winning on a shared alias", () => {
    const combined = combineIndexes(
      indexOf(["Idlib", "Sochi agreement", "Hamas"]),
      indexOf(["Hamas", "Gaza"]),
    );
    const matcher = new Matcher(combined.aliases, combined.trie);
    const found = matcher
      .scan("In Idlib, the Sochi agreement; Hamas in Gaza.")
      .map((match) => combined.entries[match.entries[0] as number]?.title);
    expect(found).toEqual(["Idlib", "Sochi agreement", "Hamas", "Gaza"]);
    const hamas = matcher.scan("Hamas")[0]?.entries ?? [];
    expect(hamas).toEqual([3]); // the reader's entry (after the 3 bundled ones), not the bundled 2
  });

  it("returns the bundled index itself when the reader has no entries", () => {
    const bundled = indexOf(["Idlib"]);
    expect(combineIndexes(bundled, indexOf([]))).toBe(bundled);
  });
});
