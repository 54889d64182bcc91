/**
 * npm start: opens a real Chromium with Backstory loaded on the demo article. Without a display it
 * says so and writes a screenshot of the demo page with an explainer open instead.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, waitFor } from "../tests/e2e/harness";
import { pointOnText } from "../tests/e2e/probes";
import { ROOT } from "../tests/support/paths";
import { startServer } from "../tests/support/server";

const server = await startServer(Number(process.env.PORT ?? 0));
const demoUrl = server.url("/demo");
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (hasDisplay) {
  const browser = await launch("chromium", { headless: false });
  await browser.newTab(demoUrl);
  console.log(`Backstory is running in Chromium on ${demoUrl}`);
  console.log("Rest the pointer on a dotted term to read its explainer. Close the browser window to stop.");
  await browser.closed;
} else {
  console.log(
    "No display was found (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open.",
  );
  console.log("Taking a screenshot of the demo article with an explainer open instead…");
  const browser = await launch("chromium");
  const tab = await browser.newTab(demoUrl);
  const point = await waitFor(() => tab.evaluate(pointOnText, "Idlib"), "the term Idlib");
  await tab.mouseMove(point.x, point.y, 4);
  await waitFor(() => tab.explainer(), "the explainer to open");
  const out = join(ROOT, "build");
  mkdirSync(out, { recursive: true });
  const file = join(out, "demo-screenshot.png");
  await tab.screenshot(file);
  await browser.close();
  console.log(`Screenshot written to ${file}`);
}
await server.close();
