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

interface TrieNode {
  next: Map<number, TrieNode>;
  aliases?: IndexAlias[];
}

const newNode = (): TrieNode => ({ next: new Map() });

export class Matcher {
  private readonly root = newNode();

  constructor(aliases: readonly IndexAlias[] = []) {
    for (const alias of aliases) this.add(alias);
  }

  /** Adds one alias; the content script adds them a slice at a time so no task runs long. */
  add(alias: IndexAlias): void {
    let node = this.root;
    for (let i = 0; i < alias.folded.length; i++) {
      const code = alias.folded.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = newNode();
        node.next.set(code, child);
      }
      node = child;
    }
    node.aliases = [...(node.aliases ?? []), alias];
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
    let node: TrieNode | undefined = this.root;
    let best: Match | undefined;
    let i = start;
    while (i < text.length) {
      let code = foldCode(text.charCodeAt(i));
      if (code === IGNORE) {
        i++;
        continue;
      }
      const from = i;
      if (code === SPACE) {
        // A run of spaces, line breaks and ignorable characters counts as one space.
        while (i + 1 < text.length) {
          const after = foldCode(text.charCodeAt(i + 1));
          if (after !== SPACE && after !== IGNORE) break;
          i++;
        }
        code = SPACE;
      }
      node = node.next.get(code);
      if (!node) break;
      i++;
      if (node.aliases && code !== SPACE && endsWord(text, i)) {
        const entries = acceptedEntries(node.aliases, text, start, i);
        if (entries.length > 0) best = { start, end: i, entries };
      }
      if (from === i) break;
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
