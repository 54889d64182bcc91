/**
 * The toolbar popup, opened in a tab next to the article (the reading tab it acts on): Backstory off
 * and on for this site and everywhere, and a chosen term opening its explainer in the article.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BROWSERS, settled, type Tab, waitFor } from "./harness";
import { askReadingTabs, clearSettings, clickOn, storedSettings } from "./options-steps";
import { markedTexts } from "./probes";
import { useSession } from "./session";

describe.each(BROWSERS)("%s: the toolbar popup", (name) => {
  const session = useSession(name);
  let article: Tab;
  let first: string[];

  beforeAll(async () => {
    article = await session.browser.newTab(session.server.url("/demo"));
    first = await settled(() => article.evaluate(markedTexts), "the first marks");
  });

  const openPopup = async () => {
    await article.bringToFront();
    const popup = await session.browser.newTab(session.browser.extensionUrl("src/popup/index.html"));
    await waitFor(
      () => popup.evaluate(() => document.querySelectorAll(".term").length > 0),
      "the popup's terms",
    );
    return popup;
  };
  const marksAre = async (check: (marks: string[]) => boolean, what: string) => {
    await article.bringToFront();
    await waitFor(() => article.evaluate(markedTexts).then(check), what);
  };
  const siteState = (popup: Tab) => popup.evaluate(() => document.querySelector(".site-state")?.textContent);

  afterEach(async () => {
    const page = await session.browser.newTab(session.browser.extensionUrl("src/options/index.html"));
    await clearSettings(page);
    await page.close();
    await marksAre((marks) => marks.length === first.length, "the article marked again");
  });

  it("turns Backstory off for this site in one click, and on again", async () => {
    const popup = await openPopup();
    expect(await siteState(popup)).toBe("On for 127.0.0.1");
    await clickOn(popup, "button", "Turn off here");
    await marksAre((marks) => marks.length === 0, "no marks on the site switched off");
    expect((await storedSettings(popup)).blockedSites).toEqual(["127.0.0.1"]);
    await waitFor(() => siteState(popup).then((text) => text === "Off for 127.0.0.1"), "the popup to say so");
    expect(await popup.evaluate(() => document.querySelector(".terms"))).toBeNull();
    await clickOn(popup, "button", "Turn on here");
    await marksAre((marks) => marks.length === first.length, "the marks back");
    expect((await storedSettings(popup)).blockedSites).toBeUndefined();
    await popup.bringToFront();
    await waitFor(
      () => popup.evaluate(() => document.querySelectorAll(".term").length > 0),
      "the popup to list the terms again",
    );
    await popup.close();
  });

  it("in only-these-sites mode, switches this site on by listing it", async () => {
    const options = await session.browser.newTab(
      session.browser.extensionUrl("src/options/index.html#sites"),
    );
    await clickOn(options, "label.choice", "Only on the sites I list");
    await marksAre((marks) => marks.length === 0, "no marks with no site listed");
    await options.close();
    await article.bringToFront();
    const popup = await session.browser.newTab(session.browser.extensionUrl("src/popup/index.html"));
    await waitFor(() => siteState(popup).then((text) => text === "Off for 127.0.0.1"), "the site off");
    await clickOn(popup, "button", "Turn on here");
    await marksAre((marks) => marks.length === first.length, "marks on the listed site");
    expect((await storedSettings(popup)).onlySites).toEqual(["127.0.0.1"]);
    await popup.close();
  });

  it("says where to add terms on a page with none from the glossary", async () => {
    const plain = await session.browser.newTab(session.server.url("/fixtures/my-glossaries.html"));
    const popup = await session.browser.newTab(session.browser.extensionUrl("src/popup/index.html"));
    const hint = await waitFor(
      () => popup.evaluate(() => document.querySelector(".terms .hint")?.textContent ?? null),
      "the popup's word on this page",
    );
    expect(hint).toContain("Settings › My glossaries");
    await popup.close();
    await plain.close();
  });

  it("turns Backstory off everywhere, and on again", async () => {
    const popup = await openPopup();
    await clickOn(popup, "button", "Turn off everywhere");
    await marksAre((marks) => marks.length === 0, "no marks with Backstory off");
    await waitFor(
      () =>
        popup.evaluate(() => document.querySelector(".status strong")?.textContent === "Backstory is off"),
      "the popup to say Backstory is off",
    );
    // Nothing says it is still on for this site, or offers to turn it off here.
    expect(await siteState(popup)).toBeUndefined();
    expect(await popup.evaluate(() => document.body.textContent?.includes("Turn off here"))).toBe(false);
    await clickOn(popup, "button", "Turn on everywhere");
    await marksAre((marks) => marks.length === first.length, "the marks back");
    await popup.close();
  });

  it("says how often the article names each term, counted from its text", async () => {
    const popup = await openPopup();
    const rows = await popup.evaluate(() =>
      [...document.querySelectorAll(".term")].map((term) =>
        [...term.children].map((part) => part.textContent),
      ),
    );
    // Not only the first occurrence, which is all that is marked: every one in the article's text.
    const named = (word: string) =>
      article.evaluate(
        (word) =>
          document.querySelector("article")?.textContent?.match(new RegExp(`\\b${word}\\b`, "g"))?.length,
        word,
      );
    for (const word of ["Idlib", "Moscow"]) {
      const times = await named(word);
      expect(times).toBeGreaterThan(1);
      expect(rows).toContainEqual([word, `${times}×`]);
    }
    await popup.close();
  });

  it("opens the explainer of the term the reader clicks in the list", async () => {
    const popup = await openPopup();
    // The list says how many terms it holds, and the keys that step through them are the browser's own.
    const [heading, terms, keys] = await popup.evaluate(() => [
      document.querySelector("#terms-heading")?.textContent,
      document.querySelectorAll(".term").length,
      document.querySelector(".keys")?.textContent,
    ]);
    expect(heading).toBe(`On this page · ${terms}`);
    expect(keys).toBe("Next term: Alt+Shift+. · previous: Alt+Shift+,");
    // The popup closes itself on this click; Firefox's driver may then report the gone frame.
    await clickOn(popup, ".term", "Sochi agreement").catch((error: Error) => {
      if (!/no such frame|no longer exist|closed/i.test(error.message)) throw error;
    });
    await article.bringToFront();
    const view = await waitFor(() => article.explainer(), "the explainer chosen in the popup");
    expect(view.title).toBe("Sochi agreement on Idlib (2018)");
    await article.press("Escape");
    await waitFor(() => article.explainer().then((v) => v === null), "Escape to close it");
    await popup.close().catch(() => undefined); // the popup closes itself once the explainer is open
  });
});

describe.each(BROWSERS)("%s: explaining a selection (the context menu)", (name) => {
  const session = useSession(name);

  it("opens the explainer on the selected words when they name an entry", async () => {
    const article = await session.browser.newTab(session.server.url("/demo"));
    await settled(() => article.evaluate(markedTexts), "the marks");
    // The reader selects the second "Idlib" on the page (not the marked first one).
    const selected = await article.evaluate(() => {
      const walker = document.createTreeWalker(
        document.querySelector("article") as Node,
        NodeFilter.SHOW_TEXT,
      );
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf("Idlib");
        if (at < 0 || ++seen < 2) continue;
        node.parentElement?.scrollIntoView({ block: "center" });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 5);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        return range.toString();
      }
      return null;
    });
    expect(selected).toBe("Idlib");
    // What the background does when the menu item is chosen and the selection names an entry.
    const options = await session.browser.newTab(session.browser.extensionUrl("src/options/index.html"));
    const answered = await askReadingTabs(options, "explainSelection", ["idlib"]);
    expect(answered).toBe(true);
    await article.bringToFront();
    const view = await waitFor(() => article.explainer(), "the explainer on the selection");
    expect(view.title).toBe("Idlib");
    const selection = await article.evaluate(() => {
      const rect = document.getSelection()?.getRangeAt(0).getBoundingClientRect();
      return rect ? { top: rect.top, bottom: rect.bottom } : null;
    });
    // Anchored on the selection: the card sits just above or below the selected words.
    const gap = Math.min(
      Math.abs(view.rect.y - (selection?.bottom ?? 0)),
      Math.abs(view.rect.y + view.rect.height - (selection?.top ?? 0)),
    );
    expect(gap).toBeLessThan(20);
    await options.close();
    await article.close();
  });

  it("explains a term the page never marked: one outside the article, whose entry the page does not hold", async () => {
    const article = await session.browser.newTab(session.server.url("/demo"));
    await settled(() => article.evaluate(markedTexts), "the marks");
    // Below the article, where Backstory does not mark: the page holds only the entries it found.
    const selected = await article.evaluate(() => {
      const note = document.createElement("p");
      note.textContent = "Related: Bayraktar TB2 drones";
      document.body.append(note);
      const text = note.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 9);
      range.setEnd(text, 22);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      return range.toString();
    });
    expect(selected).toBe("Bayraktar TB2");
    expect(await article.evaluate(markedTexts)).not.toContain("Bayraktar TB2");
    const options = await session.browser.newTab(session.browser.extensionUrl("src/options/index.html"));
    expect(await askReadingTabs(options, "explainSelection", ["bayraktar-tb2"])).toBe(true);
    await article.bringToFront();
    const view = await waitFor(() => article.explainer(), "the explainer on the selection");
    expect(view.title).toBe("Bayraktar TB2");
    await options.close();
    await article.close();
  });
});
