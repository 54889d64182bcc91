/**
 * When the article was published, read the ways news sites publish it: the Open Graph
 * article:published_time, JSON-LD datePublished, or a <time> in the article's header.
 */
import { parsePublished } from "../shared/dates";

function fromJsonLd(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = findDatePublished(JSON.parse(script.textContent ?? ""));
      if (found) return found;
    } catch {
      // A page's broken JSON-LD is the page's business; try the next one.
    }
  }
  return null;
}

function findDatePublished(data: unknown, depth = 0): string | null {
  if (depth > 4 || typeof data !== "object" || data === null) return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findDatePublished(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = data as Record<string, unknown>;
  if (typeof record.datePublished === "string") return parsePublished(record.datePublished);
  return findDatePublished(record["@graph"], depth + 1);
}

export function readPublishedDate(doc: Document): string | null {
  const meta = doc.querySelector<HTMLMetaElement>(
    'meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"]',
  );
  return (
    parsePublished(meta?.content) ??
    fromJsonLd(doc) ??
    parsePublished(
      doc.querySelector("article header time[datetime], header time[datetime]")?.getAttribute("datetime"),
    )
  );
}
