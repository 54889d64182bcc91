/**
 * Long pages: the reader's screen is marked as soon as it is read, not once the whole page is; terms
 * whose meaning hangs on words further down wait for those words; and past a few hundred marks only
 * those near the reader's screen are drawn.
 */
import { describe, expect, it } from "vitest";
import { BROWSERS, waitFor } from "./harness";
import { markedTexts, marksWhere } from "./probes";
import { setSettings } from "./reader-settings";
import { useSession } from "./session";

/** The marks in the first frame the page drew with any (recorded by the page, see long-read.html). */
function firstMarks(): string[] | null {
  return (window as unknown as { firstMarks: string[] | null }).firstMarks;
}

/** The numbers of the paragraphs whose marks are drawn, in many-marks.html (runs in the page). */
function drawnParagraphs(): number[] {
  const drawn = [...(CSS.highlights.get("backstory") ?? [])] as StaticRange[];
  return drawn
    .map((range) => Number(range.startContainer.parentElement?.dataset.n))
    .filter((n) => !Number.isNaN(n))
    .sort((a, b) => a - b);
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

  it("marks each term where the page first mentions it, wherever the page opens and after a settings change", async () => {
    const tab = await session.browser.newTab(session.server.url("/fixtures/first-occurrence.html"));
    // The page opens scrolled to its second mentions of Idlib and Ankara, 3000 px down.
    const marked = (count: number) =>
      waitFor(
        () => tab.evaluate(marksWhere).then((marks) => (marks.length === count ? marks.sort() : null)),
        `${count} marks`,
      );
    expect(await marked(3)).toEqual(["Ankara in #top", "Idlib in #top", "S-400 in #middle"]);
    // Marking the page again (here: the reader stops marking Ankara) leaves the other marks where they were.
    await setSettings(session.browser, { hiddenEntries: ["ankara"] });
    expect(await marked(2)).toEqual(["Idlib in #top", "S-400 in #middle"]);
    await setSettings(session.browser, { hiddenEntries: [] });
    await tab.close();
  });

  // Last: it changes the reader's settings for the rest of this browser's session.
  it("with every occurrence marked, draws the marks near the screen and follows the reader's scrolling", async () => {
    await setSettings(session.browser, { everyOccurrence: true });
    const tab = await session.browser.newTab(session.server.url("/fixtures/many-marks.html"));
    try {
      // With every mark drawn, as before, the first paragraph's mark would stay drawn at the end.
      const drawnAt = async (where: "top" | "end", near: number, far: number) => {
        await tab.evaluate(
          (end: boolean) => window.scrollTo(0, end ? document.body.scrollHeight : 0),
          where === "end",
        );
        return waitFor(
          () =>
            tab
              .evaluate(drawnParagraphs)
              .then((drawn) => (drawn.includes(near) && !drawn.includes(far) ? drawn : null)),
          `paragraph ${near}'s mark drawn and paragraph ${far}'s not, at the ${where}`,
          30_000,
        );
      };
      const end = await drawnAt("end", 799, 0);
      const top = await drawnAt("top", 0, 799);
      expect(end.length).toBeLessThan(400);
      expect(top.length).toBeLessThan(400);
      expect(tab.errors()).toEqual([]);
    } finally {
      await tab.close();
      await setSettings(session.browser, { everyOccurrence: false });
    }
  }, 60_000);
});
