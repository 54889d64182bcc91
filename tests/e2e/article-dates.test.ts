/**
 * Names that mean different things in different years: the same sentence ("the Israel-Iran war",
 * "Pope Leo") on pages that say they were published in 2019, 2025 and 2026, and on one that does not
 * say (read as today's), on one that tells its date only once a slow script lets its parse
 * finish, and on a single-page site's next article. Hovering the term opens the explainer of the article's own time.
 */
import { describe, expect, it } from "vitest";
import { BROWSERS, waitFor } from "./harness";
import { readingTabsAnswer } from "./options-steps";
import { markedTexts, pointOnText } from "./probes";
import { useSession } from "./session";

const JUNE_2025 = "Iran–Israel war (June 2025)";
const WAR_2026 = "2026 Iran war (US–Israeli war on Iran)";
/** The open card's heading. */
const TITLE = `function () { return JSON.stringify(this.querySelector(".title")?.textContent ?? null); }`;

describe.each(BROWSERS)("%s: the article's date", (name) => {
  const session = useSession(name);

  /** The page's marks once there are `count`, and the explainer's text on hovering "Israel-Iran war". */
  async function read(page: string, count: number) {
    const tab = await session.browser.newTab(session.server.url(`/fixtures/${page}.html`));
    try {
      const marks = await waitFor(
        () => tab.evaluate(markedTexts).then((found) => (found.length >= count ? found.sort() : null)),
        `the marks on ${page}`,
      );
      if (!marks.includes("Israel-Iran war")) return { marks, title: null };
      const point = await waitFor(() => tab.evaluate(pointOnText, "Israel-Iran war"), "the term on the page");
      await tab.mouseMove(point.x, point.y, 4);
      await waitFor(() => tab.explainer(), "the explainer");
      return { marks, title: await tab.inExplainer<string>(TITLE) };
    } finally {
      await tab.close();
    }
  }

  it("explains the Israel-Iran war of the article's time", async () => {
    const in2025 = await read("published-2025", 2);
    expect(in2025.marks).toEqual(["Israel-Iran war", "Pope Leo"]);
    expect(in2025.title).toBe(JUNE_2025);

    const in2026 = await read("published-2026", 2);
    expect(in2026.marks).toEqual(["Israel-Iran war", "Pope Leo"]);
    expect(in2026.title).toBe(WAR_2026);
  });

  it("tells the context menu the page's date, which the background asks for rather than remembers", async () => {
    // The background forgets everything whenever the browser stops it (a service worker's idle
    // timeout), so it asks the page for its date when the reader chooses "Explain" on a selection.
    const dated = await session.browser.newTab(session.server.url("/fixtures/published-2025.html"));
    await waitFor(() => dated.evaluate(markedTexts).then((found) => found.length > 0 || null), "the marks");
    const options = await session.browser.newTab(session.browser.extensionUrl("src/options/index.html"));
    expect(await readingTabsAnswer(options, "publishedDate")).toEqual(["2025-07-02"]);
    await dated.close();
    const undated = await session.browser.newTab(session.server.url("/fixtures/published-undated.html"));
    await waitFor(() => undated.evaluate(markedTexts).then((found) => found.length > 0 || null), "the marks");
    expect(await readingTabsAnswer(options, "publishedDate")).toEqual([null]);
    await undated.close();
    await options.close();
  });

  it("reads a page that does not say when it was published as today's", async () => {
    const undated = await read("published-undated", 2);
    expect(undated.marks).toEqual(["Israel-Iran war", "Pope Leo"]);
    expect(undated.title).toBe(WAR_2026);
  });

  it("reads the date of a page that tells it only once a slow script let it finish", async () => {
    // Backstory marks the page as today's after waiting 3 s for its parse, then again once the parse
    // is done (the tab opens when it is) and the page's JSON-LD gives its date.
    const late = await read("published-late", 2);
    expect(late.marks).toEqual(["Israel-Iran war", "Pope Leo"]);
    expect(late.title).toBe(JUNE_2025);
  }, 20_000);

  it("reads a single-page site's next article as of its own date", async () => {
    const tab = await session.browser.newTab(session.server.url("/fixtures/published-spa.html"));
    try {
      // Hovers the term until its explainer is the one expected: the marks come, and come again
      // after the next article, a moment after the text does.
      const cardOn = (expected: string) =>
        waitFor(
          async () => {
            await tab.mouseMove(0, 0, 1);
            const point = await tab.evaluate(pointOnText, "Israel-Iran war");
            if (!point) return null;
            await tab.mouseMove(point.x, point.y, 4);
            const card = await waitFor(() => tab.explainer(), "the explainer", 1500).catch(() => null);
            return card && (await tab.inExplainer<string>(TITLE)) === expected ? card : null;
          },
          `the explainer of ${expected}`,
          10_000,
        );
      await cardOn(JUNE_2025);
      await tab.press("Escape");
      const link = await waitFor(() => tab.evaluate(pointOnText, "Next article"), "the link");
      await tab.click(link.x, link.y);
      await waitFor(() => tab.evaluate(() => document.title === "Talks resume"), "the next article");
      const card = await cardOn(WAR_2026);
      expect(card.text).toContain("Since this article (10 Apr 2026)");
    } finally {
      await tab.close();
    }
  }, 30_000);

  it("marks neither name before it meant them, and the countries inside the war's name instead", async () => {
    const in2019 = await read("published-2019", 2);
    expect(in2019.marks).toEqual(["Iran", "Israel"]);
  });
});
