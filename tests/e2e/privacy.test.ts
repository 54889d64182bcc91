/**
 * Privacy, shown (issue 7, point 3): every network request the browser makes while a reader browses
 * the saved news pages and the demo with Backstory, hovering terms so explainers open, is recorded
 * (Chromium: request events and the DevTools protocol's Network domain; Firefox: WebDriver BiDi's
 * network.beforeRequestSent) and none of them is Backstory's. A control request made from Backstory's
 * own options page shows the recorder does see the extension's requests. The built manifests expose no
 * web-accessible resources, the page's DOM holds nothing of ours but one inert host element while
 * an explainer is open, and a page with a strict CSP sees no violation of it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, SHARED } from "../support/paths";
import { startServer, type TestServer } from "../support/server";
import { settledExplainer } from "./card";
import {
  BROWSERS,
  launch,
  type RequestRecorder,
  type SeenRequest,
  settled,
  type Tab,
  type TestBrowser,
  waitFor,
} from "./harness";
import { markedTexts, pointOnText } from "./probes";

const PAGES = readdirSync(join(SHARED, "pages"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The control request's marker, left out of the "none from Backstory" check and looked for after it. */
const CONTROL = "privacy-control";

/** Elements in the page's DOM that are not the page's own: anything named like us (runs in the page). */
function ourElements(): string[] {
  return [...document.querySelectorAll("*")]
    .filter((element) => element.localName.startsWith("backstory"))
    .map((element) => {
      const attributes = [...element.attributes].map((attribute) => attribute.name);
      return `${element.localName}[${attributes.join(",")}] children=${element.children.length} text=${element.textContent?.length ?? 0}`;
    });
}

describe("privacy: the built manifests", () => {
  it.each(Object.entries(DIST))("%s has no web_accessible_resources", (_, dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty("web_accessible_resources");
  });
});

