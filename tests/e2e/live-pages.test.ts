import { describe, expect, it } from "vitest";
import { BROWSERS, waitFor } from "./harness";
import { markedTexts, marksWhere } from "./probes";
import { useSession } from "./session";

describe.each(BROWSERS)("%s: pages that change", (name) => {
  const session = useSession(name);

  it("marks terms in content added later, and never leaves a mark on words that changed", async () => {
    const tab = await session.browser.newTab(session.server.url("/fixtures/live.html"));
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.includes("S-400")),
      "the first marks",
    );
    expect(await tab.evaluate(markedTexts)).toEqual(["Idlib", "S-400"]);

    await tab.evaluate(() =>
      (window as unknown as { addUpdate: (text: string) => void }).addUpdate(
        "Update: Recep Tayyip Erdoğan spoke with Vladimir Putin about the Sochi agreement.",
      ),
    );
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.includes("Sochi agreement")),
      "a mark in the new paragraph",
    );

    await tab.evaluate(() =>
      (window as unknown as { rewrite: (text: string) => void }).rewrite(
        "Talks turned to other matters today.",
      ),
    );
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => !marks.includes("S-400")),
      "the stale mark to go",
    );
    const marks = await tab.evaluate(markedTexts);
    expect(marks).toContain("Sochi agreement");
    expect(marks.every((text) => text.trim().length > 0)).toBe(true);
    await tab.close();
  });

  it("marks content added after the background was stopped, as a browser stops an idle one", async () => {
    const tab = await session.browser.newTab(session.server.url("/fixtures/live.html"));
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.includes("S-400")),
      "the first marks",
    );
    // The background now holds nothing of this page: it finds the terms in what the page sends next.
    await session.browser.restartBackground();
    await tab.evaluate(() =>
      (window as unknown as { addUpdate: (text: string) => void }).addUpdate(
        "Update: Vladimir Putin spoke about the Sochi agreement.",
      ),
    );
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.includes("Sochi agreement")),
      "a mark in the paragraph added after the restart",
    );
    expect(await tab.evaluate(markedTexts)).toEqual(["Idlib", "S-400", "Vladimir Putin", "Sochi agreement"]);
    await tab.close();
  });

  it("marks the story, not the page around it, once a page renders its story after loading", async () => {
    const tab = await session.browser.newTab(session.server.url("/fixtures/late-article.html"));
    // Until then, the page's only text is its promos: they are what there is to mark.
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.includes("Idlib")),
      "the promos marked",
    );
    await tab.evaluate(() => (window as unknown as { renderStory: () => void }).renderStory());
    const marks = await waitFor(
      () => tab.evaluate(marksWhere).then((now) => (now.includes("Ankara in #story") ? now : null)),
      "the story marked",
    );
    expect(marks.sort()).toEqual(["Ankara in #story", "Idlib in #headline", "observation posts in #story"]);
    await tab.close();
  });

  it("keeps marking the whole page when, long after loading, a feed adds items that are articles", async () => {
    const tab = await session.browser.newTab(session.server.url("/fixtures/late-article.html"));
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.includes("Idlib")),
      "the promos marked",
    );
    // Past the time a page is given to render its story (STORY_WAIT_MS in page-marker.ts).
    await new Promise((done) => setTimeout(done, 10_500));
    await tab.evaluate(() => (window as unknown as { addFeedItem: () => void }).addFeedItem());
    const marks = await waitFor(
      () => tab.evaluate(markedTexts).then((now) => (now.includes("Ankara") ? now : null)),
      "the new item marked",
    );
    expect(marks.sort()).toEqual(["Ankara", "Idlib", "Moscow"]);
    await tab.close();
  });
});
