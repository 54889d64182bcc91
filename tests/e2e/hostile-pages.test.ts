/**
 * Hostile pages (issue 7, point 2): pages that replace the DOM's prototypes, swallow every event, forbid
 * everything by CSP, nest 10,000 deep, hold 5 MB of text or 200,000 text nodes, mutate 1,000 times a
 * second, navigate as a single-page app 50 times, throw their body away, or hide text in open shadow
 * roots. On each, in both browsers, with Backstory and without: Backstory throws nothing into the page,
 * keeps marking and explaining (or backs off where it says so), and the longest task is reported.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/paths";
import { startServer, type TestServer } from "../support/server";
import { BROWSERS, launch, type Tab, type TestBrowser, waitFor } from "./harness";
import { askReadingTabs } from "./options-steps";
import { markedTexts } from "./probes";
import { setSettings } from "./reader-settings";

const MUTATION_SECONDS = Number(process.env.HOSTILE_MUTATION_SECONDS ?? 10);

interface HostileCase {
  /** The fixture, tests/fixtures/hostile-<page>.html. */
  page: string;
  /** A term to hover once the page is ready (found by the page's own text). */
  hover: string;
  /** Terms that must be marked. */
  marked: string[];
  /** A global the page sets when it has finished its hostile work, waited for before hovering. */
  done?: string;
  /** Added to the fixture's URL. */
  query?: string;
  timeout?: number;
}

/**
 * Checks known to fail today, as "<browser> <page> <check>": they run as expected failures, so that a
 * fix turns them red until this list is updated (see the final report of issue 7).
 */
const KNOWN_GAPS = new Set<string>([]);

const HOSTILE: HostileCase[] = [
  { page: "prototypes", hover: "Idlib", marked: ["Idlib", "Ankara", "S-400"] },
  { page: "events", hover: "Idlib", marked: ["Idlib", "Ankara", "S-400"] },
  { page: "csp", hover: "Idlib", marked: ["Idlib", "Ankara", "S-400"] },
  { page: "frames", hover: "Idlib", marked: ["Idlib", "Ankara", "S-400"] },
  { page: "deep", hover: "Idlib", marked: ["Idlib", "Ankara", "S-400"] },
  { page: "big-text", hover: "S-400", marked: ["Idlib", "Ankara", "S-400"], timeout: 60_000 },
  { page: "text-nodes", hover: "S-400", marked: ["Idlib", "Ankara", "S-400"], timeout: 60_000 },
  {
    page: "mutations",
    // 10 s here; `npm run reliability` sets HOSTILE_MUTATION_SECONDS=30, the issue's full half-minute.
    query: `?seconds=${MUTATION_SECONDS}`,
    hover: "S-400",
    marked: ["Idlib", "Ankara", "S-400"],
    done: "mutationsDone",
    timeout: (MUTATION_SECONDS + 20) * 1000,
  },
  { page: "spa", hover: "S-400", marked: ["Idlib", "Ankara", "S-400"], done: "navigationsDone" },
  { page: "body", hover: "S-400", marked: ["Idlib", "Ankara", "S-400"], done: "bodySwapped" },
  // "Idlib", hovered, is inside the component's open shadow root.
  { page: "shadow", hover: "Idlib", marked: ["Ankara", "Idlib", "S-400", "Gazprom"] },
];

/** The page's own record of long tasks (Chromium's PerformanceObserver; empty elsewhere). */
function longTasks(): number[] {
  return (window as unknown as { longTasks?: number[] }).longTasks ?? [];
}

/**
 * The box of the first occurrence of text on the page or inside an open shadow root (at any depth),
 * in viewport pixels, scrolled into view: where a reader would point at it.
 */
function textBox(text: string): { x: number; y: number; width: number; height: number } | null {
  const roots: Node[] = [document.body];
  for (let root = roots.shift(); root; root = roots.shift()) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      // (Not the page's own scripts: the fixture builds its shadow tree from a string.)
      if (at < 0 || node.parentElement?.closest("script, style")) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      (node.parentElement as Element).scrollIntoView({ block: "center" });
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.left, y: rect.top, width: rect.width, height: rect.height } : null;
    }
    for (const element of (root as ParentNode).querySelectorAll("*"))
      if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  return null;
}

