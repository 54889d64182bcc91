/**
 * Writes docs/popover-light.png and docs/popover-dark.png: the demo article with Idlib's explainer
 * open, in the light theme at the top of the card (the summary and what happened since) and in the
 * dark theme scrolled to its locator map.
 * Run with `npm run screenshots:popover` after `npm run build`.
 */
import { join } from "node:path";
import { launch, type Tab, waitFor } from "../tests/e2e/harness";
import { pointOnText } from "../tests/e2e/probes";
import { ROOT } from "../tests/support/paths";
import { startServer } from "../tests/support/server";

/** The extension page's own storage API (the options page runs with the extension's privileges). */
declare const chrome: {
  storage: { sync: { set(items: object): Promise<void>; remove(key: string): Promise<void> } };
};

const server = await startServer();
const browser = await launch("chromium");
const options = await browser.newTab(browser.extensionUrl("src/options/index.html"));
const tab = await browser.newTab(server.url("/demo"));

async function shoot(theme: "light" | "dark", reveal: string | null): Promise<void> {
  await options.evaluate((value) => chrome.storage.sync.set({ theme: value, settingsVersion: 2 }), theme);
  await tab.bringToFront();
  await tab.mouseMove(2, 2);
  await new Promise((done) => setTimeout(done, 500)); // the page re-marks with the new theme
  const point = await waitFor(() => tab.evaluate(pointOnText, "Idlib"), "the term Idlib");
  await tab.mouseMove(point.x, point.y, 4);
  await waitFor(() => tab.explainer().then((view) => view?.text.includes("Syria")), "the card with its map");
  if (reveal) await tab.revealInExplainer(reveal);
  await new Promise((done) => setTimeout(done, 400));
  await crop(tab, join(ROOT, "docs", `popover-${theme}.png`));
}

async function crop(tab: Tab, path: string): Promise<void> {
  const view = await tab.explainer();
  if (!view) throw new Error("The explainer closed before the screenshot.");
  const margin = 24;
  const x = Math.max(0, Math.round(view.rect.x - margin));
  const y = Math.max(0, Math.round(view.rect.y - 90));
  await tab.screenshot(path, {
    x,
    y,
    width: Math.round(view.rect.width + 2 * margin + 260),
    height: Math.round(view.rect.height + 110),
  });
  console.log(`Wrote ${path}`);
}

await shoot("light", null);
await shoot("dark", "Sochi agreement on Idlib (2018)");
await options.evaluate(() => chrome.storage.sync.remove("theme"));
await browser.close();
await server.close();
