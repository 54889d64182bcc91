/**
 * Memory stays bounded however long a page lives (issue 7 point 4, issue 3 point 5), shown without
 * timing: what Backstory draws on a page that keeps changing is what is on the page now, never the sum
 * of everything it ever showed. Ranges left on removed text would keep that text, and everything around
 * it, alive. `npm run memory` measures the heap itself over two minutes (Chromium).
 */
import { describe, expect, it } from "vitest";
import { BROWSERS, type Tab, waitFor } from "./harness";
import { highlightRanges } from "./memory-probes";
import { markedTexts, pointOnText } from "./probes";
import { setSettings } from "./reader-settings";
import { useSession } from "./session";

type PageHooks = {
  navigate: () => string[];
  viewTerms: string[];
  addItems: (count: number) => number;
  dropOldest: (count: number) => void;
  feedTerms: () => string[];
  feedOccurrences: () => string[];
};
// Run inside the page, so each names the window itself (a driver serialises the function alone).
const navigate = () => (window as unknown as PageHooks).navigate();
const viewTerms = () => (window as unknown as PageHooks).viewTerms;
const addItems = (count: number) => (window as unknown as PageHooks).addItems(count);
const dropOldest = (count: number) => (window as unknown as PageHooks).dropOldest(count);
const feedTerms = () => (window as unknown as PageHooks).feedTerms();
const feedOccurrences = () => (window as unknown as PageHooks).feedOccurrences();
const bodySwapped = () => (window as unknown as { bodySwapped?: number }).bodySwapped;

/**
 * Waits until exactly these terms are drawn, as often as listed (by default each term's first
 * occurrence), and no range is left on removed text: a change is handled in a batch, 150 ms later.
 */
async function waitForDrawn(tab: Tab, expected: string[], what: string): Promise<void> {
  const want = JSON.stringify([...expected].sort());
  let seen = "";
  await waitFor(
    async () => {
      const { detached } = await tab.evaluate(highlightRanges);
      seen = `${JSON.stringify((await tab.evaluate(markedTexts)).sort())}, ${detached} on removed text`;
      return seen === `${want}, 0 on removed text`;
    },
    what,
    10_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; drawn: ${seen}; expected: ${want}`);
  });
}

describe.each(BROWSERS)("%s: memory stays bounded", (name) => {
  const session = useSession(name);

  const open = async (fixture: string): Promise<Tab> => {
    const tab = await session.browser.newTab();
    await tab.bringToFront();
    await tab.goto(session.server.url(`/fixtures/${fixture}`));
    return tab;
  };

  it("after 20 single-page-app navigations only the current view's terms are drawn", async () => {
    const tab = await open("memory-spa.html");
    try {
      await waitForDrawn(tab, await tab.evaluate(viewTerms), "the first view's terms");
      for (let n = 1; n <= 20; n++) {
        // Half of these replace <main> itself, half what is inside it (see the fixture).
        const terms = await tab.evaluate(navigate);
        await waitForDrawn(tab, terms, `view ${n}'s terms, and no others`);
      }
      // Six terms in the view: six ranges, none left on the 20 views the page threw away.
      expect(await tab.evaluate(highlightRanges)).toEqual({ ranges: 6, detached: 0 });
      expect(tab.errors()).toEqual([]);
    } finally {
      await tab.close();
    }
  }, 90_000);

  it("a feed that drops its old items leaves no ranges on them", async () => {
    const tab = await open("memory-feed.html");
    try {
      await tab.evaluate(addItems, 40);
      await waitForDrawn(tab, await tab.evaluate(feedTerms), "every term in the feed");
      // The oldest 40 of 45 items go, with the first occurrences the marks were on.
      await tab.evaluate(dropOldest, 40);
      const left = await tab.evaluate(feedTerms);
      await waitForDrawn(tab, left, "the terms of the items left, and no others");
      expect(await tab.evaluate(highlightRanges)).toEqual({ ranges: left.length, detached: 0 });
    } finally {
      await tab.close();
    }
  }, 60_000);

  it("an open explainer lets go of a term the page navigated away from", async () => {
    const tab = await open("memory-spa.html");
    try {
      const [term = ""] = await tab.evaluate(viewTerms);
      await waitForDrawn(tab, await tab.evaluate(viewTerms), "the first view's terms");
      await tab.mouseMove(2, 2);
      const point = await waitFor(() => tab.evaluate(pointOnText, term), `"${term}" on the page`);
      await tab.mouseMove(point.x, point.y, 4);
      await waitFor(() => tab.explainer(), `the explainer for ${term}`, 8_000);
      // The page navigates under the resting pointer: the term is gone, so is its card and its range.
      const terms = await tab.evaluate(navigate);
      await waitForDrawn(tab, terms, "the new view's terms");
      await waitFor(() => tab.explainer().then((view) => view === null), "the explainer to close");
      expect(await tab.evaluate(highlightRanges)).toEqual({ ranges: terms.length, detached: 0 });
    } finally {
      await tab.close();
    }
  }, 60_000);

  it("a page that replaces document.body keeps no ranges on the body it threw away", async () => {
    const tab = await open("hostile-body.html");
    try {
      await waitFor(() => tab.evaluate(bodySwapped), "the page to swap its body twice", 10_000);
      await waitForDrawn(tab, ["Idlib", "Ankara", "S-400"], "the terms of the third body");
      expect(await tab.evaluate(highlightRanges)).toEqual({ ranges: 3, detached: 0 });
    } finally {
      await tab.close();
    }
  }, 60_000);

  // Last: it changes the reader's settings for the rest of this browser's session.
  it("with every occurrence marked, a feed's marks follow the items it keeps", async () => {
    await setSettings(session.browser, { everyOccurrence: true });
    const tab = await open("memory-feed.html");
    try {
      await tab.evaluate(addItems, 40);
      await waitForDrawn(tab, await tab.evaluate(feedOccurrences), "every occurrence in the feed");
      await tab.evaluate(dropOldest, 40);
      const left = await tab.evaluate(feedOccurrences);
      await waitForDrawn(tab, left, "the occurrences in the items left, and no others");
      expect(await tab.evaluate(highlightRanges)).toEqual({ ranges: left.length, detached: 0 });
    } finally {
      await tab.close();
      await setSettings(session.browser, { everyOccurrence: false });
    }
  }, 60_000);
});
