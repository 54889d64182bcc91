/**
 * Long pages: the reader's screen is marked as soon as it is read, not once the whole page is, and
 * terms whose meaning hangs on words further down wait for those words.
 */
import { describe, expect, it } from "vitest";
import { BROWSERS, waitFor } from "./harness";
import { markedTexts } from "./probes";
import { useSession } from "./session";

/** The marks in the first frame the page drew with any (recorded by the page, see long-read.html). */
function firstMarks(): string[] | null {
  return (window as unknown as { firstMarks: string[] | null }).firstMarks;
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
});