async function pointOnText(tab: Tab, text: string): Promise<{ x: number; y: number } | null> {
  const box = await tab.evaluate(textBox, text);
  return box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * How many pixels of the marks' blue show under text (the dotted underline), from a screenshot of its
 * box and a few pixels below: the page's own text is black on white.
 */
async function underlinePixels(tab: Tab, text: string, file: string): Promise<number> {
  const box = await tab.evaluate(textBox, text);
  if (!box) throw new Error(`"${text}" is not on the page`);
  const dir = join(ROOT, "build", "screenshots");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${file}.png`);
  const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: 0 };
  clip.height = Math.ceil(box.y + box.height) + 8 - clip.y;
  await tab.screenshot(path, clip);
  const { data } = PNG.sync.read(readFileSync(path));
  let blue = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [red, , bluePart] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
    if (bluePart > 150 && bluePart - red > 60) blue++;
  }
  return blue;
}

function pageFlag(name: string): unknown {
  return (window as unknown as Record<string, unknown>)[name];
}

interface Visit {
  errors: string[];
  /** The longest task until the marks were in place (Backstory starting up, the page building itself). */
  startup: number;
  /** The longest task after that: the page's own work, Backstory keeping up and opening an explainer. */
  longest: number;
  /** Set when the tab's renderer died (Chromium on 10,000-deep nesting, with Backstory or without). */
  crashed?: string;
  marks: string[];
  opened: boolean;
  title: string | null;
}

function resetLongTasks(): number {
  const seen = (window as unknown as { longTasks?: number[] }).longTasks ?? [];
  const longest = Math.max(0, ...seen);
  seen.length = 0;
  return longest;
}

async function visit(
  browser: TestBrowser,
  url: string,
  item: HostileCase,
  extension: boolean,
): Promise<Visit> {
  const tab = await browser.newTab();
  try {
    await tab.bringToFront();
    await tab.goto(url);
    return await visitTab(tab, item, extension);
  } catch (error) {
    if (!/crash/i.test((error as Error).message)) throw error;
    return {
      errors: tab.errors(),
      startup: 0,
      longest: 0,
      marks: [],
      opened: false,
      title: null,
      crashed: (error as Error).message,
    };
  } finally {
    await tab.close().catch(() => undefined);
  }
}

async function visitTab(tab: Tab, item: HostileCase, extension: boolean): Promise<Visit> {
  const timeout = item.timeout ?? 30_000;
  if (item.done) {
    const flag = item.done;
    await waitFor(() => tab.evaluate(pageFlag, flag), `the page's ${flag}`, timeout);
  }
  let marks: string[] = [];
  let opened = false;
  let title: string | null = null;
  if (extension) {
    marks = await waitFor(
      async () => {
        const now = await tab.evaluate(markedTexts);
        return item.marked.every((term) => now.includes(term)) ? now : null;
      },
      `${item.marked.join(", ")} marked`,
      timeout,
    ).catch(() => tab.evaluate(markedTexts));
  } else {
    await new Promise((done) => setTimeout(done, 1000));
  }
  const startup = await tab.evaluate(resetLongTasks);
  if (extension) {
    // A reader's hover, tried twice (a busy machine can be slow to paint the first time).
    for (let attempt = 0; attempt < 2 && !opened; attempt++) {
      await tab.mouseMove(2, 2);
      const point = await waitFor(() => pointOnText(tab, item.hover), `"${item.hover}" on the page`);
      await tab.mouseMove(point.x, point.y, 4);
      const view = await waitFor(() => tab.explainer(), `the explainer for ${item.hover}`, 8_000).catch(
        () => null,
      );
      opened = view !== null;
      title = view?.title ?? null;
    }
  } else {
    // The same finding and pointing as above, so the tasks compared are Backstory's alone: finding the
    // words on a 5 MB page and scrolling to them is work of its own.
    await tab.mouseMove(2, 2);
    const point = await waitFor(() => pointOnText(tab, item.hover), `"${item.hover}" on the page`);
    await tab.mouseMove(point.x, point.y, 4);
    await new Promise((done) => setTimeout(done, 2000));
  }
  const tasks = await tab.evaluate(longTasks);
  return { errors: tab.errors(), startup, longest: Math.max(0, ...tasks), marks, opened, title };
}

