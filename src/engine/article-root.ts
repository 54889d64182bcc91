/** Where the article is: its body when the page marks one up, else the whole page. */

/** Enough text to be a story rather than a teaser card or a caption. */
const MIN_TEXT = 400;

/** How much text an element holds, counting no further than `cap` (a 1 MB page need not be read whole). */
function textLength(element: Element, cap = 50_000): number {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let length = 0;
  while (length < cap && walker.nextNode()) length += (walker.currentNode as Text).length;
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
  if (main && textLength(main) > MIN_TEXT) return main;
  return doc.body;
}
