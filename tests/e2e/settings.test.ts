import { describe, expect, it } from "vitest";
import { BROWSERS, settled, waitFor } from "./harness";
import { markedTexts } from "./probes";
import { useSession } from "./session";

describe.each(BROWSERS)("%s: settings apply to open tabs", (name) => {
  const session = useSession(name);

  it("marks every occurrence when the reader asks for it, without a reload", async () => {
    const article = await session.browser.newTab(session.server.url("/demo"));
    const first = await settled(() => article.evaluate(markedTexts), "the first marks");
    expect(first.filter((text) => text === "Idlib")).toHaveLength(1);

    const options = await session.browser.newTab(session.browser.extensionUrl("src/options/index.html"));
    const box = await waitFor(
      () =>
        options.evaluate(() => {
          const rect = document.querySelector('input[name="everyOccurrence"]')?.getBoundingClientRect();
          return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
        }),
      "the every-occurrence switch",
    );
    await options.click(box.x, box.y);
    await article.bringToFront();
    const every = await waitFor(
      () =>
        article
          .evaluate(markedTexts)
          .then((marks) => (marks.filter((t) => t === "Idlib").length > 1 ? marks : null)),
      "every Idlib to be marked",
    );
    expect(every.length).toBeGreaterThan(first.length);

    await options.bringToFront();
    await options.click(box.x, box.y);
    await article.bringToFront();
    await waitFor(
      () => article.evaluate(markedTexts).then((marks) => marks.filter((t) => t === "Idlib").length === 1),
      "back to the first occurrence only",
    );
    await options.close();
    await article.close();
  });
});
