import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CompactTrie, readNumber } from "../engine/compact-trie";
import { foldAlias } from "../engine/fold";
import { ContextWords } from "../engine/marks";
import { type IndexAlias, Matcher } from "../engine/matcher";
import { TextScanner } from "../engine/text-scan";
import { aliasTable, compactTrie } from "../engine/trie-build";
import { indexOnDate } from "./alias-periods";
import { combineIndexes, combineTries } from "./combine-index";
import { type CompiledIndex, compileIndex } from "./compile";
import { entryColumns, entryTitle } from "./entry-table";
import type { Entry } from "./schema";

const SEED = 20200221;

function indexOf(terms: string[], words: string[] = []): CompiledIndex {
  const aliases: IndexAlias[] = terms.map((term, entry) => ({ folded: foldAlias(term), entry }));
  return {
    entries: entryColumns(terms.map((term, n) => ({ id: `e${n}`, title: term, category: "concept" }))),
    aliases: aliasTable(aliases),
    trie: compactTrie(aliases),
    context: { words, trie: compactTrie(words.map((folded, entry) => ({ folded, entry }))) },
  };
}

/** A compact trie read back: each node's edges and the aliases that end there. */
function rows(trie: CompactTrie): { edges: string[]; aliases: number[][] } {
  const nodes = trie.nodes.length / 4 - 1;
  const at = (node: number, field: number) => readNumber(trie.nodes, node * 4 + field);
  const edges: string[] = [];
  const aliases: number[][] = [];
  for (let node = 0; node < nodes; node++) {
    edges.push(trie.codes.slice(at(node, 0), at(node + 1, 0)));
    aliases.push(trie.terminals.slice(at(node, 2), at(node + 1, 2)));
  }
  return { edges, aliases };
}

describe("combineTries", () => {
  it("builds the trie compactTrie builds from both lists, the reader's alias taking a shared term", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", " ", "d"), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(word, { maxLength: 12 }), (a, b) => {
        const left = a.map((folded, entry) => ({ folded, entry }));
        const right = b.map((folded, entry) => ({ folded, entry }));
        const expected = rows(compactTrie([...left, ...right]));
        // The bundled aliases leave the nodes where a reader alias ends.
        expected.aliases = expected.aliases.map((here) =>
          here.some((alias) => alias >= left.length) ? here.filter((alias) => alias >= left.length) : here,
        );
        expect(rows(combineTries(compactTrie(left), compactTrie(right), left.length))).toEqual(expected);
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
      .map((match) => entryTitle(combined.entries, match.entries[0] as number));
    expect(found).toEqual(["Idlib", "Sochi agreement", "Hamas", "Gaza"]);
    const hamas = matcher.scan("Hamas")[0]?.entries ?? [];
    expect(hamas).toEqual([3]); // the reader's entry (after the 3 bundled ones), not the bundled 2
  });

  it("keeps a reader's names an alias stands within to the reader's entry", () => {
    const obama = {
      id: "barack-obama",
      title: "Barack Obama",
      aliases: ["Obama"],
      notWithin: ["Michelle Obama"],
      category: "person" as const,
      summary: "The 44th US president.",
      sources: [{ title: "Example", url: "https://example.org" }],
      reviewed: "2026-01-01",
    };
    const combined = combineIndexes(indexOf(["Idlib", "Michelle"]), compileIndex([obama]));
    const matcher = new Matcher(combined.aliases, combined.trie);
    const found = matcher.scan("Michelle Obama, Obama and Michelle").map((match) => match.entries);
    expect(found).toEqual([[2], [1]]);
  });

  it("keeps both indexes' context words, so a page finds either", () => {
    const combined = combineIndexes(indexOf(["Idlib"], ["syria"]), indexOf(["Gaza"], ["israel", "syria"]));
    const context = new ContextWords(combined.entries);
    context.note(new TextScanner(combined).scan(["Syria and Israel, but not Egypt."]).words);
    expect([...context.present].sort()).toEqual(["israel", "syria"]);
  });

  it("keeps each index's alias periods on its own aliases, from a reader's index saved without any too", () => {
    const entry = (id: string, aliases: Entry["aliases"]): Entry => ({
      id,
      title: id,
      aliases,
      category: "event",
      summary: "A made-up event.",
      sources: [{ title: "Example", url: "https://example.org" }],
      reviewed: "2026-01-01",
    });
    const bundled = compileIndex([entry("summit", ["Summit", { text: "the talks", before: "2020-01-01" }])]);
    const reader = compileIndex([
      entry("kestrel-talks", ["Kestrel", { text: "the meeting", since: "2024-01-01" }]),
    ]);
    const combined = combineIndexes(bundled, reader);
    expect(combined.periods).toEqual({ 1: ["", "2020-01-01"], 3: ["2024-01-01", ""] });
    const dated = (date: string) => {
      const index = indexOnDate(combined, date);
      const matcher = new Matcher(index.aliases, index.trie);
      return matcher.scan("the talks, the meeting").map((match) => match.entries[0]);
    };
    expect(dated("2019-06-01")).toEqual([0]);
    expect(dated("2025-06-01")).toEqual([1]);
    // Saved by a version before periods: the reader's index has no such field.
    const { periods: _periods, ...older } = reader;
    expect(combineIndexes(bundled, older).periods).toEqual({ 1: ["", "2020-01-01"] });
  });

  it("returns the bundled index itself when the reader has no entries", () => {
    const bundled = indexOf(["Idlib"]);
    expect(combineIndexes(bundled, indexOf([]))).toBe(bundled);
  });
});
