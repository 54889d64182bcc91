/**
 * Where keyboard focus goes on the options page after the reader acts: it never falls back to the page
 * (where the next Tab would start over from the top and a screen reader would say nothing). Reset's
 * question, removing a site, an entry or a glossary, importing, and saving the entry form; and counts
 * worded in the form their number asks for.
 */
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ROOT } from "../support/paths";
import { BROWSERS, type Tab, waitFor } from "./harness";
import { clearSettings, clickOn, storedSettings, typeInto } from "./options-steps";
import { useSession } from "./session";

const FIXTURES = join(ROOT, "tests", "fixtures");

/** The focused element, as a reader would name it: its id, name, label or text. */
function focused(): string {
  const element = document.activeElement as HTMLElement | null;
  if (!element || element === document.body) return "BODY";
  const name = element.getAttribute("aria-label") ?? element.getAttribute("name") ?? "";
  const text = (element.textContent ?? "").trim().slice(0, 60);
  return [element.tagName, element.id && `#${element.id}`, name, text].filter(Boolean).join(" ");
}

const textOf = (tab: Tab, selector: string) =>
  tab.evaluate((css: string) => document.querySelector(css)?.textContent ?? null, selector);

/** Waits until focus is on what `expected` names (a part of `focused()`), and says where it is if not. */
async function focusOn(tab: Tab, expected: string): Promise<void> {
  let last = "";
  await waitFor(
    () =>
      tab.evaluate(focused).then((now) => {
        last = now;
        return now.includes(expected);
      }),
    `focus on ${expected}`,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; focus is on ${last}`);
  });
}

async function shiftTab(tab: Tab): Promise<void> {
  await tab.keyDown("Shift");
  await tab.press("Tab");
  await tab.keyUp("Shift");
}

describe.each(BROWSERS)("%s: focus on the options page", (name) => {
  const session = useSession(name);
  let options: Tab;
  const open = async (hash: string) => {
    await options.goto(session.browser.extensionUrl(`src/options/index.html${hash}`));
    await options.bringToFront();
    await waitFor(() => options.evaluate(() => document.querySelector("#app h2") !== null), "the options");
  };

  beforeAll(async () => {
    options = await session.browser.newTab(session.browser.extensionUrl("src/options/index.html"));
  });
  beforeEach(async () => {
    await clearSettings(options);
    await options.evaluate(async () => {
      type Local = { clear(): Promise<void> };
      await (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.clear();
    });
  });

  it("asks Reset's question on Cancel, closes it with Escape, and gives focus back to the button", async () => {
    await open("#reset");
    await clickOn(options, "button", "Reset to defaults");
    await focusOn(options, "BUTTON Cancel");
    await options.press("Escape");
    await focusOn(options, "BUTTON Reset to defaults");
    expect(await options.evaluate(() => document.querySelector("fieldset.confirm"))).toBeNull();
    // From the keyboard: open, Cancel, open, then the reset itself.
    await options.press("Enter");
    await focusOn(options, "BUTTON Cancel");
    await options.press("Enter");
    await focusOn(options, "BUTTON Reset to defaults");
    await options.press("Enter");
    await focusOn(options, "BUTTON Cancel");
    await shiftTab(options);
    await focusOn(options, "BUTTON Yes, reset");
    await options.press("Enter");
    await focusOn(options, "BUTTON Reset to defaults");
    expect(await textOf(options, "[role=status]")).toBe("Settings reset to defaults.");
  });

  it("after removing a site, focuses the next site's Remove, else the previous one's, else the site field", async () => {
    await options.evaluate(async () => {
      type Sync = { set(items: object): Promise<void> };
      await (globalThis as unknown as { chrome: { storage: { sync: Sync } } }).chrome.storage.sync.set({
        blockedSites: ["a.example", "b.example", "c.example"],
      });
    });
    await open("#sites");
    await clickOn(options, 'button[aria-label="Remove b.example"]');
    await focusOn(options, "Remove c.example");
    expect((await storedSettings(options)).blockedSites).toEqual(["a.example", "c.example"]);
    await options.press("Enter");
    await focusOn(options, "Remove a.example");
    await options.press("Enter");
    await focusOn(options, "INPUT #site-pattern");
    expect((await storedSettings(options)).blockedSites ?? []).toEqual([]); // the default, not stored
  });

  it("words counts in the form their number asks for: problems below, entries", async () => {
    await open("#my-glossaries");
    const preview = () => textOf(options, "[data-preview] .error");
    await options.chooseFile('input[name="importFile"]', join(FIXTURES, "import-bad-rows.csv"));
    await waitFor(
      () => preview().then((text) => text?.startsWith("3 problems below.")),
      '"3 problems below."',
    );
    await options.chooseFile('input[name="importFile"]', join(FIXTURES, "import-markup.json"));
    await waitFor(() => preview().then((text) => text?.startsWith("1 problem below.")), '"1 problem below."');
    await options.chooseFile('input[name="importFile"]', join(FIXTURES, "import-good.json"));
    await clickOn(options, 'button[name="confirmImport"]');
    const count = () => textOf(options, '[data-glossary="import-good"] .glossary-head .hint');
    await waitFor(() => count().then((text) => text === "2 entries"), '"2 entries"');
    await clickOn(options, '[data-glossary="import-good"] button[name="deleteEntry"]');
    await waitFor(() => count().then((text) => text === "1 entry"), '"1 entry"');
  });

  it("focuses the import's message, then the next entry or glossary after a delete, else the empty list", async () => {
    await open("#my-glossaries");
    for (const file of ["import-good.json", "import-good.csv"]) {
      await options.chooseFile('input[name="importFile"]', join(FIXTURES, file));
      await clickOn(options, 'button[name="confirmImport"]');
      await focusOn(options, `P Imported ${file}.`);
    }
    const glossary = '[data-glossary="import-good"]';
    /** Whether focus is on the first element the selector finds. */
    const focusIsOn = (css: string) =>
      options.evaluate(
        (selector: string) => document.activeElement === document.querySelector(selector),
        css,
      );
    const entries = () =>
      options.evaluate((css: string) => document.querySelectorAll(`${css} .entries li`).length, glossary);
    expect(await entries()).toBe(2);
    await clickOn(options, `${glossary} button[name="deleteEntry"]`);
    await waitFor(() => entries().then((n) => n === 1), "one entry left");
    // The next entry's Delete, in the same glossary (now its first).
    await waitFor(
      () => focusIsOn(`${glossary} button[name="deleteEntry"]`),
      "focus on the next entry's Delete",
    );
    await options.press("Enter");
    await waitFor(() => entries().then((n) => n === 0), "no entry left");
    // No entry left in it: the glossary's own Remove button.
    await waitFor(
      () => focusIsOn(`${glossary} button[name="removeGlossary"]`),
      "focus on the glossary's Remove",
    );
    await options.press("Enter");
    await waitFor(
      () => focusIsOn('[data-glossary="import-good-2"] button[name="removeGlossary"]'),
      "focus on the next glossary's Remove",
    );
    await options.press("Enter");
    await focusOn(options, "P You have no glossaries of your own yet.");
  });

  it("moves focus to the first field with a problem, and says when an entry is saved", async () => {
    await open("#my-glossaries");
    await clickOn(options, 'button[name="saveEntry"]');
    await focusOn(options, "INPUT #entry-title");
    await typeInto(options, "#entry-title", "Kestrel Bay");
    await options.press("Enter"); // the form is sent from its field
    await focusOn(options, "TEXTAREA #entry-summary");
    const states = () =>
      options.evaluate(() =>
        ["title", "summary", "source"].map((field) => {
          const input = document.querySelector(`#entry-${field}`);
          const error = document.querySelector(`#entry-${field}-error`);
          return [
            input?.getAttribute("aria-invalid"),
            input?.getAttribute("aria-describedby"),
            error?.textContent,
          ];
        }),
      );
    expect(await states()).toEqual([
      [null, "entry-title-hint", undefined],
      ["true", "entry-summary-error", "Add a summary: a few plain sentences about it."],
      ["true", "entry-source-error", "Add the address of a source, starting with https://."],
    ]);
    await typeInto(options, "#entry-summary", "A made-up bay.");
    await typeInto(options, "#entry-source", "https://example.org/kestrel");
    await options.press("Enter");
    await waitFor(
      () =>
        textOf(options, "[data-entry-status]").then((text) => text === "Saved “Kestrel Bay” in My entries."),
      "the saved status",
    );
    expect(
      await options.evaluate(() => document.querySelector("[data-entry-status]")?.getAttribute("role")),
    ).toBe("status");
    await focusOn(options, "INPUT #entry-title");
    expect(await options.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe("");
    expect(await textOf(options, '[data-glossary="mine"] .glossary-head .hint')).toBe("1 entry");
  });
});
