/**
 * The index pages are marked with: the bundled index combined with the reader's own, made once and
 * kept until the reader's glossaries are saved again. Pages get its entry table (getPageIndex); the
 * background finds the terms in their text with the rest (scanTexts).
 */
import { nextHash } from "../engine/compact-trie";
import { type ScanAnswer, TextScanner } from "../engine/text-scan";
import { indexOnDate, periodKey, today } from "../glossary/alias-periods";
import { combineIndexes } from "../glossary/combine-index";
import type { CompiledIndex } from "../glossary/compile";
import {
  entryTableTexts,
  INDEX_PIECE,
  type IndexPiece,
  type PackedIndex,
  packTexts,
} from "../shared/index-wire";

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
 * Which entries an index holds, in which order, as a short text: while a page's entry table has the
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
 * Answers getPageIndex: a piece of the current page index's entry table, packed once per index. Each
 * packing has its own number (`made`), so a page never puts pieces of two together. The count starts
 * from the clock, so numbers from before the background restarted are not given again.
 */
export function indexPieceServer(
  pageIndex: () => Promise<CompiledIndex>,
  size = INDEX_PIECE,
): (piece: number) => Promise<IndexPiece> {
  let count = Date.now();
  let packedFrom: CompiledIndex | undefined;
  let packing: { made: number; pieces: PackedIndex } | undefined;
  return async (piece) => {
    const index = await pageIndex();
    if (packedFrom !== index || !packing) {
      packedFrom = index;
      packing = { made: ++count, pieces: packTexts(entryTableTexts(index.entries), size) };
    }
    const { made, pieces } = packing;
    return { made, version: indexVersion(index), pieces: pieces.length, parts: pieces[piece] ?? [] };
  };
}

/**
 * Answers scanTexts: the terms and context words in a page's texts, found with the current page
 * index as a page published on `published` (or, when it does not say, today) reads it. Null when
 * the page's entries are from another version of the index (the reader saved their glossaries since
 * the page loaded it): the page's entry numbers would not be the background's. One scanner per
 * period, kept for the next texts: its matcher gets faster the more it runs.
 */
export function textScanServer(
  pageIndex: () => Promise<CompiledIndex>,
): (texts: string[], published: string | null, version: string) => Promise<ScanAnswer | null> {
  let scannedWith: CompiledIndex | undefined;
  let scanners = new Map<string, TextScanner>();
  return async (texts, published, version) => {
    const index = await pageIndex();
    if (indexVersion(index) !== version) return null;
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
    return scanner.scan(texts);
  };
}
