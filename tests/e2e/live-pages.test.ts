import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { BROWSERS, launch, type TestBrowser, waitFor } from "./harness";
import { markedTexts } from "./probes";

describe.each(BROWSERS)("%s: pages that change", (name) => {
  let browser: TestBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch(name);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("marks terms in content added later, and never leaves a mark on words that changed", async () => {
    const tab = await browser.newTab(server.url("/fixtures/live.html"));
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
});
