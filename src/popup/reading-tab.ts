/** The tab the reader is reading, and the terms Backstory found in it. */
import browser from "webextension-polyfill";
import { callTab, type FoundTerm } from "../shared/messages";

export interface ReadingTab {
  tabId: number;
  terms: FoundTerm[];
}

/**
 * The active tab when this is the toolbar popup. When the popup page is open in a tab of its own
 * (as tests and some readers do), the most recently used other tab where Backstory is running.
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
      return { tabId: tab.id, terms: await callTab(tab.id, "listTerms") };
    } catch {
      // No Backstory in that tab (a browser page, or switched off): try the next.
    }
  }
  return null;
}
