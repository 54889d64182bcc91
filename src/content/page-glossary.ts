/**
 * The glossary a page is marked with: the bundled index joined with the reader's own when they have
 * one, as the background holds it (see getPageIndex). Loaded once per page and again only when the
 * reader's glossaries change.
 */
import type { ScanAnswer } from "../engine/text-scan";
import type { CompiledIndex } from "../glossary/compile";
import { extension } from "../shared/extension";
import { type IndexPiece, indexFromTexts, unpackTexts } from "../shared/index-wire";
import { callBackground } from "../shared/messages";
import { watchReaderGlossaries } from "../shared/user-glossaries";
import { yieldToPage } from "./slicer";

export interface PageGlossary {
  index: CompiledIndex;
  /** Finds the terms in some of the page's texts (see scanTexts); null once the index is out of date. */
  scan: ScanTexts;
}

export type ScanTexts = (texts: string[]) => Promise<ScanAnswer | null>;

/** An index as a page receives it, and which glossaries it is made of (see IndexPiece). */
export interface ReceivedIndex {
  index: CompiledIndex;
  version: string;
}

let current: Promise<PageGlossary> | null = null;
/** The date current is for: a page that tells its date only once parsed asks again. */
let currentDate: string | null | undefined;

/** The glossary for a page published on `published` (YYYY-MM-DD), or, when it does not say, today. */
export function pageGlossary(published: string | null): Promise<PageGlossary> {
  if (published !== currentDate) current = null;
  currentDate = published;
  // A failed load is not kept: the next session (a settings change, say) tries again.
  current ??= load(published).catch((error: unknown) => {
    current = null;
    throw error;
  });
  return current;
}

/** Calls back after the reader's glossaries changed, with the next pageGlossary() loading them afresh. */
export function watchPageGlossary(callback: () => void, signal: AbortSignal): void {
  const changed = () => {
    current = null;
    callback();
  };
  watchReaderGlossaries(extension.storage.onChanged, changed, signal);
}

async function load(published: string | null): Promise<PageGlossary> {
  const { index, version } = await askForPageIndex(published);
  return { index, scan: (texts) => askToScan(texts, published, version) };
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
 * The page index, from the background, for the day the article was published (some aliases name
 * an entry only in articles of a period). Right after the browser starts, a restored tab can ask
 * before the background listens ("Receiving end does not exist"): ask again for a few seconds. So it
 * does when the reader's glossaries changed while the pieces came.
 */
async function askForPageIndex(published: string | null): Promise<ReceivedIndex> {
  let failure: unknown = new Error("The glossary index kept changing.");
  for (let wait = 100; wait <= 3200; wait *= 2) {
    try {
      const index = await receiveIndex((piece) => callBackground("getPageIndex", piece, published));
      if (index) return index;
    } catch (error) {
      failure = error;
    }
    await new Promise((done) => setTimeout(done, wait));
  }
  throw failure;
}

export type AskForPiece = (piece: number) => Promise<IndexPiece | undefined>;

/**
 * The page index, asked for piece by piece (see index-wire.ts): the first piece says how many there
 * are. Null when they were not all from one index. No task takes in more than one piece, joins more
 * than one long text, or reads the rest.
 */
export async function receiveIndex(ask: AskForPiece): Promise<ReceivedIndex | null> {
  const received = await receiveParts(ask);
  if (!received) return null;
  const { parts, version } = received;
  const long = parts.some((text) => text.length > 1);
  const texts: string[] = [];
  // Each text's parts are let go of once joined, so the page never holds a long index twice.
  for (let text = parts.shift(); text; text = parts.shift()) {
    // Joining a long text takes Chromium 10-30 ms: each in a task of its own.
    if (text.length > 1) await yieldToPage();
    texts.push(text.join(""));
  }
  if (long) await yieldToPage();
  const index = indexFromTexts(texts);
  // The page is marked in a task of its own.
  if (long) await yieldToPage();
  return { index, version };
}

/** Each text's parts, from every piece (see unpackTexts); the pieces themselves are let go of here. */
async function receiveParts(ask: AskForPiece): Promise<{ parts: string[][]; version: string } | undefined> {
  const first = await ask(0);
  const rest = Array.from({ length: (first?.pieces ?? 1) - 1 }, (_, n) => ask(n + 1));
  const parts = unpackTexts([first, ...(await Promise.all(rest))]);
  return parts && first ? { parts, version: first.version } : undefined;
}
