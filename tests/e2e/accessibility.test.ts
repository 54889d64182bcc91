/** axe-core, run inside the real browsers, finds no accessibility violations on our own pages. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSERS, launch, type TestBrowser, waitFor } from "./harness";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

describe.each(BROWSERS)("%s: accessibility", (name) => {
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launch(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(["src/options/index.html", "src/popup/index.html"])("%s has no axe violations", async (path) => {
    const tab = await browser.newTab(browser.extensionUrl(path));
    await waitFor(
      () => tab.evaluate(() => (document.getElementById("app")?.childElementCount ?? 0) > 0),
      "the page",
    );
    await tab.evaluate((source: string) => {
      // biome-ignore lint/security/noGlobalEval: axe is loaded through the test driver, outside the page's CSP.
      globalThis.eval(source);
    }, AXE);
    const violations = await tab.evaluate(async () => {
      const axe = (
        globalThis as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; help: string }[] }> };
        }
      ).axe;
      const result = await axe.run();
      return result.violations.map((violation) => `${violation.id}: ${violation.help}`);
    });
    expect(violations).toEqual([]);
    await tab.close();
  });
});
