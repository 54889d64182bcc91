/** The background answers the popover with entry bodies; it holds no state a restart could lose. */
import browser from "webextension-polyfill";
import bodies from "../glossary/generated/bodies.json";
import maps from "../glossary/generated/maps.json";
import type { Entry } from "../glossary/schema";
import { type BackgroundCalls, callTab, parseCall } from "../shared/messages";

const entries = bodies as unknown as Record<string, Entry>;
const mapSvgs: Record<string, string> = maps;

const handlers: BackgroundCalls = {
  getEntry: (id) => (Object.hasOwn(entries, id) ? (entries[id] as Entry) : null),
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
