/**
 * Long pages: the reader's screen is marked as soon as it is read, not once the whole page is; terms
 * whose meaning hangs on words further down wait for those words; and past a few hundred marks only
 * those near the reader's screen are drawn.
 */
import { describe, expect, it } from "vitest";
import { BROWSERS, waitFor } from "./harness";
import { markedTexts } from "./probes";
import { setSettings } from "./reader-settings";
import { useSession } from "./session";

/** The marks in the first frame the page drew with any (recorded by the page, see long-read.html). */
function firstMarks(): string[] | null {
  return (window as unknown as { firstMarks: string[] | null }).firstMarks;
}

/** The numbers of the paragraphs whose marks are drawn, in many-marks.html (runs in the page). */
function drawnParagraphs(): number[] {
  const drawn = [...(CSS.highlights.get("backstory") ?? [])] as StaticRange[];
  return drawn.map((range) => Number(range.startContainer.parentElement?.dataset.n)).sort((a, b) => a - b);
}

describe.each(BROWSERS)("%s: long pages", (name) => {
  const session = useSession(name);

  it("marks what is on screen before it has read the rest of the page", async () => {
    const tab = await session.browser.newTab(session.server.url("/fixtures/long-read.html"));
    // The term on screen comes after 1 MB of text; the other one, at the end, 3 MB further on.
    expect(await waitFor(() => tab.evaluate(firstMarks), "the first marks drawn", 30_000)).toEqual([
      "Sochi agreement",
    ]);
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.includes("Idlib")),
      "the mark at the end of the page",
      60_000,
    );
    expect(await tab.evaluate(markedTexts)).toEqual(["Sochi agreement", "Idlib"]);
    await tab.close();
  }, 120_000);

  it("waits for the words further down that decide what a term on screen means", async () => {
    const tab = await session.browser.newTab(session.server.url("/fixtures/context-words.html"));
    // At the top: Petro (needs a Colombian place), the ICC (not if the page is about cricket) and Idlib.
    // Medellín and cricket come 1 MB further down.
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.includes("Gustavo Petro")),
      "the mark that needed the end of the page",
      60_000,
    );
    expect(await tab.evaluate(markedTexts)).toEqual(["Idlib", "Gustavo Petro"]);
    await tab.close();
  }, 120_000);

  // Last: it changes the reader's settings for the rest of this browser's session.
  it("with every occurrence marked, draws the marks near the screen and follows the reader down", async () => {
    await setSettings(session.browser, { everyOccurrence: true });
    const tab = await session.browser.newTab(session.server.url("/fixtures/many-marks.html"));
    try {
      const top = await waitFor(
        () =>
          tab
            .evaluate(drawnParagraphs)
            .then((drawn) => (drawn.length < 400 && drawn.includes(0) ? drawn : null)),
        "the marks near the top, and only those",
        30_000,
      );
      expect(top).not.toContain(799);
      await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const bottom = await waitFor(
        () => tab.evaluate(drawnParagraphs).then((drawn) => (drawn.includes(799) ? drawn : null)),
        "the marks near the end once the reader is there",
        10_000,
      );
      expect(bottom).not.toContain(0);
      expect(bottom.length).toBeLessThan(400);
      expect(tab.errors()).toEqual([]);
    } finally {
      await tab.close();
      await setSettings(session.browser, { everyOccurrence: false });
    }
  }, 60_000);
});
