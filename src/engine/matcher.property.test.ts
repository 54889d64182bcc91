/**
 * Property-based tests: the matcher agrees with a slow, obviously-correct reference on generated
 * glossaries and texts full of case, diacritic, space, hyphen and apostrophe variants.
 * A fixed seed here; `npm run fuzz` runs the same properties longer with random seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldAlias } from "./fold";
import { aliasesOf, matcherFor } from "./trie-build";

const SEED =
  process.env.FUZZ_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20200221);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

// Each base letter with the variants a page may write it in.
const VARIANTS: Record<string, string[]> = {
  a: ["a", "A", "á", "â", "Ä"],
  e: ["e", "E", "é", "è", "Ê"],
  g: ["g", "G", "ğ", "Ğ"],
  i: ["i", "I", "í", "İ", "ı"],
  o: ["o", "O", "ö", "Ó", "ø"],
  s: ["s", "S", "ş", "Ş"],
  d: ["d", "D"],
  l: ["l", "L"],
  b: ["b", "B"],
  "4": ["4"],
  "0": ["0"],
};
const SPACES = [" ", "\u00a0", "\n", "  "];
const HYPHENS = ["-", "\u2011", "\u2010"];
const APOSTROPHES = ["'", "\u2019", "\u02bc", "\u02bb"];

const word = fc.stringMatching(/^[aegisdlb40]{1,5}$/);
const term = fc
  .array(word, { minLength: 1, maxLength: 3 })
  .chain((words) =>
    fc
      .array(fc.constantFrom(" ", "-", "'"), { minLength: words.length - 1, maxLength: words.length - 1 })
      .map((joins) => words.map((w, i) => (i === 0 ? w : `${joins[i - 1]}${w}`)).join("")),
  );

/** Writes a term the way some page might: other case, accents, space and hyphen characters. */
const spelled = (text: string) =>
  fc
    .tuple(
      ...[...text].map((ch) => {
        if (ch === " ") return fc.constantFrom(...SPACES);
        if (ch === "-") return fc.constantFrom(...HYPHENS);
        if (ch === "'") return fc.constantFrom(...APOSTROPHES);
        return fc.constantFrom(...(VARIANTS[ch] ?? [ch]));
      }),
    )
    .map((chars) => chars.join(""));

const scenario = fc.uniqueArray(term, { minLength: 1, maxLength: 8, selector: foldAlias }).chain((terms) =>
  fc
    .array(
      fc.oneof(fc.constantFrom(...terms).chain(spelled), word, fc.constantFrom(".", ",", "—", "(", "x")),
      {
        maxLength: 30,
      },
    )
    .chain((pieces) =>
      fc
        .array(fc.constantFrom(" ", " ", "", "\n"), { minLength: pieces.length, maxLength: pieces.length })
        .map((gaps) => ({
          terms,
          text: pieces.map((piece, i) => piece + (gaps[i] ?? "")).join(""),
        })),
    ),
);

// The reference: fold one character at a time with the platform's own Unicode tables, then try every
// alias as a regular expression at every word start, keeping the longest.
const refFold = (ch: string) => {
  if (/[\s\u00a0]/u.test(ch)) return " ";
  if (/[\u2010\u2011]/.test(ch)) return "-";
  if (ch === "\u2019" || ch === "\u02bc" || ch === "\u02bb") return "'";
  if (ch === "ı" || ch === "İ") return "i";
  if (ch === "ø") return "o";
  return ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
};
const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function reference(terms: string[], text: string): [number, number, number][] {
  const folded = [...text].map(refFold).join("");
  const patterns = terms.map((t) => new RegExp(escapeRegex(foldAlias(t)).replace(/ /g, " +"), "y"));
  const found: [number, number, number][] = [];
  for (let i = 0; i < folded.length; i++) {
    if (!isWord(folded[i]) || isWord(folded[i - 1])) continue;
    let best: [number, number, number] | undefined;
    patterns.forEach((pattern, entry) => {
      pattern.lastIndex = i;
      const match = pattern.exec(folded);
      if (!match || isWord(folded[i + match[0].length])) return;
      if (!best || match[0].length > best[1] - best[0]) best = [i, i + match[0].length, entry];
    });
    if (best) {
      found.push(best);
      i = best[1] - 1;
    }
  }
  return found;
}

describe("Matcher properties", () => {
  it("finds exactly what the reference finds", () => {
    fc.assert(
      fc.property(scenario, ({ terms, text }) => {
        const ours = matcherFor(aliasesOf(terms))
          .scan(text)
          .map((m) => [m.start, m.end, m.entries[0]]);
        expect(ours).toEqual(reference(terms, text));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("marks only text that folds to one of the terms", () => {
    fc.assert(
      fc.property(scenario, ({ terms, text }) => {
        for (const match of matcherFor(aliasesOf(terms)).scan(text)) {
          const marked = foldAlias(text.slice(match.start, match.end));
          expect(terms.map(foldAlias)).toContain(marked);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("takes names an alias stands within as matches of nobody: they consume their text, marking nothing", () => {
    fc.assert(
      fc.property(scenario, ({ terms, text }) => {
        // Every other term is a name of nobody (see IndexAlias.entry): -(entry + 1).
        const aliases = aliasesOf(terms).map((alias, n) => (n % 2 ? { ...alias, entry: -n - 1 } : alias));
        const ours = matcherFor(aliases)
          .scan(text)
          .map((m) => [m.start, m.end, m.entries[0]]);
        expect(ours).toEqual(reference(terms, text).filter(([, , entry]) => entry % 2 === 0));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("finds a second matcher's matches in the same pass, each kind as its own scan finds it", () => {
    fc.assert(
      fc.property(scenario, ({ terms, text }) => {
        // Half the terms are the page's terms, the other half its context words: they overlap freely.
        const half = Math.ceil(terms.length / 2);
        const [own, other] = [terms.slice(0, half), terms.slice(half)];
        const also: [number, number, number][] = [];
        const found = matcherFor(aliasesOf(own))
          .scan(text, {
            matcher: matcherFor(aliasesOf(other)),
            found: (m) => also.push([m.start, m.end, m.entries[0] as number]),
          })
          .map((m) => [m.start, m.end, m.entries[0]]);
        expect(found).toEqual(reference(own, text));
        expect(also).toEqual(reference(other, text));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
