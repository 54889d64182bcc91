/**
 * The index pages are marked with: the bundled index combined with the reader's own, made once and
 * kept until the reader's glossaries are saved again. The background finds the terms in pages' text
 * with it, and sends each page the rows of the entries on it (scanTexts).
 */
import { nextHash } from "../engine/compact-trie";
import { newRows, type PageScanAnswer, TextScanner } from "../engine/text-scan";
import { indexOnDate, periodKey, today } from "../glossary/alias-periods";
import { combineIndexes } from "../glossary/combine-index";
import type { CompiledIndex } from "../glossary/compile";
import { entryNumber, entryTitle } from "../glossary/entry-table";

export interface ReaderIndexSource {
  /** Changes with every save of the reader's glossaries. */
  stamp(): Promise<unknown>;
  /** The reader's compiled index, or null when they have none. */
  loadIndex(): Promise<CompiledIndex | null>;
}

/** A combined index, and the save of the reader's glossaries it was made from. */
interface Kept {
  stamp: unknown;
  index: Promise<CompiledIndex>;
}

const versions = new WeakMap<CompiledIndex, string>();

/**
 * Which entries an index holds, in which order, as a short text: while a page's entries come from the
 * same version as the index the background scans with, their entry numbers agree (see textScanServer).
 * Read from the entries themselves, so it is the same after the background restarts, and differs
 * whenever the reader's glossaries are saved with other entries, whatever storage did meanwhile.
 */
function indexVersion(index: CompiledIndex): string {
  let version = versions.get(index);
  if (version === undefined) {
    const { count, ids } = index.entries;
    let hash = 0;
    for (let i = 0; i < ids.length; i++) hash = nextHash(hash, ids.charCodeAt(i));
    version = `${count}-${ids.length}-${hash >>> 0}`;
    versions.set(index, version);
  }
  return version;
}

/** Returns the function that gives the index pages mark with. */
export function pageIndexKeeper(
  bundled: CompiledIndex,
  reader: ReaderIndexSource,
): () => Promise<CompiledIndex> {
  let kept: Kept | null = null;
  return async () => {
    const stamp = await reader.stamp().catch(() => undefined);
    if (!kept || kept.stamp !== stamp) {
      const made: Kept = {
        stamp,
        index: reader.loadIndex().then(
          (own) => (own ? combinedOrBundled(bundled, own) : bundled),
          () => {
            // Storage failed: the bundled glossary still works, and the next page asks again.
            if (kept === made) kept = null;
            return bundled;
          },
        ),
      };
      kept = made;
    }
    return kept.index;
  };
}

/**
 * The two combined; the bundled index alone when the reader's would not combine (damaged in storage).
 * That is kept until the reader saves again: reading a large index from storage for every page
 * would only fail the same way.
 */
function combinedOrBundled(bundled: CompiledIndex, own: CompiledIndex): CompiledIndex {
  try {
    return combineIndexes(bundled, own);
  } catch {
    return bundled;
  }
}

/** How many scanners the background keeps, one per period pages asked for (pages of many years at once are rare). */
const KEEP_SCANNERS = 4;

/**
 * Answers scanTexts: the terms and context words in a page's texts, found with the current page
 * index as a page published on `published` (or, when it does not say, today) reads it, and the rows
 * of the entries found that the page does not hold. Null when the page's entries are from another
 * version of the index (the reader saved their glossaries since): the page's entry numbers would
 * not be the background's. One scanner per period, kept for the next texts: its matcher gets
 * faster the more it runs.
 */
export function textScanServer(
  pageIndex: () => Promise<CompiledIndex>,
): (
  texts: string[],
  published: string | null,
  version: string | null,
  held: number[],
) => Promise<PageScanAnswer | null> {
  let scannedWith: CompiledIndex | undefined;
  let scanners = new Map<string, TextScanner>();
  return async (texts, published, version, held) => {
    const index = await pageIndex();
    const current = indexVersion(index);
    if (version !== null && version !== current) return null;
    if (scannedWith !== index) {
      scannedWith = index;
      scanners = new Map();
    }
    const date = published ?? today();
    const key = periodKey(index, date);
    let scanner = scanners.get(key);
    scanners.delete(key); // set again below: last used, last dropped
    if (!scanner) {
      scanner = new TextScanner(indexOnDate(index, date));
      if (scanners.size >= KEEP_SCANNERS) scanners.delete(scanners.keys().next().value as string);
    }
    scanners.set(key, scanner);
    const answer = scanner.scan(texts);
    return { ...answer, version: current, rows: newRows(index.entries, answer.matches, new Set(held)) };
  };
}

/** Answers getTitles: the titles of the entries with these ids in the current page index. */
export function titleServer(
  pageIndex: () => Promise<CompiledIndex>,
): (ids: string[]) => Promise<Record<string, string>> {
  return async (ids) => {
    const { entries } = await pageIndex();
    const titles: Record<string, string> = {};
    for (const id of ids) {
      const title = entryTitle(entries, entryNumber(entries, id));
      if (title !== undefined) titles[id] = title;
    }
    return titles;
  };
}
