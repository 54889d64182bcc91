/**
 * Readers' own glossaries, as a reader uses them on the options page: import files with a preview,
 * refuse bad ones without changing anything, export and re-import, add an entry with the form,
 * subscribe by URL; and a page marks and explains the reader's entries, without a reload.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/paths";
import { startServer, type TestServer } from "../support/server";
import { BROWSERS, launchWithHostPermissions, settled, type Tab, type TestBrowser, waitFor } from "./harness";
import { clickOpenInGlossary, openedGlossaryEntry } from "./options-steps";
import { markedTexts, marksWhere, pointOnText } from "./probes";
import { useSession } from "./session";

const FIXTURES = join(ROOT, "tests", "fixtures");

/**
 * A large glossary's entries: made-up two-word names, all different, spread over the alphabet, the
 * first and the last of which a page is marked with.
 */
const LARGE = 8000;
const SYLLABLES = "ka lo mir an dre zan bel tor vi sha ru nek os tal em ghi do sar fen lu".split(" ");
function madeUpName(n: number): string {
  const syllables: string[] = [];
  for (let m = (n * 7919) % 20 ** 4, k = 0; k < 4; k++, m = Math.floor(m / 20))
    syllables.push(SYLLABLES[m % 20] ?? "");
  const word = (a = "", b = "") => `${a.charAt(0).toUpperCase()}${a.slice(1)}${b}`;
  return `${word(syllables[0], syllables[1])} ${word(syllables[2], syllables[3])}`;
}
const OPTIONS = "src/options/index.html#my-glossaries";

/** Everything Backstory keeps in storage.local, as text (read inside the extension page). */
function storedLocal(): Promise<string> {
  const api = (
    globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<object> } } } }
  ).chrome;
  return api.storage.local.get(null).then((items) => JSON.stringify(items));
}

/** The stored state, to compare (key order aside). */
const stored = async (tab: Tab): Promise<unknown> => JSON.parse(await tab.evaluate(storedLocal));

const centreOf = (selector: string) => {
  const element = document.querySelector(selector);
  if (!element || (element as HTMLButtonElement).disabled) return null;
  element.scrollIntoView({ block: "center" });
  const rect = element.getBoundingClientRect();
  const point = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  // Only once nothing covers it and it holds still where the pointer will land.
  const hit = document.elementFromPoint(point.x, point.y);
  return hit && (hit === element || element.contains(hit) || hit.contains(element)) ? point : null;
};

/**
 * Clicks an element where it stands once it holds still: after centreOf scrolled it into view, two
 * frames go by first, or Firefox may take the click where the element stood before the scroll.
 */
async function click(tab: Tab, selector: string): Promise<void> {
  const point = await waitFor(async () => {
    const first = await tab.evaluate(centreOf, selector);
    await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const then = await tab.evaluate(centreOf, selector);
    return first && then && first.x === then.x && first.y === then.y ? then : null;
  }, `${selector} to click`);
  await tab.click(point.x, point.y);
}

/** Types into a field the way the page sees typing: the value changes and an input event fires. */
async function fill(tab: Tab, selector: string, value: string): Promise<void> {
  await tab.evaluate(
    ({ selector, value }: { selector: string; value: string }) => {
      const field = document.querySelector(selector) as HTMLInputElement;
      field.focus();
      field.value = value;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    },
    { selector, value },
  );
}

const textOf = (tab: Tab, selector: string) =>
  tab.evaluate((selector: string) => document.querySelector(selector)?.textContent ?? null, selector);

async function waitForText(tab: Tab, selector: string, expected: string, timeout = 8000): Promise<string> {
  let last: string | null = null;
  const probe = () =>
    textOf(tab, selector).then((text) => {
      last = text;
      return text?.includes(expected) ? text : null;
    });
  return waitFor(probe, `"${expected}" in ${selector}`, timeout).catch((error: Error) => {
    throw new Error(`${error.message}; it reads: ${last}`);
  });
}

