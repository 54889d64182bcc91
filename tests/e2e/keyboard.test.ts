/**
 * The keyboard and screen-reader route into explainers: the toolbar popup's list of terms, and stepping
 * through the page's terms in reading order (what the Alt+Shift+. and Alt+Shift+, commands do).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { BROWSERS, launch, settled, type Tab, type TestBrowser, waitFor } from "./harness";
import { askReadingTabs } from "./options-steps";
import { markedTexts } from "./probes";

describe.each(BROWSERS)("%s: the keyboard route", (name) => {
  let browser: TestBrowser;
  let server: TestServer;
  let article: Tab;
  let marks: string[];

  beforeAll(async () => {
    server = await startServer();
    browser = await launch(name);
    article = await browser.newTab(server.url("/demo"));
    marks = await settled(() => article.evaluate(markedTexts), "the marks to settle");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const focusIsInExplainer = () =>
    article.evaluate(() => document.activeElement?.tagName === "BACKSTORY-EXPLAINER");

  it("lists the page's terms in the popup, in reading order, and opens the one chosen with focus in it", async () => {
    const popup = await browser.newTab(browser.extensionUrl("src/popup/index.html"));
    const terms = await waitFor(
      () =>
        popup.evaluate(() => {
          const list = [...document.querySelectorAll(".term span:first-child")].map((el) => el.textContent);
          return list.length > 0 ? list : null;
        }),
      "the list of terms",
    );
    expect(terms).toHaveLength(marks.length);
    expect(terms[0]).toBe("Idlib");
    const button = await popup.evaluate(() => {
      const target = [...document.querySelectorAll<HTMLElement>(".term")].find((el) =>
        el.textContent?.startsWith("S-400"),
      );
      target?.focus();
      return target !== undefined;
    });
    expect(button).toBe(true);
    // Choosing a term closes the popup, sometimes between the key going down and coming up.
    await popup.press("Enter").catch((error: Error) => {
      if (!/closed/i.test(error.message)) throw error;
    });
    await article.bringToFront();
    const view = await waitFor(() => article.explainer(), "the explainer chosen in the popup");
    expect(view.title).toBe("S-400 Triumf");
    expect(await focusIsInExplainer()).toBe(true);
    await article.press("Escape");
    await waitFor(() => article.explainer().then((v) => v === null), "Escape to close it");
    expect(await focusIsInExplainer()).toBe(false);
  });

  it("leaves the explainer by Tab and Shift+Tab for where the reader was on the page, not the page's end", async () => {
    // The reader is on a link in the article when they open a term's explainer from the keyboard.
    await article.evaluate(() => {
      const links = ["before", "after"].map((id) =>
        Object.assign(document.createElement("a"), { id, href: `#${id}`, textContent: id }),
      );
      document.querySelector("article p")?.prepend(...links);
      links[0]?.focus();
    });
    const options = await browser.newTab(browser.extensionUrl("src/options/index.html"));
    // Idlib's first mark is in the headline, just above the links: the reader's place is on screen.
    const stepIn = async () => {
      await askReadingTabs(options, "explain", ["idlib"]);
      await article.bringToFront();
      await waitFor(() => focusIsInExplainer(), "focus in the explainer");
    };
    const focused = () =>
      article.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    await stepIn();
    await article.keyDown("Shift");
    await article.press("Tab");
    await article.keyUp("Shift");
    expect(await focused()).toBe("before");
    // Back into a card, then Tab through it to its end and on.
    await stepIn();
    for (let presses = 0; (await focusIsInExplainer()) && presses < 60; presses++) await article.press("Tab");
    expect(await focused()).toBe("after");
    // A reader who was on nothing in particular: Shift+Tab still leaves the card, by the page's own order.
    await article.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await stepIn();
    await article.keyDown("Shift");
    await article.press("Tab");
    await article.keyUp("Shift");
    expect(await focusIsInExplainer()).toBe(false);
    await article.press("Escape");
    await options.close();
    await article.evaluate(() => {
      for (const id of ["before", "after"]) document.getElementById(id)?.remove();
    });
  });

  it("leaves the explainer by Tab and Shift+Tab for the controls around its term when the reader's place is far", async () => {
    // The reader is on a link at the top; the page's last term's paragraph has a link before and after it.
    await article.evaluate(() => {
      const link = (id: string) =>
        Object.assign(document.createElement("a"), { id, href: `#${id}`, textContent: id });
      const ranges = [...(CSS.highlights.get("backstory") ?? [])] as StaticRange[];
      const follows = (a: StaticRange, b: StaticRange) =>
        a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1;
      const last = ranges.sort(follows).at(-1) as StaticRange;
      const paragraph = last.startContainer.parentElement?.closest("p, h2, li") as HTMLElement;
      paragraph.before(link("before-term"));
      paragraph.after(link("after-term"));
      const top = link("top");
      document.querySelector("article p")?.prepend(top);
      top.focus();
    });
    await settled(() => article.evaluate(markedTexts), "the marks to settle again");
    const options = await browser.newTab(browser.extensionUrl("src/options/index.html"));
    // Open the first term, then step back to the last: its card comes up far below the reader's link.
    const openLast = async () => {
      await askReadingTabs(options, "explain", ["idlib"]);
      await askReadingTabs(options, "explain", ["previous"]);
      await article.bringToFront();
      await waitFor(() => focusIsInExplainer(), "focus in the explainer");
      const topOnScreen = await article.evaluate(
        () => (document.getElementById("top")?.getBoundingClientRect().bottom ?? 0) > 0,
      );
      expect(topOnScreen).toBe(false);
    };
    const focused = () =>
      article.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    await openLast();
    for (let presses = 0; (await focusIsInExplainer()) && presses < 60; presses++) await article.press("Tab");
    expect(await focused()).toBe("after-term");
    // From the top link again (after-term, on screen by the term, would be the reader's place now).
    await article.evaluate(() => document.getElementById("top")?.focus());
    await openLast();
    await article.keyDown("Shift");
    await article.press("Tab");
    await article.keyUp("Shift");
    expect(await focused()).toBe("before-term");
    await article.press("Escape");
    await options.close();
    await article.evaluate(() => {
      for (const id of ["top", "before-term", "after-term"]) document.getElementById(id)?.remove();
    });
    await settled(() => article.evaluate(markedTexts), "the marks to settle again");
  });

  it("closes an explainer once the reader scrolls its term out of view", async () => {
    const options = await browser.newTab(browser.extensionUrl("src/options/index.html"));
    await askReadingTabs(options, "explain", ["next"]);
    await options.close();
    await article.bringToFront();
    await waitFor(() => focusIsInExplainer(), "focus in the explainer");
    await article.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await waitFor(() => article.explainer().then((view) => view === null), "the explainer to close");
    await article.evaluate(() => window.scrollTo(0, 0));
  });

  it("steps through every term on the page in reading order, and back", { timeout: 90_000 }, async () => {
    const options = await browser.newTab(browser.extensionUrl("src/options/index.html"));
    let shown: string | undefined;
    const step = async (direction: "next" | "previous") => {
      // What the background does when the shortcut is pressed: ask the reading tab to step.
      await askReadingTabs(options, "explain", [direction]);
      const view = await waitFor(
        () => article.explainer().then((v) => (v && v.title !== shown ? v : null)),
        `the ${direction} explainer`,
      );
      shown = view.title;
      return view;
    };
    await article.press("Escape");
    const seen: string[] = [];
    for (let i = 0; i < marks.length; i++) seen.push((await step("next")).title);
    expect(new Set(seen).size).toBe(marks.length);
    const back = await step("previous");
    expect(back.title).toBe(seen[seen.length - 2]);
    await options.close();
  });
});