describe.each(BROWSERS)("%s: hostile pages", (name) => {
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

  describe.each(HOSTILE)("$page", (item) => {
    let theirs: Visit;
    let ours: Visit;

    beforeAll(async () => {
      const url = server.url(`/fixtures/hostile-${item.page}.html${item.query ?? ""}`);
      theirs = await visit(without, url, item, false);
      ours = await visit(withIt, url, item, true);
      console.log(
        theirs.crashed
          ? `${name} hostile-${item.page}: the page crashes the tab without Backstory (${theirs.crashed}); with it: ${ours.crashed ?? "no crash"}`
          : `${name} hostile-${item.page}: marks [${ours.marks.join(", ")}], explainer ${ours.opened ? `"${ours.title}"` : "did not open"}; ` +
              (name === "firefox"
                ? "Firefox cannot measure long tasks"
                : `longest task at startup ${ours.startup} ms with Backstory, ${theirs.startup} ms without; ` +
                  `afterwards ${ours.longest} ms with, ${theirs.longest} ms without`),
      );
    }, 180_000);

    /** A page that kills its own tab without Backstory has nothing to compare with (see the log). */
    const check = (known: boolean) => (name: string, fn: () => void) =>
      (known ? it.fails : it)(known ? `${name} (known gap, see README)` : name, () => {
        if (theirs.crashed) return expect(ours.crashed, "a crash only with Backstory").toBeTruthy();
        fn();
      });
    const gap = (what: string) => KNOWN_GAPS.has(`${name} ${item.page} ${what}`);

    check(gap("errors"))("no page error from Backstory", () => {
      const own = new Set(theirs.errors);
      expect(ours.errors.filter((error) => !own.has(error))).toEqual([]);
    });

    check(gap("marks"))("terms are marked", () => {
      for (const term of item.marked) expect(ours.marks, `${term} marked`).toContain(term);
    });

    if (item.page === "shadow")
      check(gap("shadow"))("terms inside an open shadow root are marked", () => {
        for (const term of ["Idlib", "S-400", "Gazprom"])
          expect(ours.marks, `${term} marked`).toContain(term);
        expect(ours.title, "the explainer opened from inside the shadow root").toBe("Idlib");
      });

    check(gap("hover"))("an explainer opens on hover", () => {
      expect(ours.opened, `the explainer for ${item.hover}`).toBe(true);
      expect(ours.title).toBeTruthy();
    });
    // Long tasks (Chromium's PerformanceObserver; Firefox has none) cannot be told apart by who ran them,
    // and this machine's CPU is shared: they are reported in the log above, with and without Backstory,
    // not asserted (scripts/reliability.ts puts them in its table).
  });

  describe("an open shadow root, drawn and changing", () => {
    let tab: Tab;

    beforeAll(async () => {
      tab = await withIt.newTab();
      await tab.bringToFront();
      await tab.goto(server.url("/fixtures/hostile-shadow.html"));
      await waitFor(
        async () => {
          const now = await tab.evaluate(markedTexts);
          return ["Ankara", "Idlib", "Gazprom"].every((term) => now.includes(term)) || null;
        },
        "the first marks",
        30_000,
      );
    }, 60_000);
    afterAll(async () => {
      await tab?.close();
    });

    // Firefox carries no page highlight styles into a shadow tree (Mozilla bug 1868009), and adding
    // ours to the page's shadow root is something its scripts would see: there the marks stay undrawn.
    const drawnThere = name === "firefox" ? it.fails : it;
    drawnThere(
      `draws a mark inside the shadow root as it draws one outside${name === "firefox" ? " (known gap, see README)" : ""}`,
      async () => {
        await tab.mouseMove(2, 2);
        for (const term of ["Ankara", "Idlib"]) {
          const pixels = await underlinePixels(tab, term, `hostile-shadow-${name}-${term}`);
          expect(pixels, `blue underline pixels under ${term}`).toBeGreaterThan(3);
        }
      },
    );

    it("steps through the page's terms in reading order, those in the shadow root where it stands", async () => {
      const options = await withIt.newTab(withIt.extensionUrl("src/options/index.html"));
      const titles: string[] = [];
      try {
        for (let i = 0; i < 4; i++) {
          // What the background does when Alt+Shift+. is pressed: ask the reading tab for the next term.
          await askReadingTabs(options, "explain", ["next"]);
          const view = await waitFor(
            () => tab.explainer().then((v) => (v && v.title !== titles.at(-1) ? v : null)),
            `explainer ${i + 1}`,
          );
          titles.push(view.title);
        }
      } finally {
        await options.close();
        await tab.bringToFront();
        await tab.press("Escape");
      }
      expect(titles).toEqual(["Ankara", "Idlib", "S-400 Triumf", "Gazprom"]);
    });

    it("marks text added to the shadow root later, and drops the mark on text changed there", async () => {
      await tab.evaluate(() => (window as unknown as { growShadow: () => void }).growShadow());
      const marks = await waitFor(
        async () => {
          const now = await tab.evaluate(markedTexts);
          return now.includes("Crimea") && !now.includes("Gazprom") ? now : null;
        },
        "Crimea marked and Gazprom's mark dropped",
        15_000,
      );
      expect(marks).toEqual(expect.arrayContaining(["Ankara", "Idlib", "S-400", "Crimea"]));
      // A reader's hover on the new term opens its explainer.
      const point = await waitFor(() => pointOnText(tab, "Crimea"), "Crimea on the page");
      await tab.mouseMove(point.x, point.y, 4);
      const view = await waitFor(() => tab.explainer(), "the explainer for Crimea", 8_000);
      expect(view.title).toBe("Crimea");
    });

    it("adds nothing to the page's shadow root, and turned off leaves no mark", async () => {
      const adopted = () =>
        tab.evaluate(() => document.querySelector("news-card")?.shadowRoot?.adoptedStyleSheets.length);
      expect(await adopted()).toBe(0);
      await setSettings(withIt, { enabled: false });
      try {
        await waitFor(() => tab.evaluate(markedTexts).then((marks) => marks.length === 0), "the marks to go");
        expect(await adopted()).toBe(0);
      } finally {
        await setSettings(withIt, { enabled: true });
      }
    });
  });
});
