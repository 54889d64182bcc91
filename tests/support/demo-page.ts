/**
 * The demo article: the seed article laid out the way news sites publish, with its date in the page
 * metadata (article:published_time and JSON-LD datePublished) so Backstory can tell what changed since.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED } from "./paths";

export const DEMO_PUBLISHED = "2020-02-21";
const HEADLINE = "Idlib: how far can Russia push Turkey?";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function demoPageHtml(): string {
  const article = readFileSync(join(SHARED, "seed/article.txt"), "utf8");
  const blocks = article
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) =>
      // A short line without a full stop is a subheading in the original layout.
      block.length < 60 && !/[.”"]$/.test(block)
        ? `<h2>${escapeHtml(block)}</h2>`
        : `<p>${escapeHtml(block)}</p>`,
    );
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: HEADLINE,
    datePublished: `${DEMO_PUBLISHED}T09:00:00Z`,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(HEADLINE)}</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="${DEMO_PUBLISHED}T09:00:00Z">
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
<style>
  body { margin: 0; background: #fbfaf7; color: #1f1f1f; font: 19px/1.65 Georgia, "DejaVu Serif", serif; }
  .masthead { border-bottom: 1px solid #ddd; padding: 14px 24px; font: 700 15px/1 system-ui, sans-serif; letter-spacing: .08em; text-transform: uppercase; }
  article { max-width: 680px; margin: 0 auto; padding: 24px 24px 96px; }
  h1 { font-size: 36px; line-height: 1.2; margin: 16px 0 8px; }
  h2 { font-size: 24px; margin: 32px 0 8px; }
  .byline { color: #666; font: 14px/1.4 system-ui, sans-serif; margin-bottom: 24px; }
</style>
</head>
<body>
<div class="masthead">The World Desk</div>
<article>
<header>
<h1>${escapeHtml(HEADLINE)}</h1>
<p class="byline">Analysis · <time datetime="${DEMO_PUBLISHED}">21 February 2020</time> · Demo page made from the article Backstory was conceived for</p>
</header>
${blocks.join("\n")}
</article>
</body>
</html>
`;
}
