/** Where the article is: its body when the page marks one up, else the whole page. */

/** Enough text to be a story rather than a teaser card or a caption. */
const MIN_TEXT = 400;

const textLength = (element: Element) => element.textContent?.length ?? 0;

export function findArticleRoot(doc: Document): Element | null {
  const body = doc.querySelector("[itemprop=articleBody]");
  if (body && textLength(body) > MIN_TEXT) return body;
  // Pages often carry several <article>s (teasers, related stories): the story is the longest one.
  let longest: Element | null = null;
  for (const article of doc.querySelectorAll("article")) {
    if (!longest || textLength(article) > textLength(longest)) longest = article;
  }
  if (longest && textLength(longest) > MIN_TEXT) return longest;
  const main = doc.querySelector("main, [role=main]");
  if (main && textLength(main) > MIN_TEXT) return main;
  return doc.body;
}