/**
 * Rests the pointer on a marked term until its explainer opens, as a reader would try again; on the
 * term's first occurrence in the page unless `point` finds another (it runs in the page).
 */
async function explain(tab: Tab, term: string, point = pointOnText) {
  await tab.bringToFront();
  await waitFor(
    () => tab.evaluate(markedTexts).then((texts) => texts.includes(term)),
    `"${term}" marked`,
    10_000,
  );
  return waitFor(
    async () => {
      await tab.mouseMove(2, 2);
      await waitFor(() => tab.explainer().then((view) => view === null), "no explainer open");
      const at = await waitFor(() => tab.evaluate(point, term), `"${term}" on the page`);
      await tab.mouseMove(at.x, at.y, 4);
      return waitFor(
        () => tab.explainer().then((view) => (view?.title === term ? view : null)),
        `the explainer for ${term}`,
        3000,
      ).catch(() => null);
    },
    `the explainer for ${term}`,
    15_000,
  );
}

describe.each(BROWSERS)("%s: my glossaries", (name) => {
  const session = useSession(name);
  let options: Tab;

  async function importFile(path: string): Promise<void> {
    await options.bringToFront();
    await options.chooseFile('input[name="importFile"]', path);
  }

  it("imports a good JSON and a good CSV after a preview; an open page marks and explains them at once", async () => {
    const article = await session.browser.newTab(session.server.url("/fixtures/my-glossaries.html"));
    options = await session.browser.newTab(session.browser.extensionUrl(OPTIONS));
    await waitFor(() => textOf(options, "[data-none]"), "the empty list of glossaries");
    expect(await article.evaluate(markedTexts)).not.toContain("Quillfeather Compact");

    await importFile(join(FIXTURES, "import-good.json"));
    await waitForText(options, "[data-counts]", "2 new, 0 changed, 0 unchanged, 0 invalid.");
    expect(await stored(options)).toEqual({}); // a preview saves nothing
    await click(options, 'button[name="confirmImport"]');
    await waitForText(options, "[data-import-status]", "Imported import-good.json.");

    await importFile(join(FIXTURES, "import-good.csv"));
    await waitForText(options, "[data-counts]", "2 new, 0 changed, 0 unchanged, 0 invalid.");
    await click(options, 'button[name="confirmImport"]');
    await waitForText(options, "[data-import-status]", "Imported import-good.csv.");
    await waitForText(options, '[data-glossary="import-good-2"]', "Imported from import-good.csv");

    await article.bringToFront();
    const marks = await waitFor(
      () =>
        article.evaluate(markedTexts).then((texts) => (texts.includes("Marrowby Council") ? texts : null)),
      "the reader's terms marked on the open page",
    );
    expect(marks).toEqual(
      expect.arrayContaining(["Quillfeather Compact", "Marrowby Council", "Fenwick Line"]),
    );
    const view = await explain(article, "Quillfeather Compact");
    expect(view.text).toContain("A made-up agreement used by Backstory's tests");
    const csv = await explain(article, "Marrowby Council");
    expect(csv.text).toContain('with a comma and "quotes" in its summary');
    await article.close();
  });

  it("refuses each bad file with a message naming the file, entry or line and field, and changes nothing", async () => {
    const before = await stored(options);
    const huge = join(tmpdir(), "backstory-huge.json");
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
    const cases: [string, string, string][] = [
      [
        join(FIXTURES, "import-bad-syntax.json"),
        "[data-preview]",
        // Each browser's JSON.parse says where in its own English; the reader reads a line and column.
        "import-bad-syntax.json: not valid JSON: there is a mistake near line 5, column 3.",
      ],
      [
        join(FIXTURES, "import-bad-quote.csv"),
        "[data-preview]",
        "import-bad-quote.csv: line 2: a quoted field is never closed",
      ],
      [
        join(FIXTURES, "import-bad-rows.csv"),
        "[data-problems]",
        "import-bad-rows.csv: line 3 › source: must start with https://",
      ],
      [
        join(FIXTURES, "import-bad-schema.json"),
        "[data-problems]",
        'entry 1 ("wrong-shape") › category: must be one of',
      ],
      [
        join(FIXTURES, "import-duplicate-ids.json"),
        "[data-problems]",
        'entry 2 ("twice") › id: "twice" is used twice',
      ],
      [
        join(FIXTURES, "import-proto.json"),
        "[data-problems]",
        'entry 1 ("polluter") › __proto__: this key is not allowed',
      ],
      [
        join(FIXTURES, "import-markup.json"),
        "[data-problems]",
        "summary: must be plain text, without < or >",
      ],
      [
        join(FIXTURES, "import-javascript-link.json"),
        "[data-problems]",
        "sources › 0 › url: must start with https://",
      ],
      [
        huge,
        "[data-import-status]",
        "backstory-huge.json: the file is 50.0 MB; Backstory imports files of at most 2 MB",
      ],
    ];
    for (const [path, where, message] of cases) {
      await importFile(path);
      await waitForText(options, where, message);
      // All or nothing: with any problem there is nothing to confirm.
      expect(await options.evaluate(centreOf, 'button[name="confirmImport"]')).toBeNull();
      if (where === "[data-problems]") {
        // The preview's Import button is there but unusable, and looks it.
        const look = await options.evaluate(() => {
          const button = document.querySelector('button[name="confirmImport"]') as HTMLButtonElement;
          return [button.disabled, getComputedStyle(button).opacity, getComputedStyle(button).cursor];
        });
        expect(look).toEqual([true, "0.5", "not-allowed"]);
      }
      expect(await stored(options)).toEqual(before);
    }
  });

  it("adds an entry with the form, showing each field's problem first, and a page explains it", async () => {
    await options.bringToFront();
    await fill(options, "#entry-title", "Kestrel Bay");
    await fill(options, "#entry-source", "javascript:alert(1)");
    await click(options, 'button[name="saveEntry"]');
    await waitForText(options, "#entry-summary-error", "Add a summary: a few plain sentences about it.");
    await waitForText(options, "#entry-source-error", "This field must start with https://.");
    await fill(options, "#entry-summary", "A made-up bay, added with the form.");
    await fill(options, "#entry-source", "https://example.org/kestrel");
    await click(options, 'button[name="saveEntry"]');
    await waitForText(options, '[data-glossary="mine"]', "Kestrel Bay");

    const article = await session.browser.newTab(session.server.url("/fixtures/my-glossaries.html"));
    const view = await explain(article, "Kestrel Bay");
    expect(view.text).toContain("A made-up bay, added with the form.");
    await article.close();
  });

  it("shows an entry of the reader's own in the glossary browser, from its card's Open in glossary and in search", async () => {
    const article = await session.browser.newTab(session.server.url("/fixtures/my-glossaries.html"));
    const view = await explain(article, "Kestrel Bay");
    await clickOpenInGlossary(article, view);
    const shown = await waitFor(
      () => openedGlossaryEntry(options, "#entry=kestrel-bay"),
      "the glossary browser at Kestrel Bay",
    );
    expect(shown.text).toContain("A made-up bay, added with the form.");
    await article.close();

    const browser = await session.browser.newTab(
      session.browser.extensionUrl("src/options/index.html#search=kestrel"),
    );
    const found = await waitFor(
      () =>
        browser.evaluate(() =>
          [...document.querySelectorAll(".result")]
            .map((result) => result.textContent ?? "")
            .find((text) => text.includes("Kestrel Bay")),
        ),
      "Kestrel Bay among the results",
    );
    expect(found).toContain("My entries"); // the glossary it is in
    await browser.close();
  });

  it("tells the form when to mark an entry: only with a word on the page, never inside a longer name", async () => {
    await options.bringToFront();
    await fill(options, "#entry-title", "Ashby");
    await fill(options, "#entry-summary", "A made-up island ferry port.");
    await fill(options, "#entry-source", "https://example.org/ashby");
    await click(options, ".when > summary");
    await fill(options, "#entry-require", "ferry; harbour");
    await fill(options, "#entry-notWithin", "Ashby Lodge; Ashbyville");
    // Folded away again, the field with a problem still comes into sight and takes focus.
    await click(options, ".when > summary");
    await click(options, 'button[name="saveEntry"]');
    await waitForText(
      options,
      "#entry-notWithin-error",
      '"Ashbyville" does not contain any of the entry\'s names as whole words.',
    );
    const inSight = () =>
      (document.querySelector(".when") as HTMLDetailsElement).open &&
      document.activeElement?.id === "entry-notWithin";
    await waitFor(() => options.evaluate(inSight), "the folded field open, with focus in it");
    await fill(options, "#entry-notWithin", "Ashby Lodge");
    await click(options, 'button[name="saveEntry"]');
    await waitForText(options, '[data-glossary="mine"]', "Ashby");

    const ferry = await session.browser.newTab(session.server.url("/fixtures/when-to-mark.html"));
    const onMark = (term: string) => {
      const marks = [...(CSS.highlights.get("backstory") ?? [])] as StaticRange[];
      const mark = marks.find((range) => (range.startContainer as Text).data.includes(term));
      if (!mark) return null;
      const range = new Range();
      range.setStart(mark.startContainer, mark.startOffset);
      range.setEnd(mark.endContainer, mark.endOffset);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    };
    expect((await explain(ferry, "Ashby", onMark)).text).toContain("A made-up island ferry port.");
    // The first "Ashby" on the page is in "Ashby Lodge": not the port, so the second one is marked.
    expect(await ferry.evaluate(marksWhere)).toEqual(["Ashby in #ferry"]);
    await ferry.close();
    // No ferry or harbour on this page: its Ashby is some other place. Ankara shows the page was read.
    const pie = await session.browser.newTab(session.server.url("/fixtures/when-to-mark-elsewhere.html"));
    await pie.bringToFront();
    await waitFor(() => pie.evaluate(markedTexts).then((texts) => texts.includes("Ankara")), "Ankara marked");
    expect(await settled(() => pie.evaluate(markedTexts), "the marks to settle")).toEqual(["Ankara"]);
    await pie.close();

    // Editing it again, the form opens with when to mark it in sight.
    await options.bringToFront();
    await click(options, '[data-entry="ashby"] button[name="editEntry"]');
    await waitFor(
      () => options.evaluate(() => (document.querySelector("#entry-require") as HTMLInputElement).value),
      "the form holding the entry",
    );
    expect(
      await options.evaluate(() => [
        (document.querySelector(".when") as HTMLDetailsElement).open,
        (document.querySelector("#entry-require") as HTMLInputElement).value,
        (document.querySelector("#entry-notWithin") as HTMLInputElement).value,
      ]),
    ).toEqual([true, "ferry; harbour", "Ashby Lodge"]);
    await click(options, 'button[name="cancelEntry"]');
  });

  it("edits an imported entry's summary with the form and keeps all the form does not show", async () => {
    await options.bringToFront();
    const weir = {
      id: "harrow-weir",
      title: "Harrow Weir",
      aliases: ["Harrow Weir", { text: "Harrow", caseSensitive: true }],
      notWithin: ["Harrow School"],
      category: "place",
      summary: "A made-up weir on the Quill.",
      facts: [{ label: "River", value: "the made-up Quill" }],
      timeline: [{ date: "2019-05", text: "Rebuilt after a made-up flood." }],
      sources: [
        { title: "Example source", url: "https://example.org/weir" },
        { title: "Second source", url: "https://example.org/weir-history" },
      ],
      reviewed: "2026-11-01",
    };
    const file = join(tmpdir(), "harrow-weir.json");
    writeFileSync(file, JSON.stringify([weir]));
    await importFile(file);
    await waitForText(options, "[data-counts]", "1 new, 0 changed, 0 unchanged, 0 invalid.");
    await click(options, 'button[name="confirmImport"]');
    await waitForText(options, "[data-import-status]", "Imported harrow-weir.json.");

    await click(options, '[data-entry="harrow-weir"] button[name="editEntry"]');
    await waitFor(
      () =>
        options.evaluate(
          () => (document.querySelector("#entry-title") as HTMLInputElement).value === "Harrow Weir",
        ),
      "the form holding the entry",
    );
    await fill(options, "#entry-summary", "A made-up weir on the Quill, its summary edited.");
    await click(options, 'button[name="saveEntry"]');
    type Saved = { readerGlossaries?: { glossaries: { entries: { id: string; summary: string }[] }[] } };
    const after = await waitFor(async () => {
      const { readerGlossaries } = (await stored(options)) as Saved;
      const entries = readerGlossaries?.glossaries.flatMap((glossary) => glossary.entries) ?? [];
      const found = entries.find((entry) => entry.id === "harrow-weir");
      return found?.summary.includes("edited") ? found : null;
    }, "the edited entry stored");
    expect(after).toEqual({
      ...weir,
      summary: "A made-up weir on the Quill, its summary edited.",
      reviewed: (after as unknown as { reviewed: string }).reviewed,
    });

    const article = await session.browser.newTab(session.server.url("/fixtures/my-glossaries.html"));
    const view = await explain(article, "Harrow Weir");
    expect(view.text).toContain("its summary edited");
    expect(view.text).toContain("Rebuilt after a made-up flood.");
    await article.close();
  });

  it("previews a re-import into an existing glossary as changes, and replaces it when the reader chooses to", async () => {
    await options.bringToFront();
    const good = JSON.parse(readFileSync(join(FIXTURES, "import-good.json"), "utf8"));
    const file = join(tmpdir(), "import-good-v2.json");
    writeFileSync(file, JSON.stringify([{ ...good[0], summary: "A made-up agreement, summary revised." }]));
    await importFile(file);
    // It goes back into the glossary that holds its entry, as a change.
    await waitForText(options, "[data-counts]", "0 new, 1 changed, 0 unchanged, 0 invalid.");
    expect(
      await options.evaluate(
        () => (document.querySelector('select[name="importTarget"]') as HTMLSelectElement | null)?.value,
      ),
    ).toBe("import-good");
    await click(options, 'input[name="importMode"][value="replace"]');
    await click(options, 'button[name="confirmImport"]');
    await waitForText(options, "[data-import-status]", "Imported import-good-v2.json.");
    await waitForText(options, '[data-glossary="import-good"]', "1 entry");
    const article = await session.browser.newTab(session.server.url("/fixtures/my-glossaries.html"));
    expect((await explain(article, "Quillfeather Compact")).text).toContain("summary revised");
    expect(await article.evaluate(markedTexts)).not.toContain("Orvane Institute");
    await article.close();
  });

  it("exports everything and re-imports it to the identical state", async () => {
    await options.bringToFront();
    const before = await stored(options);
    await options.evaluate(() => {
      // Keep a copy of what the reader would download.
      const saved = window as unknown as { exported?: Promise<string> };
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob) => {
        saved.exported = (blob as Blob).text();
        return create(blob);
      };
    });
    await click(options, 'button[name="exportAll"]');
    const exported = await waitFor(
      () => options.evaluate(() => (window as unknown as { exported?: Promise<string> }).exported ?? null),
      "the export",
    );
    expect(JSON.parse(exported).glossaries).toHaveLength(4);
    // Lose some of it: remove a glossary.
    await click(options, '[data-glossary="import-good"] button[name="removeGlossary"]');
    await waitFor(
      () => stored(options).then((now) => JSON.stringify(now) !== JSON.stringify(before)),
      "the glossary removed",
    );

    const file = join(tmpdir(), "backstory-export.json");
    writeFileSync(file, exported);
    await importFile(file);
    await waitForText(options, "[data-counts]", "Restores 4 glossaries (6 entries) and your settings");
    await click(options, 'button[name="confirmImport"]');
    await waitForText(options, "[data-import-status]", "Imported backstory-export.json.");
    expect(await stored(options)).toEqual(before);
  });

  // Firefox keeps storage.local in IndexedDB with no fixed quota, so only Chromium's 10 MB can be filled.
  it.runIf(name === "chromium")(
    "a full storage quota: the import says so and nothing is half-written",
    async () => {
      options ??= await session.browser.newTab(session.browser.extensionUrl(OPTIONS));
      await options.bringToFront();
      // Fill storage.local to 300 bytes short of its quota, so the import's write is rejected.
      const fill = (full: boolean) =>
        options.evaluate(async (full: boolean) => {
          type Area = {
            set(items: object): Promise<void>;
            remove(key: string): Promise<void>;
            getBytesInUse(keys: null): Promise<number>;
            QUOTA_BYTES: number;
          };
          const { local } = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome
            .storage;
          if (!full) return local.remove("filler");
          const free = local.QUOTA_BYTES - (await local.getBytesInUse(null));
          return local.set({ filler: "x".repeat(free - 300) });
        }, full);
      await fill(true);
      const before = await stored(options);
      const file = join(tmpdir(), "quota.csv");
      writeFileSync(
        file,
        "term,summary,aliases,source\nQuota One,One.,,https://example.org/1\nQuota Two,Two.,,https://example.org/2\n",
      );
      await importFile(file);
      await waitForText(options, ".import", "2 new");
      await click(options, 'button[name="confirmImport"]');
      await waitForText(
        options,
        "[data-import-status]",
        "Nothing was saved: the browser's storage for Backstory is full",
      );
      expect(await stored(options)).toEqual(before);
      await fill(false);
      await click(options, 'button[name="cancelImport"]');
    },
  );

  const subscribe = (url: string) => subscribeTo(options, url);

  it("keeps the subscription address's label clear of its field on a narrow screen", async () => {
    await options.bringToFront();
    await options.setViewport(400, 800);
    try {
      const [label, field] = await waitFor(
        () =>
          options.evaluate(() => {
            const boxes = ['label[for="subscribe-url"]', "#subscribe-url"].map((selector) =>
              document.querySelector(selector)?.getBoundingClientRect(),
            );
            return boxes.every(Boolean) ? boxes.map((box) => box?.toJSON() as DOMRect) : null;
          }),
        "the subscription form",
      );
      // Above it with a gap, or beside it with one: never touching.
      const clear =
        (label?.bottom ?? 0) + 4 <= (field?.top ?? 0) || (label?.right ?? 0) + 4 <= (field?.left ?? 0);
      expect(clear, JSON.stringify({ label, field })).toBe(true);
      expect(field?.right ?? 0).toBeLessThanOrEqual(400);
    } finally {
      await options.setViewport(1280, 800);
    }
  });

  it("refuses to subscribe to a URL that is not https, before asking for any permission", async () => {
    const before = await stored(options);
    await subscribe("http://example.org/glossary.json");
    await waitForText(
      options,
      "[data-subscribe-status]",
      "http://example.org/glossary.json: a subscription URL must start with https://",
    );
    await subscribe("javascript:alert(1)");
    await waitForText(
      options,
      "[data-subscribe-status]",
      "javascript:alert(1): a subscription URL must start with https://",
    );
    expect(await stored(options)).toEqual(before);
  });

  it("says it waits for the browser's permission while the browser asks, instead of an earlier error", async () => {
    await subscribe("http://example.org/glossary.json");
    await waitForText(options, "[data-subscribe-status]", "must start with https://");
    // The browser's question stays open (headless browsers answer at once, so the test keeps it open).
    await options.evaluate(() => {
      const never = () => new Promise(() => {});
      const api = globalThis as unknown as {
        browser?: { permissions: object };
        chrome: { permissions: object };
      };
      Object.defineProperty((api.browser ?? api.chrome).permissions, "request", { value: never });
    });
    await subscribe("https://example.org/glossary.json");
    await waitForText(
      options,
      "[data-subscribe-status]",
      "Waiting for your permission to read example.org: answer your browser's question to go on.",
    );
    expect(
      await options.evaluate(() => [
        document.querySelector("[data-subscribe-status]")?.getAttribute("role"),
        document.querySelector('button[name="subscribe"]')?.getAttribute("aria-disabled"),
        document.activeElement?.getAttribute("name"),
      ]),
    ).toEqual(["status", "true", "subscribe"]);
    await options.close();
  });

  it("still marks the bundled glossary's terms when the reader's stored index is damaged", async () => {
    options = await session.browser.newTab(session.browser.extensionUrl(OPTIONS));
    // Laid out as this version reads it, but missing its aliases: combining it with the bundled index fails.
    const damage = (damaged: boolean) =>
      options.evaluate((damaged: boolean) => {
        const { local } = (
          globalThis as unknown as {
            chrome: {
              storage: {
                local: { set(items: object): Promise<void>; remove(keys: string[]): Promise<void> };
              };
            };
          }
        ).chrome.storage;
        if (!damaged) return local.remove(["readerIndex", "readerIndexStamp"]);
        const entries = { count: 1, ids: "damaged", titles: "Damaged", categories: "places", rules: {} };
        return local.set({
          readerIndex: { entries, trie: { pairs: "" }, context: {} },
          readerIndexStamp: "damaged",
        });
      }, damaged);
    await damage(true);
    try {
      const article = await session.browser.newTab(session.server.url("/demo"));
      await waitFor(
        () => article.evaluate(markedTexts).then((texts) => texts.includes("Idlib")),
        "the bundled glossary's terms marked",
        15_000,
      );
      await article.close();
    } finally {
      await damage(false);
    }
  });

  it("takes a glossary of 8,000 entries, and marks and explains its first and last", async () => {
    const file = join(tmpdir(), "large-glossary.csv");
    const rows = Array.from(
      { length: LARGE },
      (_, n) => `${madeUpName(n + 1)},Made-up place ${n + 1}.,,https://example.org/${n + 1}`,
    );
    writeFileSync(file, `term,summary,aliases,source\n${rows.join("\n")}\n`);
    options = await session.browser.newTab(session.browser.extensionUrl(OPTIONS));
    const remove = '[data-glossary="large-glossary"] button[name="removeGlossary"]';
    try {
      await importFile(file);
      await waitForText(options, "[data-counts]", `${LARGE} new`, 20_000);
      await click(options, 'button[name="confirmImport"]');
      await waitForText(options, "[data-import-status]", "Imported large-glossary.csv.", 20_000);

      const article = await session.browser.newTab(session.server.url("/fixtures/large-glossary.html"));
      const marks = await waitFor(
        () => article.evaluate(markedTexts).then((texts) => (texts.length === 2 ? texts : null)),
        "both made-up names marked",
        20_000,
      );
      expect(marks).toEqual(["Lughi Luka", "Kaka Kalu"]);
      expect((await explain(article, "Kaka Kalu")).text).toContain(`Made-up place ${LARGE}.`);

      await options.bringToFront();
      await click(options, remove);
      await article.bringToFront();
      await waitFor(
        () => article.evaluate(markedTexts).then((texts) => texts.length === 0),
        "the large glossary's terms to be unmarked",
        20_000, // as long as its import may take: the index is compiled again without it
      );
      await article.close();
    } finally {
      // A failed try must not leave the glossary behind: a retry would import "8000 unchanged". A
      // cleanup, not the reader: a plain click on the button if it is still there, which cannot fail
      // and hide the try's own error.
      await options.evaluate((selector: string) => {
        (document.querySelector(selector) as HTMLButtonElement | null)?.click();
      }, remove);
    }
  });
});

