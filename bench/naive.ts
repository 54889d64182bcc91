/**
 * Page side: the ways extensions mark terms today, written plainly so the comparison is fair to them.
 * Every one wraps its matches in <mark> elements, which is exactly what Backstory avoids.
 */
import Mark from "mark.js";

export const MARK_CLASS = "bench-mark";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** mark.js with one regex: every term in one alternation, longest first so the longest one wins. */
export function markRegExp(terms: readonly string[]): (target: Element) => number {
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  const regexp = new RegExp(`\\b(?:${sorted.map(escapeRegExp).join("|")})\\b`, "gi");
  return (target) => {
    let marks = 0;
    new Mark(target).markRegExp(regexp, { className: MARK_CLASS, done: (n) => (marks = n) });
    return marks;
  };
}

/**
 * mark.js recurses once per keyword, so from about 1,000 keywords on it dies of a stack overflow
 * ("Invalid regular expression: Stack overflow"): it gets the first 500 terms.
 */
export const MARK_ARRAY_CAP = 500;

/** mark.js with a keyword array, as its documentation shows (diacritics on, its default). */
export function markArray(terms: readonly string[]): (target: Element) => number {
  return (target) => {
    let marks = 0;
    new Mark(target).mark(terms.slice(0, MARK_ARRAY_CAP), {
      className: MARK_CLASS,
      separateWordSearch: false,
      done: (n) => (marks = n),
    });
    return marks;
  };
}

/** The naive way: a regex per term, each pass over every text node, wrapping what it finds. */
export function regexPerTerm(terms: readonly string[]): (target: Element) => number {
  return (target) => {
    let marks = 0;
    for (const term of terms) {
      const regexp = new RegExp(`\\b${escapeRegExp(term)}\\b`, "gi");
      const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
      const hits: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        regexp.lastIndex = 0;
        if (regexp.test((node as Text).data)) hits.push(node as Text);
      }
      for (const node of hits) marks += wrapMatches(node, regexp);
    }
    return marks;
  };
}

function wrapMatches(node: Text, regexp: RegExp): number {
  if (node.parentElement?.closest("mark, script, style")) return 0;
  let marks = 0;
  let rest = node;
  regexp.lastIndex = 0;
  for (let match = regexp.exec(rest.data); match; match = regexp.exec(rest.data)) {
    const hit = rest.splitText(match.index);
    rest = hit.splitText(match[0].length);
    const mark = document.createElement("mark");
    mark.className = MARK_CLASS;
    hit.replaceWith(mark);
    mark.append(hit);
    marks++;
    regexp.lastIndex = 0;
  }
  return marks;
}

/** The floor: a bare TreeWalker reading every character of text, marking nothing. */
export function readAllText(target: Element): number {
  let chars = 0;
  const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  return chars;
}
