/**
 * Every saved news page in a browser with Backstory and in one without: the page's text, node count
 * and size are the same, and it throws no error it did not throw before. Also lists the terms found.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARED } from "../support/paths";
import { startServer, type TestServer } from "../support/server";
import { BROWSERS, launch, settled, type Tab, type TestBrowser } from "./harness";
import { markedTexts } from "./probes";
import { type Fingerprint, pageFingerprint } from "./steps";

const PAGES = readdirSync(join(SHARED, "pages"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Reads the page once its own scripts have finished changing it (the same reading three times). */
async function quiet(tab: Tab): Promise<Fingerprint> {
  const readings: string[] = [];
  const deadline = Date.now() + 4_000;
  while (Date.now() < deadline) {
    readings.push(JSON.stringify(await tab.evaluate(pageFingerprint)));
    if (readings.length >= 3 && readings.slice(-3).every((reading) => reading === readings.at(-1))) break;
    await new Promise((done) => setTimeout(done, 300));
  }
  return JSON.parse(readings.at(-1) as string) as Fingerprint;
}

describe.each(BROWSERS)("%s: real news pages", (name) => {
  let withIt: TestBrowser;
  let without: TestBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    withIt = await launch(name);
    without = await launch(name, { extension: false });
  });
  afterAll(async () => {
    await withIt?.close();
    await without?.close();
    await server?.close();
  });

  /**
   * Loads the page and reads it, `atLeast` ms after opening it or later. Some errors come late (a
   * script held by a host this closed network cannot reach fails after a while), and waiting for the
   * marks makes a load with Backstory longer: the load without it waits as long before reading errors.
   */
  const load = async (browser: TestBrowser, page: string, atLeast = 0) => {
    const tab = await browser.newTab(server.url(`/pages/${page}/`));
    const marks =
      browser === withIt ? await settled(() => tab.evaluate(markedTexts), "marks", { allowEmpty: true }) : [];
    const print = await quiet(tab);
    await new Promise((done) => setTimeout(done, tab.opened + atLeast - Date.now()));
    const result = { print, errors: tab.errors(), marks, took: Date.now() - tab.opened };
    await tab.close();
    return result;
  };

  /**
   * The errors a page throws without Backstory within `ms` of opening, read as soon as it has thrown
   * all of `wanted`.
   */
  const errorsWithout = async (page: string, wanted: string[], ms: number) => {
    const tab = await without.newTab(server.url(`/pages/${page}/`));
    const thrownAll = () => wanted.every((error) => tab.errors().includes(error));
    while (!thrownAll() && Date.now() < tab.opened + ms) await new Promise((done) => setTimeout(done, 250));
    const errors = tab.errors();
    await tab.close();
    return errors;
  };

  it.each(PAGES)("%s looks and behaves the same with Backstory", { timeout: 180_000 }, async (page) => {
    // Saved pages run their own scripts, and some vary from load to load for reasons of their own. Each
    // side loads the page twice; a reading that holds still on both sides must be the same on both.
    const a1 = await load(withIt, page);
    const b1 = await load(without, page, a1.took);
    const a2 = await load(withIt, page);
    const b2 = await load(without, page, a2.took);
    const keys = (Object.keys(a1.print) as (keyof Fingerprint)[]).filter((key) => key !== "ready");
    // A page still parsing (here: held by a script from a host this closed network cannot reach) is
    // caught at a different point each load, and Backstory has not run in it yet: nothing to compare.
    const loaded = [a1, a2, b1, b2].every((load) => load.print.ready === "complete");
    const stable = keys.filter(
      (key) => loaded && a1.print[key] === a2.print[key] && b1.print[key] === b2.print[key],
    );
    for (const key of stable) expect(a1.print[key], `${key} on ${page}`).toBe(b1.print[key]);
    const theirs = new Set([...b1.errors, ...b2.errors]);
    let ours = [...new Set([...a1.errors, ...a2.errors])].filter((error) => !theirs.has(error));
    // Some pages' own errors come late, and at no fixed time (nytimes-1's ad script throws 10 to 21 s
    // after opening, with Backstory or without): the page gets one longer chance to throw them alone.
    if (ours.length > 0) {
      const again = await errorsWithout(page, ours, 30_000);
      ours = ours.filter((error) => !again.includes(error));
    }
    expect(ours, "errors only with Backstory").toEqual([]);
    const varies = keys.filter((key) => !stable.includes(key));
    console.log(
      `${name} ${page}: ${a1.marks.length} terms (${a1.marks.join(", ")})` +
        (!loaded
          ? "; never finished loading here"
          : varies.length > 0
            ? `; varies from load to load: ${varies.join(", ")}`
            : ""),
    );
  });
});