async function subscribeTo(options: Tab, url: string): Promise<void> {
  await options.bringToFront();
  await fill(options, "#subscribe-url", url);
  await click(options, 'button[name="subscribe"]');
}

/** A glossary feed whose answer the test changes: a new version, then a server error. */
async function startFeed() {
  const feed = { status: 200, body: "" };
  const server = createServer((_request, response) => {
    response.writeHead(feed.status, { "content-type": "application/json" });
    response.end(feed.body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    feed,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const ridge = (summary: string) =>
  JSON.stringify([
    {
      id: "tessaly-ridge",
      title: "Tessaly Ridge",
      aliases: ["Tessaly Ridge"],
      category: "place",
      summary,
      sources: [{ title: "Example source", url: "https://example.org/tessaly" }],
      reviewed: "2026-11-01",
    },
  ]);

describe.each(BROWSERS)("%s: subscribing to a glossary by URL", (name) => {
  let browser: TestBrowser;
  let server: TestServer;
  let feeds: Awaited<ReturnType<typeof startFeed>>;
  beforeAll(async () => {
    server = await startServer();
    feeds = await startFeed();
    // The only test-time difference: in Chromium, the test server's origin is granted ahead (see harness).
    browser = await launchWithHostPermissions(name, ["http://127.0.0.1/*"]);
  });
  afterAll(async () => {
    await browser?.close();
    await feeds?.close();
    await server?.close();
  });

  it("subscribes by URL, reports a URL that fails or returns garbage without adding it, updates on demand, keeps the last good entries when an update fails", async () => {
    const options = await browser.newTab(browser.extensionUrl(OPTIONS));
    await waitFor(() => textOf(options, "[data-none]"), "the empty list of glossaries");
    const before = await stored(options);

    await subscribeTo(options, server.url("/fixtures/missing.json"));
    await waitForText(
      options,
      "[data-subscribe-status]",
      "/fixtures/missing.json: the server answered 404",
      15_000,
    );
    await subscribeTo(options, server.url("/fixtures/live.html"));
    await waitForText(options, "[data-subscribe-status]", "/fixtures/live.html: line 1: no column for");
    feeds.feed.body = "<html>garbage";
    await subscribeTo(options, feeds.url("/garbage.json"));
    await waitForText(options, "[data-subscribe-status]", "/garbage.json: not valid JSON");
    expect(await stored(options)).toEqual(before);

    feeds.feed.body = ridge("A made-up ridge served to Backstory's tests as a subscribed glossary.");
    await subscribeTo(options, feeds.url("/glossary.json"));
    await waitForText(options, "[data-subscribe-status]", "Subscribed: 1 entry.");
    await waitForText(options, '[data-glossary="127-0-0-1"]', "Last updated");
    const article = await browser.newTab(server.url("/fixtures/my-glossaries.html"));
    expect((await explain(article, "Tessaly Ridge")).text).toContain("served to Backstory's tests");

    // Update now: the new version reaches the open page without a reload.
    feeds.feed.body = ridge("A made-up ridge, its summary updated by the feed.");
    await click(options, 'button[name="updateSubscriptions"]');
    await waitForText(options, "[data-subscribe-status]", "Subscriptions updated.");
    expect((await explain(article, "Tessaly Ridge")).text).toContain("its summary updated by the feed");

    // A failed update says so and keeps the entries of the last good one.
    const updated = await stored(options);
    feeds.feed.status = 500;
    await click(options, 'button[name="updateSubscriptions"]');
    await waitForText(options, "[data-subscribe-status]", "1 subscription could not be updated");
    await waitForText(
      options,
      '[data-glossary="127-0-0-1"] [data-last-error]',
      "The last update failed, so the entries from the update before are kept: http://127.0.0.1:",
    );
    await waitForText(options, "[data-last-error]", "/glossary.json: the server answered 500");
    const glossariesOf = (state: unknown) =>
      (state as { readerGlossaries: { glossaries: { entries: unknown }[] } }).readerGlossaries.glossaries.map(
        (glossary) => glossary.entries,
      );
    expect(glossariesOf(await stored(options))).toEqual(glossariesOf(updated));
    expect((await explain(article, "Tessaly Ridge")).text).toContain("its summary updated by the feed");

    await options.bringToFront();
    await click(options, '[data-glossary="127-0-0-1"] button[name="removeGlossary"]');
    await article.bringToFront();
    await waitFor(
      () => article.evaluate(markedTexts).then((texts) => !texts.includes("Tessaly Ridge")),
      "the unsubscribed term to be unmarked",
    );
    await article.close();
  });
});
