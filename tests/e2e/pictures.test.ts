/**
 * The pictures in the explainer, as a reader sees them: Idlib's and Ankara's cards scrolled to their
 * locator map (under the header that stays in view) compared with committed screenshots in each
 * browser, and the timeline around the article.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/paths";
import { BROWSERS, type ExplainerView, type Tab, waitFor } from "./harness";
import { markedTexts, pointOnText } from "./probes";
import { useSession } from "./session";
import { compareWithCommitted } from "./snapshot";

/** Anti-aliasing and font hinting move a few pixels between runs; a changed map or layout moves thousands. */
const TOLERANCE = 0.01;
const SCRATCH = join(ROOT, "build", "screenshots");

/** Scrolls the open card until its map sits just under its header, and waits for that to be drawn. */
const SCROLL_TO_MAP = `async function () {
  const card = this.querySelector(".card");
  const below = this.querySelector(".map").getBoundingClientRect().top;
  card.scrollTop += below - this.querySelector(".header").getBoundingClientRect().bottom - 8;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return JSON.stringify(card.scrollTop);
}`;

/** The extension page's own storage API (extension pages run with the extension's privileges). */
declare const chrome: { storage: { sync: { set(items: object): Promise<void> } } };

/** The open card's color-scheme, read inside its closed shadow root. */
const COLOR_SCHEME = `function () {
  return JSON.stringify(getComputedStyle(this.querySelector(".card")).colorScheme);
}`;

describe.each(BROWSERS)("%s: pictures in the explainer", (name) => {
  const session = useSession(name);
  let tab: Tab;

  /** Opens a term's card and waits until it has its map and holds still. */
  const openSteady = async (term: string, mapLabel: string): Promise<ExplainerView> => {
    tab ??= await session.browser.newTab(session.server.url("/demo"));
    await waitFor(() => tab.evaluate(markedTexts).then((marks) => marks.includes(term)), `${term} marked`);
    await tab.mouseMove(2, 2);
    await waitFor(() => tab.explainer().then((view) => view === null), "no explainer");
    const point = await waitFor(() => tab.evaluate(pointOnText, term), `"${term}" on the page`);
    await tab.mouseMove(point.x, point.y, 4);
    let last = "";
    return waitFor(async () => {
      const view = await tab.explainer();
      const same = view?.text.includes(mapLabel) && JSON.stringify(view.rect) === last;
      last = JSON.stringify(view?.rect);
      await new Promise((done) => setTimeout(done, 200));
      return same && view?.title === term ? view : null;
    }, `${term}'s card with its map, holding still`);
  };

  /** Sets the theme as the options page stores it; open tabs re-mark with it at once. */
  const setTheme = async (theme: "dark" | "system") => {
    const options = await session.browser.newTab(session.browser.extensionUrl("src/options/index.html"));
    await options.evaluate((value) => chrome.storage.sync.set({ theme: value, settingsVersion: 2 }), theme);
    await options.close();
    await tab.bringToFront();
  };

  for (const [term, mapLabel, theme] of [
    ["Idlib", "Syria", "light"],
    ["Ankara", "Turkey", "light"],
    ["Idlib", "Syria", "dark"],
  ] as const) {
    it(`draws ${term}'s card and locator map as committed (${theme} theme)`, async () => {
      tab ??= await session.browser.newTab(session.server.url("/demo"));
      if (theme === "dark") await setTheme("dark");
      const view = await openSteady(term, mapLabel);
      await tab.inExplainer(SCROLL_TO_MAP);
      // Its scrollbar (where the system draws one) takes the card's theme, not the page's.
      expect(await tab.inExplainer<string>(COLOR_SCHEME)).toBe(theme);
      const snapshot = `${name}-${term.toLowerCase()}${theme === "dark" ? "-dark" : ""}`;
      mkdirSync(SCRATCH, { recursive: true });
      const shot = join(SCRATCH, `${snapshot}.png`);
      const { x, y, width, height } = view.rect;
      await tab.screenshot(shot, {
        x: Math.round(x),
        y: Math.round(y),
        width: Math.round(width),
        height: Math.round(height),
      });
      if (theme === "dark") await setTheme("system");
      const result = compareWithCommitted(snapshot, shot);
      expect(result.sizeChange, `card size changed from ${result.path}`).toBeNull();
      expect(result.differing, `pixels differing from ${result.path} (see build/snapshots/)`).toBeLessThan(
        TOLERANCE,
      );
    });
  }

  it("shows a person's offices with the one held at the time of the article", async () => {
    tab ??= await session.browser.newTab(session.server.url("/demo"));
    const term = "Vladimir Putin";
    await waitFor(() => tab.evaluate(markedTexts).then((marks) => marks.includes(term)), `${term} marked`);
    await tab.mouseMove(2, 2);
    await waitFor(() => tab.explainer().then((view) => view === null), "no explainer");
    const point = await waitFor(() => tab.evaluate(pointOnText, term), `"${term}" on the page`);
    await tab.mouseMove(point.x, point.y, 4);
    const view = await waitFor(
      () => tab.explainer().then((v) => (v?.title === term ? v : null)),
      "Putin's card",
    );
    expect(view.text).toMatch(/President of Russia/);
    expect(view.text).toMatch(/at the time/);
  });
});
