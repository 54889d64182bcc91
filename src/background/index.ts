/** The background answers the popover with entry bodies; it holds no state a restart could lose. */
import browser from "webextension-polyfill";
import bodies from "../glossary/generated/bodies.json";
import maps from "../glossary/generated/maps.json";
import type { Entry } from "../glossary/schema";
import { type BackgroundCalls, type CallName, callTab, parseCall } from "../shared/messages";
import { refreshSubscriptions, SUBSCRIPTION_ALARM, UPDATE_MINUTES } from "../shared/subscriptions";
import { readerGlossaryStore } from "../shared/user-glossaries";

const entries = bodies as unknown as Record<string, Entry>;
const mapSvgs: Record<string, string> = maps;

const readerGlossaries = readerGlossaryStore(browser.storage.local);

/** Each call may answer at once or later (readers' entries come from storage). */
type Handlers = {
  [K in CallName]: (
    ...args: Parameters<BackgroundCalls[K]>
  ) => ReturnType<BackgroundCalls[K]> | Promise<ReturnType<BackgroundCalls[K]>>;
};

const handlers: Handlers = {
  // Bundled entries first, then the reader's own (their ids never clash: the importer refuses that).
  getEntry: (id) => (Object.hasOwn(entries, id) ? (entries[id] as Entry) : readerGlossaries.entry(id)),
  getMap: (id) => (Object.hasOwn(mapSvgs, id) ? (mapSvgs[id] as string) : null),
  openGlossary: (id) => {
    void browser.tabs.create({
      url: browser.runtime.getURL(`src/options/index.html#entry=${encodeURIComponent(id)}`),
    });
    return null;
  },
};

browser.runtime.onMessage.addListener((message: unknown) => {
  const parsed = parseCall(message);
  if (!parsed) return undefined;
  return Promise.resolve(handlers[parsed.call](parsed.args[0]));
});

// Keyboard commands (rebindable in the browser's shortcuts settings) step through the terms of the page.
browser.commands.onCommand.addListener(async (command, tab) => {
  const target = command === "explain-next" ? "next" : command === "explain-previous" ? "previous" : null;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (target && tabId !== undefined) await callTab(tabId, "explain", target).catch(() => undefined);
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
