/**
 * Isolation: on pages that restyle everything with !important, stack elements at the highest
 * z-index, transform or zoom their body, or run right to left, the explainer still opens in its own
 * type, above the page, inside the viewport, clear of the line being read, and the page's layout
 * does not move.
 */
import { describe, expect, it } from "vitest";
import { expectPlaced, lineOf, settledExplainer } from "./card";
import { BROWSERS, waitFor } from "./harness";
import { markedTexts, pointOnText } from "./probes";
import { useSession } from "./session";

const FIXTURES = ["popover-hostile", "popover-transform", "popover-zoom", "popover-rtl"];

/** The computed type of the card's title and summary, read inside the closed shadow root. */
const CARD_TYPE = `function () {
  const read = (selector) => {
    const element = this.querySelector(selector);
    if (!element) return null;
    const style = getComputedStyle(element);
    return { fontSize: style.fontSize, fontFamily: style.fontFamily, display: style.display };
  };
  return JSON.stringify({ card: read(".card"), title: read(".title"), summary: read(".summary") });
}`;

interface Type {
  fontSize: string;
  fontFamily: string;
  display: string;
}

/** Where every element of the page's body sits, in page coordinates (runs in the page). */
function layout(): string[] {
  return [...document.body.querySelectorAll("*")].map((element) => {
    const box = element.getBoundingClientRect();
    const x = Math.round((box.x + scrollX) * 10) / 10;
    const y = Math.round((box.y + scrollY) * 10) / 10;
    return `${element.localName}#${element.id} ${x},${y} ${Math.round(box.width)}x${Math.round(box.height)}`;
  });
}

describe.each(BROWSERS)("%s: the explainer on hostile pages", (name) => {
  const session = useSession(name);

  it.each(FIXTURES)(
    "%s: opens in its own type, above the page, and leaves its layout alone",
    async (fixture) => {
      const tab = await session.browser.newTab(session.server.url(`/fixtures/${fixture}.html`));
      await waitFor(
        () => tab.evaluate(markedTexts).then((marks) => marks.includes("Idlib")),
        "Idlib to be marked",
      );
      const point = await waitFor(() => tab.evaluate(pointOnText, "Idlib"), "Idlib on the page");
      const before = await tab.evaluate(layout);
      await tab.mouseMove(point.x - 80, point.y, 2);
      await tab.mouseMove(point.x, point.y, 3);
      const view = await settledExplainer(tab, `the explainer on ${fixture} to settle`);
      expect(view.title).toBe("Idlib");

      const type = await tab.inExplainer<Record<string, Type | null>>(CARD_TYPE);
      expect(type?.summary?.fontSize).toBe("14px");
      expect(type?.summary?.fontFamily).toMatch(/^system-ui/);
      expect(type?.title?.fontSize).toBe("16px");
      expect(type?.card?.display).toBe("block");

      // Above the page: whatever the page stacks, the card's own points hit the card's host.
      const { x, y, width, height } = view.rect;
      const probes = [
        [x + width / 2, y + height / 2],
        [x + 12, y + 12],
        [x + width - 12, y + height - 12],
      ];
      for (const [px, py] of probes) {
        const hit = await tab.evaluate(
          (at: number[]) => document.elementFromPoint(at[0] ?? 0, at[1] ?? 0)?.localName ?? null,
          [px ?? 0, py ?? 0],
        );
        expect(hit, `the element at ${px},${py}`).toBe("backstory-explainer");
      }

      expectPlaced(
        view,
        await tab.evaluate(lineOf, "Idlib"),
        await tab.evaluate(() => [innerWidth, innerHeight]),
      );
      expect(await tab.evaluate(layout)).toEqual(before);
      expect(tab.errors()).toEqual([]);
      await tab.close();
    },
  );
});
