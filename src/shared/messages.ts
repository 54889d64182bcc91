/**
 * Every message the background answers, written as function signatures. Senders call
 * callBackground("getEntry", id) and get a typed promise; the background drops anything unknown.
 */

import type { PageScanAnswer } from "../engine/text-scan";
import type { Entry } from "../glossary/schema";
import { extension } from "./extension";

export interface BackgroundCalls {
  /**
   * The terms and context words in some of a page's texts (see text-scan.ts), found with the index
   * pages mark with (the bundled glossary, combined with the reader's own when they have one) as of
   * `published`, the page's date (YYYY-MM-DD) when it says: some aliases name an entry only in
   * articles of a period (see alias-periods.ts). With them come the rows of the entries found that
   * are not among `held`, the numbers of those the page holds. Null when `version` (see indexVersion)
   * is not the background's any more: the page's entry numbers would not be its; a page that holds
   * none sends null. A page sends its text rather than match it itself: the matcher would run cold
   * in every tab, and here it is compiled once and kept fast.
   */
  scanTexts(
    texts: string[],
    published: string | null,
    version: string | null,
    held: number[],
  ): PageScanAnswer | null;
  /** The full entry for the popover, or null when no entry has that id. */
  getEntry(id: string): Entry | null;
  /**
   * The titles of the entries with these ids (a card's related entries), of those the glossary holds.
   * A page holds only the entries found on it.
   */
  getTitles(ids: string[]): Record<string, string>;
  /** The locator map (SVG markup made at build time) for a place entry, or null. */
  getMap(id: string): string | null;
  /** Opens the options page's glossary browser at an entry, in a new tab. */
  openGlossary(id: string): null;
}

/** A term found on the page, for the popup's list. */
export interface FoundTerm {
  id: string;
  title: string;
  /** How often it occurs in the article. */
  count: number;
}

/** What the toolbar popup and the keyboard commands ask of the content script in a tab. */
export interface ContentCalls {
  /** The terms on the page, in reading order. */
  listTerms(): Promise<FoundTerm[]>;
  /** Scrolls to a term and opens its explainer with focus in it: by id, or the next/previous in reading order. */
  explain(target: string): boolean;
  /** The page's host name, answered even where Backstory is off, so the popup and commands can toggle the site. */
  hostname(): string;
  /** The date the page says it was published (see article-date.ts), or null: the context menu reads a selection as of it. */
  publishedDate(): string | null;
  /** Opens the explainer for an entry anchored on the reader's selection (the context menu); false if none. */
  explainSelection(id: string): Promise<boolean>;
}

/**
 * A selection as the context menu looks it up, in the background and in the page: its first 200
 * characters, white space made single.
 */
export const selectionText = (text: string): string => text.trim().replace(/\s+/g, " ").slice(0, 200);

export type CallName = keyof BackgroundCalls;
export type Call = { [K in CallName]: { call: K; args: Parameters<BackgroundCalls[K]> } }[CallName];

export function callBackground<K extends CallName>(
  call: K,
  ...args: Parameters<BackgroundCalls[K]>
): Promise<ReturnType<BackgroundCalls[K]>> {
  return extension.runtime.sendMessage({ call, args });
}

export type ContentCall = {
  [K in keyof ContentCalls]: { call: K; args: Parameters<ContentCalls[K]> };
}[keyof ContentCalls];

export function callTab<K extends keyof ContentCalls>(
  tabId: number,
  call: K,
  ...args: Parameters<ContentCalls[K]>
): Promise<Awaited<ReturnType<ContentCalls[K]>>> {
  return extension.tabs.sendMessage(tabId, { call, args });
}

export function parseContentCall(message: unknown): ContentCall | undefined {
  if (typeof message !== "object" || message === null) return undefined;
  const { call, args } = message as { call?: unknown; args?: unknown };
  if (!Array.isArray(args)) return undefined;
  if (call === "listTerms") return { call, args: [] };
  if (call === "explain" && typeof args[0] === "string") return { call, args: [args[0]] };
  if (call === "hostname" || call === "publishedDate") return { call, args: [] };
  if (call === "explainSelection" && typeof args[0] === "string") return { call, args: [args[0]] };
  return undefined;
}

/** A date as parsePublished gives it, or null (schema.ts's FULL_DATE would bring valibot to every page). */
const publishedFrom = (value: unknown): string | null =>
  typeof value === "string" && /^\d{4}-\d\d-\d\d$/.test(value) ? value : null;

/** An array whose every item passes `isItem`, with no holes (`every` would pass over them). */
function isListOf<T>(value: unknown, isItem: (item: unknown) => boolean): value is T[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!isItem(value[i])) return false;
  return true;
}

const isTextList = (value: unknown) => isListOf<string>(value, (item) => typeof item === "string");
/** Entry numbers: whole numbers, none negative. */
const isNumberList = (value: unknown) =>
  isListOf<number>(value, (item) => Number.isInteger(item) && (item as number) >= 0);

/** Narrows an incoming message to a known call, checking the argument types. */
export function parseCall(message: unknown): Call | undefined {
  if (typeof message !== "object" || message === null) return undefined;
  const { call, args } = message as { call?: unknown; args?: unknown };
  if (!Array.isArray(args)) return undefined;
  if (
    call === "scanTexts" &&
    isTextList(args[0]) &&
    (typeof args[2] === "string" || args[2] === null) &&
    isNumberList(args[3])
  )
    return { call, args: [args[0], publishedFrom(args[1]), args[2], args[3]] };
  if (call === "getEntry" && typeof args[0] === "string") return { call, args: [args[0]] };
  if (call === "getTitles" && isTextList(args[0])) return { call, args: [args[0]] };
  if (call === "getMap" && typeof args[0] === "string") return { call, args: [args[0]] };
  if (call === "openGlossary" && typeof args[0] === "string") return { call, args: [args[0]] };
  return undefined;
}
