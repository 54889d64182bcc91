/** Printing an article: on paper the page is as it was, with no marks (judged from a screenshot). */
import { describe, expect, it } from "vitest";
import { BROWSERS, settled, waitFor } from "./harness";
import { changed, holdHighlight, markBox, releaseHighlight, shoot } from "./pixels";
import { markedTexts } from "./probes";
import { setSettings } from "./reader-settings";
import { useSession } from "./session";

describe.each(BROWSERS)("%s: printing", (name) => {
  const session = useSession(name);

  // Firefox's driver (WebDriver BiDi) cannot lay a page out for print; the same stylesheet holds for both.
  it.skipIf(name === "firefox").each([
    ["dotted", "backstory"],
    ["tint", "backstory-tint"],
  ])("prints a page marked with %s marks without them", async (style, highlight) => {
    await setSettings(session.browser, { markingStyle: style });
    const tab = await session.browser.newTab(session.server.url("/demo"));
    try {
      await settled(() => tab.evaluate(markedTexts), "the marks");
      const box = await waitFor(() => tab.evaluate(markBox, [highlight, "Idlib"]), "Idlib's mark");
      const onScreen = await shoot(tab, box, 5);
      await tab.evaluate(holdHighlight, highlight);
      const plainOnScreen = await shoot(tab, box, 5);
      await tab.printMedia(true);
      const plainPrinted = await shoot(tab, box, 5);
      await tab.evaluate(releaseHighlight);
      const printed = await shoot(tab, box, 5);
      // The mark shows on screen, so the shots can tell; printed, not one pixel differs from no mark.
      expect(changed(plainOnScreen, onScreen, 1.1), "pixels the mark changes on screen").toBeGreaterThan(0);
      expect(changed(plainPrinted, printed, 1.01), "pixels the mark changes printed").toBe(0);
    } finally {
      await tab.close();
      await setSettings(session.browser, { markingStyle: "dotted" });
    }
  });
});
