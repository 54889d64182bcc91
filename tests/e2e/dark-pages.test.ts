/**
 * A page in dark mode (a site's own, or a dark-mode extension's): the usual blue underline is too dim
 * on black, so marks are drawn in lighter colours there, judged from screenshots as a reader sees them.
 */
import { describe, expect, it } from "vitest";
import { BROWSERS, settled, waitFor } from "./harness";
import { highlightNames } from "./options-steps";
import { changed, holdHighlight, markBox, releaseHighlight, shoot } from "./pixels";
import { markedTexts, pointOnText } from "./probes";
import { useSession } from "./session";

describe.each(BROWSERS)("%s: dark pages", (name) => {
  const session = useSession(name);

  it("draws marks that show on a dark page, and sets the term under the pointer apart", async () => {
    const tab = await session.browser.newTab(session.server.url("/fixtures/dark-page.html"));
    await waitFor(
      () => tab.evaluate(highlightNames).then((names) => names.includes("backstory-on-dark")),
      "marks drawn for a dark page",
    );
    await settled(() => tab.evaluate(markedTexts), "the marks");
    const box = await waitFor(() => tab.evaluate(markBox, ["backstory-on-dark", "Idlib"]), "Idlib's mark");
    const marked = await shoot(tab, box, 5);
    await tab.evaluate(holdHighlight, "backstory-on-dark");
    const plain = await shoot(tab, box, 5);
    await tab.evaluate(releaseHighlight);
    // The underline against the page: WCAG's 3:1 for what a reader must make out, along half the word.
    expect(changed(plain, marked, 3), "pixels of the underline").toBeGreaterThanOrEqual(box.width / 2);

    const point = await waitFor(() => tab.evaluate(pointOnText, "Idlib"), "Idlib on the page");
    await tab.mouseMove(point.x, point.y, 4);
    await waitFor(
      () => tab.evaluate(highlightNames).then((names) => names.includes("backstory-active-on-dark")),
      "the term under the pointer",
    );
    // A tint behind the word, as on a light page: a cue beside the card, not a line to read. It comes
    // to about 1.8:1 on #121212; the usual tint, about 1.2:1.
    const active = await shoot(tab, box, 5);
    expect(changed(marked, active, 1.5), "pixels the pointer's term changes").toBeGreaterThanOrEqual(
      (box.width * box.height) / 2,
    );
    await tab.close();
  });

  it.each([
    ["paints its dark background on a wrapper, with light text", "dark-wrapper.html"],
    ["paints its dark background in a newer colour notation (oklch)", "dark-oklch.html"],
    ["is dark only through its colour scheme (<meta name=color-scheme content=dark>)", "dark-meta.html"],
  ])("knows a page is dark that %s", async (_, fixture) => {
    const tab = await session.browser.newTab(session.server.url(`/fixtures/${fixture}`));
    await waitFor(
      () => tab.evaluate(highlightNames).then((names) => names.join() === "backstory-on-dark"),
      "marks drawn for a dark page",
    );
    await tab.close();
  });

  it("turns its marks' colours when the reader flips the site's own dark-mode switch", async () => {
    const tab = await session.browser.newTab(session.server.url("/fixtures/theme-switch.html"));
    await waitFor(
      () => tab.evaluate(highlightNames).then((names) => names.join() === "backstory"),
      "marks for a light page",
    );
    const before = await settled(() => tab.evaluate(markedTexts), "the marks");
    const button = await tab.evaluate(centreOf, "#theme");
    await tab.click(button.x, button.y);
    await waitFor(
      () => tab.evaluate(highlightNames).then((names) => names.join() === "backstory-on-dark"),
      "marks for a dark page",
    );
    expect(await settled(() => tab.evaluate(markedTexts), "the marks again")).toEqual(before);
    await tab.click(button.x, button.y);
    await waitFor(
      () => tab.evaluate(highlightNames).then((names) => names.join() === "backstory"),
      "marks for a light page again",
    );
    await tab.close();
  });

  // Firefox's driver (WebDriver BiDi) cannot turn the system's colour scheme while a page is open.
  it.skipIf(name === "firefox")(
    "turns its marks' colours when the system turns dark, on a page that follows it",
    async () => {
      const tab = await session.browser.newTab(session.server.url("/fixtures/follows-system.html"));
      await waitFor(
        () => tab.evaluate(highlightNames).then((names) => names.join() === "backstory"),
        "marks for a light page",
      );
      const before = await settled(() => tab.evaluate(markedTexts), "the marks");
      await tab.colorScheme("dark");
      await waitFor(
        () => tab.evaluate(highlightNames).then((names) => names.join() === "backstory-on-dark"),
        "marks for a dark page",
      );
      expect(await settled(() => tab.evaluate(markedTexts), "the marks again")).toEqual(before);
      await tab.colorScheme("light");
      await waitFor(
        () => tab.evaluate(highlightNames).then((names) => names.join() === "backstory"),
        "marks for a light page again",
      );
      await tab.close();
    },
  );
});

/** The middle of the element selector finds, in viewport pixels (runs in the page). */
function centreOf(selector: string): { x: number; y: number } {
  const box = (document.querySelector(selector) as Element).getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
