/**
 * Every mark Backstory makes on the shared real pages (../shared/pages/*), compared with the reviewed
 * list in pages-marks.json. A glossary or engine change that marks something new, or stops marking
 * something, fails here so the change is looked at in review. After checking that the new marks are
 * right (no "Congress" for the wrong country, no French word taken for a term), regenerate the list:
 *
 *   UPDATE_MARKS=1 npx vitest run src/glossary/pages-marks.test.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scanHtml } from "../../scripts/scan";
import { SHARED } from "../../tests/support/paths";

interface PageMark {
  id: string;
  text: string;
  count: number;
}
type PageMarks = Record<string, PageMark[]>;

const PAGES_DIR = join(SHARED, "pages");
const MARKS_FILE = join(import.meta.dirname, "pages-marks.json");
const UPDATE = process.env.UPDATE_MARKS === "1";
const REGENERATE =
  "If the change is intended and every mark is right, regenerate the list with:\n" +
  "  UPDATE_MARKS=1 npx vitest run src/glossary/pages-marks.test.ts\n" +
  "and commit src/glossary/pages-marks.json with the change.";

function pageNames(): string[] {
  if (!existsSync(PAGES_DIR)) {
    throw new Error(`No shared pages in ${PAGES_DIR}. Put the shared fixtures there or set SHARED_DIR.`);
  }
  return readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(PAGES_DIR, entry.name, "source.html")))
    .map((entry) => entry.name)
    .sort();
}

function marksOn(page: string): PageMark[] {
  const html = readFileSync(join(PAGES_DIR, page, "source.html"), "utf8");
  return scanHtml(html).map(({ id, text, count }) => ({ id, text, count }));
}

/** One mark per line, so a review diff shows exactly which mark changed. */
function serialise(marks: PageMarks): string {
  const pages = Object.entries(marks).map(([page, list]) => {
    const json = JSON.stringify(page);
    if (list.length === 0) return `  ${json}: []`;
    const items = list.map(
      ({ id, text, count }) =>
        `{ "id": ${JSON.stringify(id)}, "text": ${JSON.stringify(text)}, "count": ${count} }`,
    );
    // The way Biome lays JSON out: on one line when it fits in 110 columns.
    const oneLine = `  ${json}: [${items.join(", ")}]`;
    if (oneLine.length <= 110) return oneLine;
    return `  ${json}: [\n${items.map((item) => `    ${item}`).join(",\n")}\n  ]`;
  });
  return `{\n${pages.join(",\n")}\n}\n`;
}

const pages = pageNames();
const actual: PageMarks = Object.fromEntries(pages.map((page) => [page, marksOn(page)]));

if (UPDATE) writeFileSync(MARKS_FILE, serialise(actual));

const committed: PageMarks = existsSync(MARKS_FILE)
  ? (JSON.parse(readFileSync(MARKS_FILE, "utf8")) as PageMarks)
  : {};

describe("marks on the shared real pages", () => {
  it("lists the same pages as pages-marks.json", () => {
    expect(pages, `The shared pages and pages-marks.json list different pages.\n${REGENERATE}`).toEqual(
      Object.keys(committed).sort(),
    );
  });

  it.each(pages)("%s is marked as reviewed", (page) => {
    expect(
      actual[page],
      `The marks on ${page} changed. Check every added or removed mark against the page.\n${REGENERATE}`,
    ).toEqual(committed[page]);
  });
});
