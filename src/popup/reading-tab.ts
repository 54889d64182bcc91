/** The tab the reader is reading, its site, and the terms Backstory found in it. */
import browser from "webextension-polyfill";
import { callTab, type FoundTerm } from "../shared/messages";

export interface ReadingTab {
  tabId: number;
  /** The page's host name, as its content script reports it. */
  host: string;
  /** Empty where Backstory is off on the page. */
  terms: FoundTerm[];
}

/**
 * The active tab when this is the toolbar popup. When the popup page is open in a tab of its own
 * (as tests and some readers do), the most recently used other tab where the content script runs.
 */
export async function findReadingTab(): Promise<ReadingTab | null> {
  const self = await browser.tabs.getCurrent();
  const tabs = self
    ? (await browser.tabs.query({ currentWindow: true }))
        .filter((tab) => tab.id !== self.id)
        .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
    : await browser.tabs.query({ active: true, currentWindow: true });
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      const host = await callTab(tab.id, "hostname");
      if (typeof host !== "string") continue;
      // Where Backstory is off on the page, nothing answers for its terms.
      const terms = await callTab(tab.id, "listTerms").catch(() => []);
      return { tabId: tab.id, host, terms: Array.isArray(terms) ? terms : [] };
    } catch {
      // No content script in that tab (a browser page, a store page): try the next.
    }
  }
  return null;
}
