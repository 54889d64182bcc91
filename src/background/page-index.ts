/**
 * The index pages mark with (see getPageIndex): the bundled index combined with the reader's own,
 * made once and kept until the reader's glossaries are saved again.
 */
import { combineIndexes } from "../glossary/combine-index";
import type { CompiledIndex } from "../glossary/compile";
import { INDEX_PIECE, type IndexPiece, indexTexts, packTexts } from "../shared/index-wire";

export interface ReaderIndexSource {
  /** Changes with every save of the reader's glossaries. */
  stamp(): Promise<unknown>;
  /** The reader's compiled index, or null when they have none. */
  loadIndex(): Promise<CompiledIndex | null>;
}

/** The index pages mark with, and which one it is: `made` counts the indexes the keeper made. */
export interface PageIndex {
  made: number;
  index: CompiledIndex;
}

/** A combined index, and the save of the reader's glossaries it was made from. */
interface Kept {
  stamp: unknown;
  made: number;
  index: Promise<CompiledIndex>;
}

/** Returns the function getPageIndex's answers come from. */
export function pageIndexKeeper(bundled: CompiledIndex, reader: ReaderIndexSource): () => Promise<PageIndex> {
  let kept: Kept | null = null;
  let count = 0;
  return async () => {
    const stamp = await reader.stamp().catch(() => undefined);
    if (!kept || kept.stamp !== stamp) {
      const made: Kept = {
        stamp,
        made: ++count,
        index: reader
          .loadIndex()
          .then((own) => (own ? combineIndexes(bundled, own) : bundled))
          .catch(() => {
            // Storage failed, or held an index that would not combine: the bundled glossary still
            // works, and the next page asks again.
            if (kept === made) kept = null;
            return bundled;
          }),
      };
      kept = made;
    }
    return { made: kept.made, index: await kept.index };
  };
}

/** Answers getPageIndex: a piece of the current page index, packed once per index. */
export function indexPieceServer(
  pageIndex: () => Promise<PageIndex>,
): (piece: number) => Promise<IndexPiece> {
  let packed: { made: number; pieces: IndexPiece["parts"][] } = { made: 0, pieces: [] };
  return async (piece) => {
    const { made, index } = await pageIndex();
    if (packed.made !== made) packed = { made, pieces: packTexts(indexTexts(index), INDEX_PIECE) };
    return { made, pieces: packed.pieces.length, parts: packed.pieces[piece] ?? [] };
  };
}
