/**
 * The glossary a page is marked with: the bundled index joined with the reader's own when they have
 * one, as the background holds it. A page holds only its entry table (see getPageIndex), loaded once
 * per page and again only when the reader's glossaries change; the background finds the terms in its
 * text (see scanTexts).
 */
import type { ScanAnswer } from "../engine/text-scan";
import type { EntryColumns } from "../glossary/entry-table";
import { extension } from "../shared/extension";
import { entryTableFromTexts, type IndexPiece, unpackTexts } from "../shared/index-wire";
import { callBackground } from "../shared/messages";
import { watchReaderGlossaries } from "../shared/user-glossaries";
import { yieldToPage } from "./slicer";

export interface PageGlossary {
  entries: EntryColumns;
  /** Finds the terms in some of the page's texts (see scanTexts); null once the entries are out of date. */
  scan: ScanTexts;
}

export type ScanTexts = (texts: string[]) => Promise<ScanAnswer | null>;

/** An entry table as a page receives it, and which glossaries it is made of (see IndexPiece). */
export interface ReceivedTable {
  entries: EntryColumns;
  version: string;
}

let current: Promise<ReceivedTable> | null = null;
/** Told when the page's entries are out of date (see watchPageGlossary). */
let outOfDate: (() => void) | null = null;
/** Versions the background answered null to: a page loads the entries again once for each. */
const refused = new Set<string>();

/** The glossary for a page published on `published` (YYYY-MM-DD), or, when it does not say, today. */
export async function pageGlossary(published: string | null): Promise<PageGlossary> {
  // A failed load is not kept: the next session (a settings change, say) tries again.
  current ??= askForEntryTable().catch((error: unknown) => {
    current = null;
    throw error;
  });
  const { entries, version } = await current;
  const scan = async (texts: string[]) => {
    const answer = await askToScan(texts, published, version);
    // The background's entries are not these any more, with no change of the reader's glossaries
    // seen here (its storage failed a moment, say): load them again and start afresh.
    if (answer === null && !refused.has(version)) {
      refused.add(version);
      current = null;
      outOfDate?.();
    }
    return answer;
  };
  return { entries, scan };
}

/**
 * Calls back after the reader's glossaries changed, or the background's entries turned out not to be
 * the page's, with the next pageGlossary() loading them afresh.
 */
export function watchPageGlossary(callback: () => void, signal: AbortSignal): void {
  const changed = () => {
    current = null;
    callback();
  };
  outOfDate = callback;
  signal.addEventListener("abort", () => {
    if (outOfDate === callback) outOfDate = null;
  });
  watchReaderGlossaries(extension.storage.onChanged, changed, signal);
}

/**
 * The terms in texts, found by the background. It may be restarting (Chromium stops an idle one):
 * ask again for a few seconds before giving up on these texts.
 */
async function askToScan(
  texts: string[],
  published: string | null,
  version: string,
): Promise<ScanAnswer | null> {
  for (let wait = 100; ; wait *= 2) {
    try {
      return await callBackground("scanTexts", texts, published, version);
    } catch (error) {
      if (wait > 3200) throw error;
    }
    await new Promise((done) => setTimeout(done, wait));
  }
}

/**
 * The entry table, from the background. Right after the browser starts, a restored tab can ask
 * before the background listens ("Receiving end does not exist"): ask again for a few seconds. So it
 * does when the reader's glossaries changed while the pieces came.
 */
async function askForEntryTable(): Promise<ReceivedTable> {
  let failure: unknown = new Error("The glossary index kept changing.");
  for (let wait = 100; wait <= 3200; wait *= 2) {
    try {
      const table = await receiveEntryTable((piece) => callBackground("getPageIndex", piece));
      if (table) return table;
    } catch (error) {
      failure = error;
    }
    await new Promise((done) => setTimeout(done, wait));
  }
  throw failure;
}

export type AskForPiece = (piece: number) => Promise<IndexPiece | undefined>;

/**
 * The entry table, asked for piece by piece (see index-wire.ts): the first piece says how many there
 * are. Null when they were not all from one packing. No task takes in more than one piece, joins more
 * than one long text, or reads the rest.
 */
export async function receiveEntryTable(ask: AskForPiece): Promise<ReceivedTable | null> {
  const received = await receiveParts(ask);
  if (!received) return null;
  const { parts, version } = received;
  const long = parts.some((text) => text.length > 1);
  const texts: string[] = [];
  // Each text's parts are let go of once joined, so the page never holds a long table twice.
  for (let text = parts.shift(); text; text = parts.shift()) {
    // Joining a long text takes Chromium 10-30 ms: each in a task of its own.
    if (text.length > 1) await yieldToPage();
    texts.push(text.join(""));
  }
  if (long) await yieldToPage();
  const entries = entryTableFromTexts(texts);
  // The page is marked in a task of its own.
  if (long) await yieldToPage();
  return { entries, version };
}

/** Each text's parts, from every piece (see unpackTexts); the pieces themselves are let go of here. */
async function receiveParts(ask: AskForPiece): Promise<{ parts: string[][]; version: string } | undefined> {
  const first = await ask(0);
  const rest = Array.from({ length: (first?.pieces ?? 1) - 1 }, (_, n) => ask(n + 1));
  const parts = unpackTexts([first, ...(await Promise.all(rest))]);
  return parts && first ? { parts, version: first.version } : undefined;
}
