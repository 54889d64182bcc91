/**
 * The matches a scan keeps, in the order they are marked: what the reader sees first.
 */
import type { Match } from "../engine/matcher";
import type { TextBlock } from "../engine/text-blocks";

/** A block of text and the matches in it. */
export interface Found {
  block: TextBlock;
  matches: Match[];
}

/**
 * The matches of a scan, in the order they are marked: from the first block on screen onwards, then
 * those above it, so what the reader sees is marked first. Blocks come in document order, so a block's
 * box is read only until one is found that is not above the screen.
 */
export class Candidates {
  private readonly below: Found[] = [];
  private readonly above: Found[] = [];
  private readonly seenBelow = new Set<number>();
  private readonly seenAbove = new Set<number>();
  private onScreenYet = false;

  constructor(private readonly keep: (block: TextBlock, match: Match, seen: Set<number>) => boolean) {}

  add(block: TextBlock, matches: Match[]): void {
    if (!this.onScreenYet) {
      const element = block.nodes[0]?.parentElement;
      this.onScreenYet = !element || element.getBoundingClientRect().bottom >= 0;
    }
    const seen = this.onScreenYet ? this.seenBelow : this.seenAbove;
    const kept = matches.filter((match) => this.keep(block, match, seen));
    if (kept.length > 0) (this.onScreenYet ? this.below : this.above).push({ block, matches: kept });
  }

  fromViewport(): Found[] {
    return [...this.below, ...this.above];
  }
}
