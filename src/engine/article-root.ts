/** Where the article is: its body when the page marks one up, the story in its main region, else the whole page. */

import { SKIPPED } from "./page-elements";

/** Enough text to be a story rather than a teaser card or a caption. */
const MIN_TEXT = 400;
/** A paragraph shorter than this is a caption, a byline or a teaser rather than the story's text. */
const MIN_PARAGRAPH = 80;

/**
 * How much text an element holds, counting no further than `cap` (a 1 MB page need not be read whole);
 * with `readOnly`, only text the marker reads (not scripts, styles or code).
 */
function textLength(element: Element, cap = 50_000, readOnly = false): number {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let length = 0;
  while (length < cap && walker.nextNode()) {
    const text = walker.currentNode as Text;
    if (!readOnly || !SKIPPED.has(text.parentElement?.tagName ?? "")) length += text.length;
  }
  return length;
}

export function findArticleRoot(doc: Document): Element | null {
  const body = doc.querySelector("[itemprop=articleBody]");
  if (body && textLength(body) > MIN_TEXT) return body;
  // Pages often carry several <article>s (teasers, related stories): the story is the longest one.
  let longest: Element | null = null;
  let longestLength = 0;
  for (const article of doc.querySelectorAll("article")) {
    const length = textLength(article);
    if (length > longestLength) [longest, longestLength] = [article, length];
  }
  if (longest && longestLength > MIN_TEXT) return longest;
  const main = doc.querySelector("main, [role=main]");
  if (main && textLength(main) > MIN_TEXT) return storyIn(main);
  // Not the body: on a page still rendering its story, a consent notice may be its only paragraphs.
  return doc.body;
}

/**
 * The story inside a page's main region, which may hold more (sidebars, promos): starting from the
 * element with the most paragraph text, up until it holds most of the region's paragraphs (a story
 * may come in sections), then on up while that adds little else (the headline and byline). The
 * region itself when it holds no run of paragraphs, or a web component that may hold the story.
 */
function storyIn(region: Element): Element {
  // A story inside a web component's shadow root is not among the region's own paragraphs.
  for (const element of region.querySelectorAll("*"))
    if (element.tagName.includes("-") && element.shadowRoot) return region;
  const byParent = new Map<Element, number>();
  let total = 0;
  for (const paragraph of region.querySelectorAll("p")) {
    const length = paragraph.textContent?.trim().length ?? 0;
    if (length < MIN_PARAGRAPH || !paragraph.parentElement) continue;
    total += length;
    byParent.set(paragraph.parentElement, (byParent.get(paragraph.parentElement) ?? 0) + length);
  }
  let story: Element | null = null;
  let most = 0;
  for (const [parent, length] of byParent) if (length > most) [story, most] = [parent, length];
  if (!story || most < MIN_TEXT) return region;
  const paragraphsIn = (element: Element) =>
    [...byParent].reduce((sum, [parent, length]) => sum + (element.contains(parent) ? length : 0), 0);
  while (story !== region && paragraphsIn(story) < 0.7 * total) story = story.parentElement ?? region;
  const readLength = (element: Element) => textLength(element, 200_000, true);
  for (let length = readLength(story); story !== region && story.parentElement; ) {
    const parentLength = readLength(story.parentElement);
    if (parentLength > 1.1 * length) break;
    [story, length] = [story.parentElement, parentLength];
  }
  return story;
}
