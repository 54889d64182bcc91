/**
 * npm run bench:popover (also the last part of npm run bench): how long opening an explainer keeps the
 * page's main thread busy, in headless Chromium with the real extension on the demo article. For each
 * term it traces from just before the pointer arrives until the card has settled, and reports the
 * longest task (the card must render within one 16 ms frame), the main-thread total and the layouts.
 * Writes bench/results/popover.{md,json}.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { browserPath } from "../tests/e2e/harness";
import { pointOnText } from "../tests/e2e/probes";
import { DIST } from "../tests/support/paths";
import { startServer } from "../tests/support/server";
import { machine } from "./setup";
import { summarize, type TraceSummary } from "./trace";

const TERMS = ["Idlib", "Ankara", "Vladimir Putin", "S-400", "Syrian civil war"];
const RESULTS = join(import.meta.dirname, "results");
const FRAME_MS = 16;

interface Opening extends TraceSummary {
  term: string;
  /** From the pointer stopping on the term to the card being in the page, dwell included. */
  openMs: number;
}

const loadAtStart = loadavg()[0] as number;
const server = await startServer();
const context = await chromium.launchPersistentContext("", {
  executablePath: browserPath("chromium"),
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [
    `--disable-extensions-except=${DIST.chromium}`,
    `--load-extension=${DIST.chromium}`,
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
});
const page = await context.newPage();
await page.goto(server.url("/demo"));
await page.waitForFunction(() => (CSS.highlights.get("backstory")?.size ?? 0) > 0);

const openings: Opening[] = [];
for (const term of TERMS) {
  await page.mouse.move(2, 2);
  await page.waitForFunction(() => !document.querySelector("backstory-explainer"));
  await page.waitForTimeout(400);
  const point = await page.evaluate(pointOnText, term);
  if (!point) throw new Error(`"${term}" is not on the demo page.`);
  await context.browser()?.startTracing(page, { categories: ["devtools.timeline", "toplevel"] });
  await page.evaluate(() => console.timeStamp("bench-start"));
  await page.mouse.move(point.x, point.y, { steps: 4 });
  const stopped = Date.now();
  await page.waitForFunction(() => document.querySelector("backstory-explainer"), undefined, {
    polling: "raf",
  });
  const openMs = Date.now() - stopped;
  await page.waitForTimeout(300); // the map, the placement and the entry animation settle
  await page.evaluate(() => console.timeStamp("bench-end"));
  const trace = JSON.parse((await context.browser()?.stopTracing())?.toString() ?? "{}");
  openings.push({ term, openMs, ...summarize(trace.traceEvents) });
}
const ran = machine(context.browser()?.version() ?? "unknown", loadAtStart);
await context.close();
await server.close();

const rows = openings.map(
  (o) =>
    `| ${o.term} | ${o.longestMs.toFixed(1)} | ${o.longestMs <= FRAME_MS ? "yes" : "**no**"} | ${o.mainMs.toFixed(1)} | ${o.layouts} | ${o.forcedLayouts} | ${o.openMs} |`,
);
const worst = Math.max(...openings.map((o) => o.longestMs));
const markdown = [
  "# Opening an explainer",
  "",
  `Machine: ${ran.cpu}, ${ran.cores} cores, Chromium ${ran.chromium}, load ${ran.load.start.toFixed(1)}→${ran.load.end.toFixed(1)}. Headless Chromium, the built extension, the demo article; each term opened once, cold.`,
  "",
  "| term | longest task ms | within one frame (16 ms) | main thread ms | layouts | forced layouts | pointer stop → card ms (dwell 150) |",
  "| --- | --: | --- | --: | --: | --: | --: |",
  ...rows,
  "",
  `Longest task over all openings: ${worst.toFixed(1)} ms (${(worst / FRAME_MS).toFixed(2)} of a frame).`,
  "Layouts are the page's own as well as ours while the card opens; a forced layout is one run inside script.",
  "",
].join("\n");
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, "popover.md"), markdown);
writeFileSync(join(RESULTS, "popover.json"), `${JSON.stringify({ machine: ran, openings }, null, 2)}\n`);
console.log(markdown);
