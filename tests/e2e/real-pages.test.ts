/**
 * Every saved news page, with and without Backstory: the page's text, node count and size are the same,
 * and it throws no error it did not throw before. Also lists the terms found on each.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARED } from "../support/paths";
import { startServer, type TestServer } from "../support/server";
import { BROWSERS, launch, settled, type Tab, type TestBrowser } from "./harness";
import { markedTexts } from "./probes";
import { type Fingerprint, pageFingerprint, setGlobalSwitch } from "./steps";

/** Reads the page once its own scripts have finished changing it (the same reading three times). */
async function quiet(tab: Tab): Promise<Fingerprint> {
  const readings: string[] = [];
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    readings.push(JSON.stringify(await tab.evaluate(pageFingerprint)));
    if (readings.length >= 3 && readings.slice(-3).every((reading) => reading === readings.at(-1))) break;
    await new Promise((done) => setTimeout(done, 400));
  }
  return JSON.parse(readings.at(-1) as string) as Fingerprint;
}

const PAGES = readdirSync(join(SHARED, "pages"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe.each(BROWSERS)("%s: real news pages", (name) => {
  let browser: TestBrowser;
  let server: TestServer;
  const withBackstory = new Map<string, { print: Fingerprint; errors: string[]; marks: string[] }>();

  beforeAll(async () => {
    server = await startServer();
    browser = await launch(name);
    for (const page of PAGES) {
      const tab = await browser.newTab(server.url(`/pages/${page}/`));
      const marks = await settled(() => tab.evaluate(markedTexts), `marks on ${page}`, { allowEmpty: true });
      withBackstory.set(page, { print: await quiet(tab), errors: tab.errors(), marks });
      await tab.close();
    }
    await setGlobalSwitch(browser, false);
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const readWithout = async (page: string) => {
    const tab = await browser.newTab(server.url(`/pages/${page}/`));
    const result = { print: await quiet(tab), errors: tab.errors() };
    await tab.close();
    return result;
  };

  it.each(PAGES)("%s looks and behaves the same with Backstory", { timeout: 120_000 }, async (page) => {
    const withIt = withBackstory.get(page);
    expect(withIt).toBeDefined();
    // Saved pages run their own scripts, some of which vary from load to load with nothing to do with
    // us; two loads without Backstory tell which readings are stable, and those must match exactly.
    const [first, second] = [await readWithout(page), await readWithout(page)];
    const stable = (Object.keys(first.print) as (keyof Fingerprint)[]).filter(
      (key) => first.print[key] === second.print[key],
    );
    for (const key of stable) expect(withIt?.print[key], `${key} on ${page}`).toBe(first.print[key]);
    const newErrors = (withIt?.errors ?? []).filter(
      (error) => !first.errors.includes(error) && !second.errors.includes(error),
    );
    expect(newErrors, "errors only with Backstory").toEqual([]);
    const unstable = (Object.keys(first.print) as (keyof Fingerprint)[]).filter(
      (key) => !stable.includes(key),
    );
    console.log(
      `${name} ${page}: ${withIt?.marks.length} terms (${withIt?.marks.join(", ")})` +
        (unstable.length > 0 ? `; varies without Backstory too: ${unstable.join(", ")}` : ""),
    );
    expect(stable.length, "something to compare").toBeGreaterThan(0);
  });
});
