/**
 * How a page's text goes to the background: block by block from the roots being marked, in batches
 * of at most BATCH_CHARS characters, one batch to a message (see scanTexts).
 */
import type { Match } from "../engine/matcher";
import { BlockWalker, type TextBlock } from "../engine/text-blocks";
import { readMatches } from "../engine/text-scan";
import type { ScanTexts } from "./page-glossary";
import { Slicer } from "./slicer";

/**
 * How much text (characters) goes to the background in one message at most: the first screen's
 * marks wait for the first answer, and the background scans about a character a nanosecond once warm.
 */
const BATCH_CHARS = 32_000;

/** Gives the blocks under each root in turn, one a call; null after the last. */
export function blockReader(
  roots: readonly Element[],
  onShadowRoot: (shadow: ShadowRoot) => void,
): () => TextBlock | null {
  let next = 0;
  let walker: BlockWalker | undefined;
  return () => {
    for (;;) {
      const block = walker?.next();
      if (block) return block;
      const root = roots[next++];
      if (!root) return null;
      walker = new BlockWalker(root, undefined, onShadowRoot);
    }
  };
}

/**
 * The blocks read in one slice, at most BATCH_CHARS of text (at least one block); none at the end.
 * The clock is read every eighth block: asked for each, it cost a page read cold 2 ms a megabyte.
 */
export function readBatch(nextBlock: () => TextBlock | null, slicer: Slicer): TextBlock[] {
  const batch: TextBlock[] = [];
  let length = 0;
  for (let block = nextBlock(); block; block = nextBlock()) {
    batch.push(block);
    length += block.text.length;
    if (length >= BATCH_CHARS || (batch.length % 8 === 0 && slicer.due())) break;
  }
  return batch;
}

/**
 * The terms in the text under root, as found for marking, block by block in document order: read a
 * batch at a time in slices (a 5 MB page is not read in one task), and asked for a batch at a time;
 * null when they cannot be found.
 */
export async function findUnder(root: Element, scan: ScanTexts): Promise<Match[][] | null> {
  const slicer = new Slicer();
  const nextBlock = blockReader([root], () => undefined);
  const found: Match[][] = [];
  for (let batch = readBatch(nextBlock, slicer); batch.length > 0; batch = readBatch(nextBlock, slicer)) {
    const answer = await scan(batch.map((block) => block.text)).catch(() => null);
    if (!answer) return null;
    slicer.restart();
    for (const flat of answer.matches) found.push(readMatches(flat));
  }
  return found;
}
