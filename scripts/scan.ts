/**
 * npm run scan -- <file.html | https URL> [--json]
 * Prints the glossary terms found on a page with the engine the extension runs: the same article
 * root, text blocks, matcher, context rules, and aliases' periods checked against the page's date
 * (see alias-periods.ts). The page's scripts are not run, and CSS visibility is not known here, so
 * text hidden by stylesheets may be listed.
 */
import { readFileSync } from "node:fs";
import { Window } from "happy-dom";
import { readPublishedDate } from "../src/content/article-date";
import { findArticleRoot } from "../src/engine/article-root";
import { ContextWords } from "../src/engine/marks";
import { collectBlocks } from "../src/engine/text-blocks";
import { readMatches, TextScanner } from "../src/engine/text-scan";
import { indexOnDate, today } from "../src/glossary/alias-periods";
import { checkGlossary } from "../src/glossary/checks";
import { compileIndex } from "../src/glossary/compile";
import { entryId } from "../src/glossary/entry-table";
import { commonEnglishWords, readGlossaryFiles, todayIso } from "../src/glossary/load-files";

export interface Found {
  id: string;
  text: string;
  count: number;
  /** Character offset of the first occurrence in the article's text. */
  position: number;
}

/** Every entry found in html, in reading order, with how often it occurs. */
export function scanHtml(html: string): Found[] {
  return scanPage(html).found;
}

/**
 * scanHtml, and the day the page says it was published (null when it does not, and today's aliases
 * apply), as the extension reads it.
 */
export function scanPage(html: string): { published: string | null; found: Found[] } {
  const { entries } = checkGlossary(readGlossaryFiles(), commonEnglishWords(), todayIso());
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  const document = window.document as unknown as Document;
  // happy-dom's globals stand in for the browser's while the engine reads this page.
  Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter });
  document.write(html);
  // As the background serves a page its index: aliases outside the page's date switched off.
  const published = readPublishedDate(document);
  const index = indexOnDate(compileIndex(entries), published ?? today());
  const root = findArticleRoot(document);
  const blocks = root ? collectBlocks(root) : [];
  // As the background does for the page marker: the terms and the context words in one pass, then
  // which entry each match is, once the whole page's context words are known.
  const context = new ContextWords(index.entries);
  const answer = new TextScanner(index).scan(blocks.map((block) => block.text));
  context.note(answer.words);
  const matches = answer.matches.map(readMatches);
  const found = new Map<number, Found>();
  let offset = 0;
  for (const [i, block] of blocks.entries()) {
    for (const match of matches[i] ?? []) {
      const entry = context.choose(match.entries);
      if (entry === undefined) continue;
      const seen = found.get(entry);
      if (seen) seen.count++;
      else {
        const id = entryId(index.entries, entry) ?? "";
        found.set(entry, {
          id,
          text: block.text.slice(match.start, match.end),
          count: 1,
          position: offset + match.start,
        });
      }
    }
    offset += block.text.length + 1;
  }
  window.close();
  return { published, found: [...found.values()] };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const target = args.find((arg) => !arg.startsWith("--"));
  if (!target) {
    console.error("Usage: npm run scan -- <file.html | https URL> [--json]");
    process.exit(2);
  }
  // Fetching happens only here, in a developer tool, because the developer asked for that URL.
  const html = /^https?:\/\//.test(target)
    ? await (await fetch(target)).text()
    : readFileSync(target, "utf8");
  const { published, found } = scanPage(html);
  if (args.includes("--json")) {
    console.log(JSON.stringify(found, null, 2));
    return;
  }
  console.log(
    published ? `Published ${published}.` : "The page does not say when it was published: read as today's.",
  );
  if (found.length === 0) console.log("No glossary terms found.");
  for (const { id, text, count, position } of found) {
    console.log(
      `${id.padEnd(34)} ${JSON.stringify(text).padEnd(30)} ×${String(count).padEnd(4)} at ${position}`,
    );
  }
}

if (process.argv[1]?.endsWith("scan.ts")) await main();
