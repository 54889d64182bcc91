/** Where the article is: its body when the page marks one up, else the whole page. */

const ARTICLE_SELECTORS = ["[itemprop=articleBody]", "article", "main", "[role=main]"];

export function findArticleRoot(doc: Document): Element | null {
  for (const selector of ARTICLE_SELECTORS) {
    const found = doc.querySelector(selector);
    // A tiny <article> (a teaser card) is not the story; need a few hundred characters of text.
    if (found && (found.textContent?.length ?? 0) > 400) return found;
  }
  return doc.body;
}
