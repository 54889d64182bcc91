import { describe, expect, it } from "vitest";
import { BROWSERS, settled, type Tab, waitFor } from "./harness";
import { markedTexts, pointOnText } from "./probes";
import { useSession } from "./session";

const SEED_TERMS = [
  ["Idlib", "Idlib"],
  ["agreement in Sochi", "Sochi agreement on Idlib (2018)"],
  ["S-400", "S-400 Triumf"],
] as const;

describe.each(BROWSERS)("%s: the walking skeleton", (name) => {
  const session = useSession(name);

  const openDemo = async () => {
    const tab = await session.browser.newTab(session.server.url("/demo"));
    await settled(() => tab.evaluate(markedTexts), "the marks to settle");
    return tab;
  };

  it("marks the seed terms on the demo page", async () => {
    const tab = await openDemo();
    const marks = await tab.evaluate(markedTexts);
    expect(marks).toEqual(expect.arrayContaining(["Idlib", "agreement in Sochi", "S-400"]));
    await tab.close();
  });

  it("shows each term's explainer when the pointer rests on it", async () => {
    const tab = await openDemo();
    for (const [term, title] of SEED_TERMS) {
      await tab.mouseMove(5, 5);
      await waitFor(() => tab.explainer().then((view) => view === null), "the previous explainer to close");
      const point = await tab.evaluate(pointOnText, term);
      expect(point, `${term} is on the page`).not.toBeNull();
      const { x, y } = point as { x: number; y: number };
      await tab.mouseMove(x - 2, y, 3);
      await tab.mouseMove(x, y, 2);
      const view = await waitFor(() => tab.explainer(), `the explainer for ${term}`);
      expect(view.title).toBe(title);
      expect(view.role).toBe("dialog");
      expect(view.text.length).toBeGreaterThan(200);
    }
    await tab.close();
  });

  it("switching off in the options page unmarks an open tab, and switching on marks it again", async () => {
    const article = await openDemo();
    const before = await article.evaluate(markedTexts);
    const options = await session.browser.newTab(session.browser.extensionUrl("src/options/index.html"));
    const toggle = async () => {
      const point = await waitFor(
        () =>
          options.evaluate(() => {
            const box = document.querySelector<HTMLInputElement>('input[name="enabled"]');
            const rect = box?.getBoundingClientRect();
            return rect
              ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, checked: box?.checked }
              : null;
          }),
        "the on/off switch",
      );
      await options.click(point.x, point.y);
      return point.checked;
    };
    expect(await toggle()).toBe(true);
    await waitFor(() => article.evaluate(markedTexts).then((marks) => marks.length === 0), "the marks to go");
    expect(await toggle()).toBe(false);
    await article.bringToFront();
    await waitFor(
      () => article.evaluate(markedTexts).then((marks) => marks.length === before.length),
      "the marks to return",
    );
    expect(await article.evaluate(markedTexts)).toEqual(before);
    await options.close();
    await article.close();
  });

  it("the toolbar popup says whether Backstory is on and links to the settings", async () => {
    const popup: Tab = await session.browser.newTab(session.browser.extensionUrl("src/popup/index.html"));
    const status = await waitFor(
      () => popup.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? ""),
      "the popup status",
    );
    expect(status).toBe("Backstory is on");
    const link = await popup.evaluate(() => document.querySelector("a")?.textContent);
    expect(link).toBe("Settings");
    await popup.close();
  });
});
