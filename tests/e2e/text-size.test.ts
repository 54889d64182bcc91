/**
 * Text size: a reader who set a larger default text size in the browser (its font size setting, not
 * zoom) gets larger text in Backstory's own pages too, as on any page sized in rem. The card's own
 * check is in explainer.test.ts.
 */
import { describe, expect, it } from "vitest";
import { BROWSERS, waitFor } from "./harness";
import { useSession } from "./session";

/** Text sizes on an extension page: its body text, and the first element matching each selector. */
function sizes(selectors: string[]): string[] | null {
  const found = selectors.map((selector) => document.querySelector(selector));
  if (found.some((element) => element === null)) return null;
  return [document.body, ...found].map((element) => getComputedStyle(element as Element).fontSize);
}

describe.each(BROWSERS)("%s: Backstory's pages at the reader's text size", (name) => {
  describe.each([
    ["at the browser's usual text size", 16],
    ["for a reader who chose larger text", 24],
  ])("%s", (_, fontSize) => {
    const session = useSession(name, { fontSize });
    const scaled = (px: number) => `${(px * fontSize) / 16}px`;

    it(`sizes the popup's text ${fontSize / 16} times its usual size`, async () => {
      const popup = await session.browser.newTab(session.browser.extensionUrl("src/popup/index.html"));
      const seen = await waitFor(() => popup.evaluate(sizes, [".brand"]), "the popup");
      expect(seen).toEqual([scaled(14), scaled(15)]);
      // Wider too, so the larger text does not wrap more than it does at the usual size.
      expect(await popup.evaluate(() => getComputedStyle(document.body).width)).toBe(scaled(280));
      await popup.close();
    });

    it(`sizes the options page's text ${fontSize / 16} times its usual size`, async () => {
      const options = await session.browser.newTab(session.browser.extensionUrl("src/options/index.html"));
      const seen = await waitFor(() => options.evaluate(sizes, ["h1", ".hint"]), "the options page");
      expect(seen).toEqual([scaled(14), scaled(22), scaled(13)]);
      await options.close();
    });
  });
});
