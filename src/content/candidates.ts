/**
 * Where each block of a scan stands against the reader's screen, and the matches a scan keeps for
 * later, in the order they are marked: what the reader sees first.
 */
import type { Match } from "../engine/matcher";
import type { TextBlock } from "../engine/text-blocks";

/** A block of text and the matches in it. */
export interface Found {
  block: TextBlock;
  matches: Match[];
}

const ABOVE = 0;
const ON_SCREEN = 1;
const BELOW = 2;

/**
 * The matches of a scan that are not marked at once, above the screen and from it on. Blocks come in
 * document order, so a block's box is read only until one is found below the screen.
 */
export class Candidates {
  private readonly below: Found[] = [];
  private readonly above: Found[] = [];
  private readonly seenBelow = new Set<number>();
  private readonly seenAbove = new Set<number>();
  /** Every entry a match kept above the screen may stand for. */
  private readonly entriesAbove = new Set<number>();
  private place = ABOVE;

  constructor(private readonly keep: (block: TextBlock, match: Match, seen: Set<number>) => boolean) {}

  /** Whether block is on the reader's screen: its matches can be marked as soon as they are found. */
  onScreen(block: TextBlock): boolean {
    if (this.place === BELOW) return false;
    const element = block.nodes[0]?.parentElement;
    if (!element) {
      // Text at the top of a shadow tree: where it stands is not known, so it waits with those below.
      this.place = Math.max(this.place, ON_SCREEN);
      return false;
    }
    const box = element.getBoundingClientRect();
    if (this.place === ABOVE && box.bottom < 0) return false;
    this.place = box.top < innerHeight ? ON_SCREEN : BELOW;
    return this.place === ON_SCREEN;
  }

  /** Whether a block below the screen has been met: the screen's own blocks are all read. */
  get pastScreen(): boolean {
    return this.place === BELOW;
  }

  /** Keeps block's matches for later (those that may still become marks); call onScreen first. */
  add(block: TextBlock, matches: Match[]): void {
    const isBelow = this.place !== ABOVE;
    const seen = isBelow ? this.seenBelow : this.seenAbove;
    const kept = matches.filter((match) => this.keep(block, match, seen));
    if (kept.length === 0) return;
    (isBelow ? this.below : this.above).push({ block, matches: kept });
    if (!isBelow) for (const match of kept) for (const entry of match.entries) this.entriesAbove.add(entry);
  }

  /** Whether a match kept above the screen may stand for one of these entries: an earlier occurrence. */
  aboveMayBe(entries: readonly number[]): boolean {
    return entries.some((entry) => this.entriesAbove.has(entry));
  }

  /**
   * What is left to mark: in document order, or (marking every occurrence, where the cap on marks
   * may be reached) from the screen on first, then above it.
   */
  remaining(fromScreen: boolean): Found[] {
    return fromScreen ? [...this.below, ...this.above] : [...this.above, ...this.below];
  }
}