describe.each(BROWSERS)("%s: privacy", (name) => {
  let browser: TestBrowser;
  let server: TestServer;
  let recorder: RequestRecorder;
  const hovered: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launch(name);
    recorder = await browser.recordRequests();
  });
  afterAll(async () => {
    await recorder?.stop();
    await browser?.close();
    await server?.close();
  });

  /** Rests the pointer on a term until its explainer opens; false when it does not within the wait. */
  const hover = async (tab: Tab, term: string): Promise<boolean> => {
    await tab.mouseMove(2, 2);
    await waitFor(() => tab.explainer().then((view) => view === null), "no explainer").catch(() => null);
    const point = await tab.evaluate(pointOnText, term);
    if (!point) return false;
    await tab.mouseMove(point.x, point.y, 4);
    const view = await waitFor(() => tab.explainer(), `the explainer for ${term}`, 6_000).catch(() => null);
    return view !== null;
  };

  it("the demo: nothing of ours in the DOM until an explainer opens, then one inert host", async () => {
    const tab = await browser.newTab(server.url("/demo"));
    await waitFor(() => tab.evaluate(markedTexts).then((marks) => marks.length > 0), "the first marks");
    expect(await tab.evaluate(ourElements), "with no explainer open").toEqual([]);
    expect(await hover(tab, "Idlib")).toBe(true);
    hovered.push("demo: Idlib");
    const ours = await tab.evaluate(ourElements);
    expect(ours, "one host element, no attributes, nothing in its light DOM").toEqual([
      "backstory-explainer[] children=0 text=0",
    ]);
    // Inert: the page cannot reach into it (closed shadow root).
    expect(
      await tab.evaluate(() => (document.querySelector("backstory-explainer") as HTMLElement).shadowRoot),
    ).toBeNull();
    expect(await hover(tab, "S-400")).toBe(true);
    hovered.push("demo: S-400");
    await tab.close();
  });

  it("a page with a strict CSP sees no violation while Backstory marks it and opens an explainer", async () => {
    // The page notes every violation of its policy, as a site collecting CSP reports would learn of it:
    // a content script's inline style or WebAssembly is held to the page's policy in some browsers.
    // Chromium's ReportingObserver hears of each violation too; Firefox's has no CSP reports.
    const refusal = (image: string) =>
      [`img-src ${image}`, ...(name === "chromium" ? [`report: ${image}`] : [])].sort();
    /** Everything the page has noted, once that includes its refusal of this image of its own. */
    const notedUpTo = (tab: Tab, image: string) =>
      waitFor(
        () =>
          tab
            .evaluate(() => (window as unknown as { violations: string[] }).violations.slice().sort())
            .then((seen) => (refusal(image).every((entry) => seen.includes(entry)) ? seen : null)),
        `the page to note its refusal of ${image}`,
      );
    const reportsFrom = (page: string) =>
      recorder
        .requests()
        .filter((request) => request.url === server.url("/csp-report") && request.by.includes(page));
    const control = server.url("/fixtures/csp-watch.html?control");
    let tab = await browser.newTab(control);
    const image = "http://elsewhere.invalid/control.png";
    expect(await notedUpTo(tab, image), "the page notices a violation").toEqual(refusal(image));
    await waitFor(async () => reportsFrom(control).length > 0, "the control's report to /csp-report");
    await tab.close();

    const page = server.url("/fixtures/csp-watch.html");
    tab = await browser.newTab(page);
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.join() === "Idlib,Ankara,S-400"),
      "the marks on Idlib, Ankara and S-400",
    );
    expect(await hover(tab, "Idlib")).toBe(true);
    await settledExplainer(tab, "Idlib's explainer, its map arrived");
    expect(await hover(tab, "S-400")).toBe(true);
    await settledExplainer(tab, "S-400's explainer");
    // Nor has its report-uri heard of any (the end's own report, below, shows the recording sees them).
    expect(reportsFrom(page), "reports sent to the page's report-uri").toEqual([]);
    // The page refuses one image of its own last: once that is noted, so is anything refused before it.
    const end = "http://elsewhere.invalid/end.png";
    await tab.evaluate(() => (window as unknown as { refuseImage(name: string): void }).refuseImage("end"));
    expect(await notedUpTo(tab, end), "nothing noted but the page's own end").toEqual(refusal(end));
    await waitFor(async () => reportsFrom(page).length > 0, "the end's report to /csp-report");
    await tab.close();
  });

  it("browsing the saved news pages and hovering their terms", { timeout: 300_000 }, async () => {
    for (const page of PAGES) {
      const tab = await browser.newTab(server.url(`/pages/${page}/`));
      const marks = await settled(() => tab.evaluate(markedTexts), "marks", {
        allowEmpty: true,
        timeout: 8_000,
      }).catch(() => [] as string[]);
      for (const term of [...new Set(marks)].slice(0, 2)) {
        if (await hover(tab, term)) hovered.push(`${page}: ${term}`);
      }
      await tab.close();
    }
    console.log(`${name}: explainers opened for ${hovered.join("; ")}`);
    expect(hovered.length, "explainers opened while browsing").toBeGreaterThan(4);
  });

  it("no request of all those the browser made came from Backstory", () => {
    const all = recorder.requests();
    const ours = all.filter((request) => request.extension && !request.url.includes(CONTROL));
    console.log(
      `${name}: ${all.length} requests recorded while browsing, ${ours.length} from Backstory; ` +
        `e.g. ${all
          .slice(0, 3)
          .map((request) => `${request.url.slice(0, 60)} by ${request.by[0] ?? "?"}`)
          .join(", ")}`,
    );
    expect(all.length, "the recorder saw the pages' own requests").toBeGreaterThan(PAGES.length);
    expect(ours).toEqual([]);
  });

  it("control: a request made by Backstory's own page is recorded as Backstory's", async () => {
    const tab = await browser.newTab(browser.extensionUrl("src/options/index.html"));
    const url = server.url(`/fixtures/hostile-csp.html?${CONTROL}`);
    await tab.evaluate(
      (target: string) =>
        fetch(target)
          .then(() => true)
          .catch(() => false),
      url,
    );
    const found = await waitFor(
      async () => recorder.requests().find((request: SeenRequest) => request.url === url) ?? null,
      "the control request in the recording",
    );
    expect(found.extension, `attributed to ${found.by.join(", ")}`).toBe(true);
    await tab.close();
  });

  // Firefox's WebDriver BiDi reports no request of the background page (checked: the fetch reaches the
  // server, no network event arrives), so there the recorder covers pages, frames, content scripts and
  // the extension's own pages, not its background: a known gap, run as an expected failure.
  const inFirefox = name === "firefox";
  (inFirefox ? it.fails : it)(
    `control: a request made by Backstory's background is recorded as Backstory's${inFirefox ? " (known gap, see README)" : ""}`,
    async () => {
      const url = server.url(`/fixtures/hostile-csp.html?${CONTROL}-background`);
      await browser.backgroundFetch(url);
      const found = await waitFor(
        async () => recorder.requests().find((request: SeenRequest) => request.url === url) ?? null,
        "the background's control request in the recording",
      );
      expect(found.extension, `attributed to ${found.by.join(", ")}`).toBe(true);
    },
  );
});
