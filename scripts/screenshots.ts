/**
 * npm run screenshots: the options page and the toolbar popup as a reader first sees them, in
 * headless Chromium with the built extension, written to docs/ for the README.
 */
import { join } from "node:path";
import { launch, settled, waitFor } from "../tests/e2e/harness";
import { markedTexts } from "../tests/e2e/probes";
import { ROOT } from "../tests/support/paths";
import { startServer } from "../tests/support/server";

const server = await startServer();
const browser = await launch("chromium");
const docs = (name: string) => join(ROOT, "docs", name);
const rendered = () => document.querySelector("#app h2") !== null;

const article = await browser.newTab(server.url("/demo"));
await settled(() => article.evaluate(markedTexts), "the demo's marks");

const options = await browser.newTab(browser.extensionUrl("src/options/index.html#general"));
await waitFor(() => options.evaluate(rendered), "the options page");
await options.screenshot(docs("options.png"));
await options.goto(browser.extensionUrl("src/options/index.html#entry=idlib"));
await waitFor(() => options.evaluate(() => document.querySelector(".entry-preview") !== null), "the entry");
await new Promise((done) => setTimeout(done, 500)); // the locator map arrives from the background
await options.screenshot(docs("options-glossary.png"));
await options.close();

await article.bringToFront();
const popup = await browser.newTab(browser.extensionUrl("src/popup/index.html"));
await waitFor(() => popup.evaluate(() => document.querySelectorAll(".term").length > 0), "the popup's terms");
await popup.screenshotOf("body", docs("popup.png"));

await browser.close();
await server.close();
console.log(`Wrote ${["options.png", "options-glossary.png", "popup.png"].map(docs).join(", ")}`);
