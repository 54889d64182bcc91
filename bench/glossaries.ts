/**
 * The glossaries the benchmark runs with: the bundled one as the extension ships it, and larger ones
 * made of the bundled entries plus generated, realistic multi-word entries (people, places,
 * organisations with case-sensitive acronyms, agreements, weapon codes, phrases of English words).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { foldAlias } from "../src/engine/fold";
import { checkGlossary } from "../src/glossary/checks";
import { type CompiledIndex, compileIndex } from "../src/glossary/compile";
import { commonEnglishWords, readGlossaryFiles, todayIso } from "../src/glossary/load-files";
import type { Alias, Category, Entry } from "../src/glossary/schema";
import { pick, random, TAIL_WORDS } from "./corpus";

export interface Glossary {
  name: string;
  /** What Backstory loads: the compiled index. */
  index: CompiledIndex;
  /** What the other methods get: every alias as written. */
  terms: string[];
}

const aliasText = (alias: Alias) => (typeof alias === "string" ? alias : alias.text);

function glossaryOf(name: string, entries: Entry[], index = compileIndex(entries)): Glossary {
  return { name, index, terms: entries.flatMap((entry) => entry.aliases.map(aliasText)) };
}

export function bundledEntries(): Entry[] {
  const { entries, problems } = checkGlossary(readGlossaryFiles(), commonEnglishWords(), todayIso());
  if (problems.length > 0) throw new Error(`The bundled glossary has problems:\n${problems.join("\n")}`);
  return entries;
}

/** The bundled glossary, with the very index the build wrote for the content script. */
export function bundledGlossary(entries: Entry[]): Glossary {
  const path = join(import.meta.dirname, "../src/glossary/generated/index.json");
  return glossaryOf("bundled", entries, JSON.parse(readFileSync(path, "utf8")) as CompiledIndex);
}

const SYLLABLES =
  "ka lo mir an dre zan bel tor vi sha ru nek os tal em ghi do sar fen lu qa rim bu ter nol ya şe ğu é ön".split(
    " ",
  );
const KINDS = {
  org: ["Council", "Front", "Movement", "Authority", "Union", "Alliance", "Party", "Commission"],
  deal: ["agreement", "accord", "protocol", "memorandum", "ceasefire", "treaty"],
  event: ["summit", "crisis", "offensive", "uprising", "talks", "referendum"],
  place: ["Province", "Valley", "Strait", "Governorate", "Basin", "Heights"],
};

/** `size` aliases in all: the bundled entries, then generated ones (deterministic). */
export function generatedGlossary(size: number, bundled: Entry[]): Glossary {
  const next = random(size);
  const name = () => {
    const syllables = Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(next, SYLLABLES));
    const word = syllables.join("");
    return word.charAt(0).toUpperCase() + word.slice(1);
  };
  const words = (n: number) => Array.from({ length: n }, () => pick(next, TAIL_WORDS)).join(" ");
  const seen = new Set(bundled.flatMap((entry) => entry.aliases.map((alias) => foldAlias(aliasText(alias)))));
  const entries = [...bundled];
  let count = seen.size;
  while (count < size) {
    const [category, aliases] = invent(next, name, words);
    const fresh = aliases.filter((alias) => !seen.has(foldAlias(aliasText(alias))));
    if (fresh.length === 0) continue;
    for (const alias of fresh) seen.add(foldAlias(aliasText(alias)));
    count += fresh.length;
    entries.push(entryOf(`generated-${entries.length}`, category, fresh));
  }
  return glossaryOf(`${size / 1000}k`, entries);
}

function invent(next: () => number, name: () => string, words: (n: number) => string): [Category, Alias[]] {
  const place = name();
  switch (Math.floor(next() * 6)) {
    case 0: {
      const [given, family] = [name(), name()];
      return ["person", next() < 0.5 ? [`${given} ${family}`, family] : [`${given} ${name()} ${family}`]];
    }
    case 1:
      return ["place", next() < 0.4 ? [`${place} ${pick(next, KINDS.place)}`, place] : [place]];
    case 2: {
      const full = `${place} ${words(1).replace(/^./, (c) => c.toUpperCase())} ${pick(next, KINDS.org)}`;
      const acronym = full.replace(/[^A-Z]/g, "");
      return ["organisation", [full, { text: acronym, caseSensitive: true }]];
    }
    case 3:
      return ["agreement", [`${place} ${pick(next, KINDS.deal)}`]];
    case 4: {
      const code = `${name().slice(0, 2).toUpperCase()}-${10 + Math.floor(next() * 990)}`;
      return ["weapon", [{ text: code, caseSensitive: true }]];
    }
    default:
      return next() < 0.5 ? ["concept", [words(2)]] : ["event", [`${place} ${pick(next, KINDS.event)}`]];
  }
}

function entryOf(id: string, category: Category, aliases: Alias[]): Entry {
  return {
    id,
    title: aliasText(aliases[0] as Alias),
    aliases,
    category,
    summary: "Generated for the benchmark.",
    sources: [{ title: "Benchmark", url: "https://example.org/" }],
    reviewed: "2025-01-01",
  };
}
