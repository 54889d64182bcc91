/** Steps the options, popup and settings scenarios share: acting on extension pages as a reader does. */
import { type ExplainerView, type Tab, waitFor } from "./harness";

/** Clicks the centre of the first element matching a selector (optionally the one whose text starts so). */
export async function clickOn(tab: Tab, selector: string, text = ""): Promise<void> {
  await tab.bringToFront();
  const point = await waitFor(
    () =>
      tab.evaluate(
        ([css, start]: string[]) => {
          const element = [...document.querySelectorAll<HTMLElement>(css as string)].find((candidate) =>
            (candidate.textContent ?? "").trim().startsWith(start as string),
          );
          if (!element) return null;
          element.scrollIntoView({ block: "center" });
          const rect = element.getBoundingClientRect();
          return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        },
        [selector, text],
      ),
    `${selector}${text ? ` "${text}"` : ""} to click`,
  );
  await tab.click(point.x, point.y);
}

/** Empties a text field, clicks into it and types, key by key. */
export async function typeInto(tab: Tab, selector: string, text: string): Promise<void> {
  await tab.evaluate((css: string) => {
    const field = document.querySelector<HTMLInputElement>(css);
    if (field?.value) {
      field.value = "";
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }, selector);
  await clickOn(tab, selector);
  for (const key of text) await tab.press(key);
}

/** Forgets every setting, as a fresh install has them (run in an extension page). */
export async function clearSettings(tab: Tab): Promise<void> {
  await tab.evaluate(async () => {
    const storage = (globalThis as unknown as { chrome: { storage: { sync: { clear(): Promise<void> } } } })
      .chrome.storage;
    await storage.sync.clear();
  });
}

/** The settings as stored (run in an extension page). */
export function storedSettings(tab: Tab): Promise<Record<string, unknown>> {
  return tab.evaluate(async () => {
    type Sync = { get(keys: null): Promise<Record<string, unknown>> };
    return (globalThis as unknown as { chrome: { storage: { sync: Sync } } }).chrome.storage.sync.get(null);
  });
}

/** The names of Backstory's highlights registered on the page: which marking style draws them. */
export function highlightNames(): string[] {
  return [...CSS.highlights.keys()].filter((name) => name.startsWith("backstory")).sort();
}

/**
 * What the background does for a keyboard command or the context menu: from an extension page, asks
 * every reading tab to carry out a content call until one answers true. Whether one did.
 */
export const askReadingTabs = (extensionPage: Tab, call: string, args: unknown[]): Promise<boolean> =>
  readingTabsAnswer(extensionPage, call, args, true).then((answers) => answers.includes(true));

/**
 * What each reading tab with Backstory answers to a content call, asked from an extension page as the
 * background asks; with `untilTrue`, no tab is asked after one answers true.
 */
export function readingTabsAnswer(
  extensionPage: Tab,
  call: string,
  args: unknown[] = [],
  untilTrue = false,
): Promise<unknown[]> {
  return extensionPage.evaluate(
    async ([name, values, stop]: [string, unknown[], boolean]) => {
      type Tabs = {
        query: (q: object) => Promise<{ id?: number; url?: string }[]>;
        sendMessage: (id: number, message: object) => Promise<unknown>;
      };
      const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
      const answers: unknown[] = [];
      // Without the "tabs" permission Chromium hides addresses: ask every tab but our own pages. A tab
      // without our content script (a blank one) answers nothing.
      for (const tab of await tabs.query({})) {
        if (tab.id === undefined || tab.url?.includes("-extension://")) continue;
        const answer = await tabs.sendMessage(tab.id, { call: name, args: values }).then(
          (value) => ({ value }),
          () => null,
        );
        if (!answer) continue;
        answers.push(answer.value);
        if (stop && answer.value === true) break;
      }
      return answers;
    },
    [call, args, untilTrue] as [string, unknown[], boolean],
  );
}

/** Moves into the open explainer and clicks one of its buttons, as a reader does. */
export async function clickInExplainer(article: Tab, view: ExplainerView, label: string): Promise<void> {
  await article.mouseMove(view.rect.x + 20, view.rect.y + 10, 6);
  const button = await waitFor(
    () => article.revealInExplainer(label).then((seen) => seen?.buttons.find((each) => each.label === label)),
    `the explainer's "${label}" button`,
  );
  await article.click(button.x, button.y);
}

/** Clicks the open explainer's "Open in glossary". */
export const clickOpenInGlossary = (article: Tab, view: ExplainerView): Promise<void> =>
  clickInExplainer(article, view, "Open in glossary");

/**
 * The entry shown in the glossary browser the background opened at `hash` ("#entry=s-400"), read from
 * another extension page (extension pages can see each other's windows); null until it shows one.
 */
export function openedGlossaryEntry(
  extensionPage: Tab,
  hash: string,
): Promise<{ title: string; text: string } | null> {
  return extensionPage.evaluate((wanted: string) => {
    type Extension = { getViews(filter: object): Window[] };
    const { extension } = (globalThis as unknown as { chrome: { extension: Extension } }).chrome;
    const opened = extension.getViews({ type: "tab" }).find((view) => view.location.hash === wanted);
    const card = opened?.document.querySelector(".entry-preview")?.shadowRoot?.querySelector(".card");
    const title = card?.querySelector(".title")?.textContent;
    return title ? { title, text: card?.textContent ?? "" } : null;
  }, hash);
}
