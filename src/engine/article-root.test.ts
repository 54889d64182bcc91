// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { findArticleRoot } from "./article-root";

const paragraph = (words: string) => `<p>${`${words} `.repeat(20)}</p>`;
const page = (markup: string) => {
  document.body.innerHTML = markup;
  return findArticleRoot(document);
};

describe("findArticleRoot", () => {
  it("takes the page's marked-up article body first", () => {
    const root = page(`<div itemprop="articleBody" id="story">${paragraph("Talks on Idlib resumed.")}</div>
      <article>${paragraph("A longer teaser about something else.").repeat(3)}</article>`);
    expect(root?.id).toBe("story");
  });

  it("finds the story with its headline inside a main region that also holds promos", () => {
    const root = page(`<div role="main"><div id="columns">
      <div id="story"><h1>Obama on gun laws</h1><div class="inner">
        ${paragraph("The president spoke about gun laws in the United States.").repeat(4)}</div></div>
      <div id="promos">${paragraph("Trump in a promo for another story.")}
        <ul><li>Most read: Pakistan pass a fierce test</li></ul></div>
    </div></div>`);
    expect(root?.id).toBe("story");
  });

  it("keeps every section of a story that comes in several", () => {
    const root = page(`<main><div id="story">
      <div class="section">${paragraph("The first part of the story about Sudan.").repeat(2)}</div>
      <div class="section">${paragraph("The second part of the story about Sudan.").repeat(2)}</div>
    </div><footer>${paragraph("About this site and its owners.")}</footer></main>`);
    expect(root?.id).toBe("story");
  });

  it("keeps the whole main region when the story may be in a web component's shadow root", () => {
    document.body.innerHTML = `<main id="main"><story-body></story-body>
      <footer>${paragraph("About this site and its owners.").repeat(2)}</footer></main>`;
    document.querySelector("story-body")?.attachShadow({ mode: "open" }).append("Idlib ".repeat(100));
    expect(findArticleRoot(document)?.id).toBe("main");
  });

  it("keeps the whole page when it has no main region, or no run of paragraphs in it", () => {
    // A page still rendering its story may show only a consent notice's paragraphs.
    expect(page(`<div id="consent">${paragraph("We and our partners use cookies.").repeat(2)}</div>`)).toBe(
      document.body,
    );
    expect(page(`<main><div>Idlib</div><div>${"Short lines. ".repeat(60)}</div></main>`)?.tagName).toBe(
      "MAIN",
    );
  });
});
