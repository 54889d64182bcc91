/**
 * Letter case, for case-sensitive aliases: which of the entries a match may stand for keep it once
 * its letters' case is compared, and a shouted headline ("OAKES IS BACK") counts as no acronym.
 */
import { foldCode, IGNORE, isLowerCode, isUpperCode, isWordCode, SPACE } from "./fold";

/** The entries of these aliases that the text [start, end) may stand for, letter case considered. */
export function acceptedEntries(
  aliases: readonly { entry: number; exact?: string }[],
  text: string,
  start: number,
  end: number,
): readonly number[] {
  // Called for most matches, mostly before the JIT has compiled it, where for...of makes an iterator
  // and an object per alias. The array is made only once an alias is accepted ("us" for "US" is not).
  let entries: number[] | undefined;
  for (let i = 0; i < aliases.length; i++) {
    const alias = aliases[i] as { entry: number; exact?: string };
    if (alias.entry < 0) continue; // a name the aliases stand within (see IndexAlias.entry)
    if (alias.exact !== undefined) {
      if (!sameCase(text, start, end, alias.exact)) continue;
      // In a shouted headline ("OAKES IS BACK") an uppercase acronym is just a word in capitals.
      if (isShouted(alias.exact) && nextToShouting(text, start, end)) continue;
    }
    // [entry], not [] and a push: a push onto [] makes room for 17.
    if (!entries) entries = [alias.entry];
    else if (!entries.includes(alias.entry)) entries.push(alias.entry);
  }
  return entries ?? NONE;
}

const NONE: readonly number[] = [];

/** Whether code counts for letter case: not ignorable, not a space. */
function significant(code: number): boolean {
  const folded = foldCode(code);
  return folded !== IGNORE && folded !== SPACE;
}

/** Compares letter case only, character by character: both texts already matched once folded. */
function sameCase(text: string, start: number, end: number, exact: string): boolean {
  let j = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!significant(code)) continue;
    while (j < exact.length && !significant(exact.charCodeAt(j))) j++;
    if (j === exact.length || isUpperCode(code) !== isUpperCode(exact.charCodeAt(j))) return false;
    j++;
  }
  while (j < exact.length && !significant(exact.charCodeAt(j))) j++;
  return j === exact.length;
}

/**
 * A word with a capital and no small letter. Not a Unicode-property regular expression (\p{L}): its
 * compile cost a page read cold 1.5 ms, the first time an acronym was found.
 */
const inCapitals = (word: string): boolean => word === word.toUpperCase() && word !== word.toLowerCase();

/** inCapitals for the glossary's own aliases, worked out once each. */
const shouted = new Map<string, boolean>();
function isShouted(alias: string): boolean {
  let known = shouted.get(alias);
  if (known === undefined) {
    known = inCapitals(alias);
    shouted.set(alias, known);
  }
  return known;
}

/** True when the word just before or just after [start, end) is in capitals too (a shouted headline). */
function nextToShouting(text: string, start: number, end: number): boolean {
  let before = start;
  while (before > 0 && !isWordCode(text.charCodeAt(before - 1))) before--;
  let from = before;
  while (from > 0 && isWordCode(text.charCodeAt(from - 1))) from--;
  let after = end;
  while (after < text.length && !isWordCode(text.charCodeAt(after))) after++;
  let to = after;
  while (to < text.length && isWordCode(text.charCodeAt(to))) to++;
  return wordInCapitals(text, from, before) || wordInCapitals(text, after, to);
}

/** Whether text[from, to) is a word of two or more characters with a capital and no small letter. */
function wordInCapitals(text: string, from: number, to: number): boolean {
  if (to - from < 2) return false;
  let capital = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (isLowerCode(code)) return false;
    capital ||= isUpperCode(code);
  }
  return capital;
}
