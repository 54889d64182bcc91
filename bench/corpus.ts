/**
 * Deterministic text for the benchmark: news-like English built from the seed article's vocabulary
 * (so function words come at their real frequency) with a long tail from an English word list, and
 * glossary terms sprinkled in, sometimes possessive and sometimes split across inline elements.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { SHARED } from "../tests/support/paths";

/** mulberry32: small, fast and the same on every machine. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(next: () => number, items: readonly T[]): T =>
  items[Math.floor(next() * items.length)] as T;

const english = (createRequire(import.meta.url)("an-array-of-english-words") as string[]).filter((word) =>
  /^[a-z]{3,11}$/.test(word),
);
/** Every 20th word of the list: about 12,000 words, a plausible long tail. */
export const TAIL_WORDS = english.filter((_, i) => i % 20 === 0);
/** The seed article's words with repeats, so "the" is drawn as often as it is written. */
const SEED_WORDS = readFileSync(join(SHARED, "seed/article.txt"), "utf8").match(/[\p{L}’'-]+/gu) ?? [];

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export interface Writer {
  /** One paragraph's inner HTML, about `chars` characters of text. */
  paragraph(chars: number): string;
}

/** Writes paragraphs in which roughly one sentence in `termEvery` names a glossary term. */
export function writer(seed: number, terms: readonly string[], termEvery = 6): Writer {
  const next = random(seed);
  const word = () => (next() < 0.75 ? pick(next, SEED_WORDS) : pick(next, TAIL_WORDS));
  const term = () => {
    const text = escapeHtml(pick(next, terms));
    const roll = next();
    if (roll < 0.15) return `${text}’s`;
    const space = text.indexOf(" ");
    // "<b>Recep</b> Tayyip Erdoğan": a term split across inline elements must still be found.
    if (roll < 0.25 && space > 0) return `<b>${text.slice(0, space)}</b>${text.slice(space)}`;
    if (roll < 0.35) return `<a href="#t">${text}</a>`;
    return text;
  };
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(next() * 18) }, word);
    if (next() < 1 / termEvery) words.splice(Math.floor(next() * words.length), 0, term());
    if (next() < 0.1) words[2] = `<em>${words[2]}</em>`;
    const text = words.join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  return {
    paragraph(chars) {
      const sentences: string[] = [];
      for (let length = 0; length < chars; length += (sentences.at(-1) as string).length + 1)
        sentences.push(sentence());
      return sentences.join(" ");
    },
  };
}

const PAGE_STYLE =
  "body{font:18px/1.55 Georgia,serif;margin:0}main{max-width:44em;margin:0 auto;padding:1em}" +
  "nav,footer{background:#eee;padding:.5em 1em;font:14px sans-serif}";

function page(title: string, article: string, script = ""): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>${PAGE_STYLE}</style></head><body><nav>Home · World · Politics · Business</nav>
<main><article><h1>${title}</h1>${article}</article></main><footer>© Bench News</footer>${script}</body></html>`;
}

/** A long article of about `chars` characters of text, with a subheading every dozen paragraphs. */
export function longArticle(terms: readonly string[], chars: number): string {
  const write = writer(1, terms);
  const parts: string[] = [];
  for (let total = 0, i = 0; total < chars; i++) {
    const text = write.paragraph(500 + (i % 5) * 100);
    parts.push(i % 12 === 11 ? `<h2>Part ${i / 12 + 1}</h2><p>${text}</p>` : `<p>${text}</p>`);
    total += text.replace(/<[^>]+>/g, "").length;
  }
  return page("A very long read", parts.join("\n"));
}

export const FEED = { batches: 10, perBatch: 50, everyMs: 200 };

/**
 * An endless page: ten paragraphs, then `startFeed()` (called by the benchmark when it is ready)
 * appends 50 more every 200 ms, 10 times, and resolves after the last batch.
 */
export function infiniteScroll(terms: readonly string[]): string {
  const write = writer(2, terms);
  const first = Array.from({ length: 10 }, () => `<p>${write.paragraph(500)}</p>`).join("\n");
  const feed = Array.from({ length: FEED.batches * FEED.perBatch }, () => `<p>${write.paragraph(500)}</p>`);
  const script = `<script>
const FEED = ${JSON.stringify(feed).replace(/</g, "\\u003c")};
window.startFeed = () => new Promise((done) => {
  const article = document.querySelector("article");
  let batch = 0;
  const timer = setInterval(() => {
    article.insertAdjacentHTML("beforeend", FEED.slice(batch * ${FEED.perBatch}, (batch + 1) * ${FEED.perBatch}).join(""));
    if (++batch === ${FEED.batches}) { clearInterval(timer); done(); }
  }, ${FEED.everyMs});
});
</script>`;
  return page("Live: the story so far", first, script);
}
