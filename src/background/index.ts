/**
 * The background finds the terms in the text pages send, and hands them the entries found and the
 * popover entry bodies. It holds no state a restart could lose: the page index it keeps is made
 * again when needed.
 */
import browser from "webextension-polyfill";
import { bundledIndex } from "../glossary/bundled";
import bodies from "../glossary/generated/bodies.json";
import maps from "../glossary/generated/maps.json";
import type { Entry } from "../glossary/schema";
import { t } from "../shared/i18n";
import { type BackgroundCalls, type Call, type CallName, callTab, parseCall } from "../shared/messages";
import { toggleSite } from "../shared/site-toggle";
import { loadSettings, saveSettings } from "../shared/storage";
import { refreshSubscriptions, SUBSCRIPTION_ALARM, UPDATE_MINUTES } from "../shared/subscriptions";
import { readerGlossaryStore } from "../shared/user-glossaries";
import { pageIndexKeeper, textScanServer, titleServer } from "./page-index";
import { selectionLookup } from "./selection";

const entries = bodies as unknown as Record<string, Entry>;
const mapSvgs: Record<string, string> = maps;

/** Opens the options page's glossary browser in a new tab at a deep link ("entry=<id>" or "search=<text>"). */
function openGlossaryAt(link: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`src/options/index.html#${link}`) });
}

const readerGlossaries = readerGlossaryStore(browser.storage.local);
/** The index pages mark with: the bundled one and the reader's own. */
const pageIndex = pageIndexKeeper(bundledIndex, readerGlossaries);

/** Each call may answer at once or later (readers' entries come from storage). */
type Handlers = {
  [K in CallName]: (
    ...args: Parameters<BackgroundCalls[K]>
  ) => ReturnType<BackgroundCalls[K]> | Promise<ReturnType<BackgroundCalls[K]>>;
};

const handlers: Handlers = {
  scanTexts: textScanServer(pageIndex),
  // Bundled entries first, then the reader's own. The importer refuses a reader's entry a built-in id,
  // but an update may bring a built-in entry with the id of one already saved: the built-in one answers.
  getEntry: (id) => (Object.hasOwn(entries, id) ? (entries[id] as Entry) : readerGlossaries.entry(id)),
  getTitles: titleServer(pageIndex),
  getMap: (id) => (Object.hasOwn(mapSvgs, id) ? (mapSvgs[id] as string) : null),
  openGlossary: (id) => {
    openGlossaryAt(`entry=${encodeURIComponent(id)}`);
    return null;
  },
};

browser.runtime.onMessage.addListener((message: unknown) => {
  const parsed = parseCall(message);
  if (!parsed) return undefined;
  // TypeScript cannot pair a union of calls with a union of handlers; parseCall checked the arguments.
  const handler = handlers[parsed.call] as (...args: Call["args"]) => unknown;
  return Promise.resolve(handler(...parsed.args));
});

// Keyboard commands (rebindable in the browser's shortcuts settings) step through the terms of the page.
browser.commands.onCommand.addListener(async (command, tab) => {
  if (command === "toggle-site") return toggleSiteIn(tab?.id);
  const target = command === "explain-next" ? "next" : command === "explain-previous" ? "previous" : null;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (target && tabId !== undefined) await callTab(tabId, "explain", target).catch(() => undefined);
});

/** Backstory off on the tab's site if it runs there, on if not (the toggle-site command). */
async function toggleSiteIn(tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  // The content script names its host, so no "tabs" permission is needed to read the tab's address.
  const host = id === undefined ? undefined : await callTab(id, "hostname").catch(() => undefined);
  if (!host) return;
  const change = toggleSite(await loadSettings(), host);
  if (change) await saveSettings(change);
}

// Selected text: explain the entry it names in the page, or search the glossary browser for it.
const MENU_ID = "explain-selection";
browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.create({ id: MENU_ID, title: t("menuExplainSelection"), contexts: ["selection"] });
  // Readers' glossaries saved by an older version are compiled again for this one.
  void readerGlossaries.upgrade().catch(() => undefined);
});

const lookUpSelection = selectionLookup(pageIndex);
browser.contextMenus.onClicked.addListener(async (info, tab) => {
  if (info.menuItemId !== MENU_ID || !info.selectionText) return;
  // As of the page's date, as its marks are (see alias-periods.ts), the reader's own entries too. The
  // page is asked, not remembered: the background forgets what it holds whenever it is stopped.
  const published = tab?.id === undefined ? null : await callTab(tab.id, "publishedDate").catch(() => null);
  const action = await lookUpSelection(info.selectionText, published ?? null);
  if ("explain" in action && tab?.id !== undefined) {
    const shown = await callTab(tab.id, "explainSelection", action.explain).catch(() => false);
    // Where Backstory is off, the entry opens in the glossary browser instead.
    if (!shown) openGlossaryAt(`entry=${encodeURIComponent(action.explain)}`);
    return;
  }
  const text = "search" in action ? action.search : info.selectionText.trim();
  openGlossaryAt(`search=${encodeURIComponent(text)}`);
});

// Subscribed glossaries are fetched again once a day; the options page fetches a new one at once.
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === SUBSCRIPTION_ALARM)
    void refreshSubscriptions(readerGlossaries, Object.keys(entries), (url, init) => fetch(url, init));
});
void browser.alarms.get(SUBSCRIPTION_ALARM).then((alarm) => {
  if (!alarm)
    void browser.alarms.create(SUBSCRIPTION_ALARM, { periodInMinutes: UPDATE_MINUTES, delayInMinutes: 1 });
});
