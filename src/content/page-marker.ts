/**
 * Marks a page and keeps its marks right while the page changes. Work runs in slices of a few
 * milliseconds so no task is long, starting from what is on screen; changes (infinite scroll, live
 * blogs, single-page apps) are rescanned in batches, and marks whose text changed are dropped or redone.
 */
import { ContextWords, isIntact, type Mark, MarkSet, markFor } from "../engine/marks";
import type { Match } from "../engine/matcher";
import { blockOf, containsAcross, isInsideSkipped, parentOf } from "../engine/page-elements";
import { locate, type TextBlock } from "../engine/text-blocks";
import { readMatches } from "../engine/text-scan";
import { Candidates } from "./candidates";
import { MarkDrawing } from "./mark-drawing";
import { addsOrRemovesWholeBlocks, isOurOwn } from "./page-changes";
import type { PageEntries, ScanTexts } from "./page-glossary";
import { forcedColors } from "./page-tone";
import { Slicer, yieldToPage } from "./slicer";
import { blockReader, readBatch } from "./text-batches";

export const HIGHLIGHT = "backstory";
/** The term under the pointer, or the one whose explainer is open (see index.ts). */
export const HIGHLIGHT_ACTIVE = "backstory-active";

/** Each marking style is its own highlight name, styled in highlights.css ("none" draws nothing). */
export const HIGHLIGHT_FOR_STYLE = {
  dotted: HIGHLIGHT,
  solid: "backstory-solid",
  tint: "backstory-tint",
  none: "backstory-none",
} as const;
const BATCH_MS = 150;
/**
 * How long after marking the whole page for want of a story a page may still render one that is then
 * marked instead. Not for ever: a feed whose items are <article>s would then shrink, later on, to the
 * one item that came first.
 */
const STORY_WAIT_MS = 10_000;
/** With every occurrence marked, an endless page must not grow our memory without end. */
const MAX_MARKS = 3000;

export interface MarkerOptions {
  firstOnly: boolean;
  /** Where to look: the article body, or the whole page. */
  findRoot: () => Element | null;
  /** The highlight name the marks are drawn under (see HIGHLIGHT_FOR_STYLE); "backstory" by default. */
  highlight?: string;
  /** Entries the reader chose not to see marked (hidden entries and categories). */
  skip?: (entry: number) => boolean;
  /** Called once the marks on text the page removed or rewrote are dropped, to let go of any left elsewhere. */
  onDropped?: () => void;
}

export class PageMarker {
  readonly marks = new MarkSet();
  private readonly drawing: MarkDrawing;
  readonly context: ContextWords;
  private readonly firstMark = new Map<number, Mark>();
  private readonly dirty = new Set<Element>();
  root: Element | null = null;
  /** When the root was chosen (performance.now()). */
  private rootChosenAt = 0;
  private batchTimer = 0;
  /** Whether the page changed since the last rescan (removals alone dirty no block). */
  private changed = false;
  /** Whether a match was found on text the page has changed since (see consider). */
  private readAllAgain = false;
  /** Scans run one after another: one still marking when the next starts would mark twice. */
  private queue: Promise<void> = Promise.resolve();
  private readonly observer = new MutationObserver((records) => this.noteChanges(records));
  /** Open shadow roots met while walking: the observer on the document does not see into them. */
  private readonly watched = new WeakSet<ShadowRoot>();

  constructor(
    entries: PageEntries,
    private readonly scanTexts: ScanTexts,
    private readonly options: MarkerOptions,
    private readonly signal: AbortSignal,
  ) {
    this.context = new ContextWords(entries);
    const name = options.highlight ?? HIGHLIGHT;
    const highlight = new Highlight();
    this.drawing = new MarkDrawing(highlight);
    // In forced colours Chromium paints every registered highlight in the system's selection colours,
    // whatever highlights.css says: marks meant to show only under the pointer would cover every term.
    // They are kept for the pointer all the same.
    if (name !== HIGHLIGHT_FOR_STYLE.none || !forcedColors()) CSS.highlights.set(name, highlight);
    this.watch(document);
    signal.addEventListener("abort", () => {
      this.observer.disconnect();
      clearTimeout(this.batchTimer);
      this.drawing.disconnect();
      CSS.highlights.delete(name);
    });
  }

  private watch(target: Document | ShadowRoot): void {
    this.observer.observe(target, { childList: true, subtree: true, characterData: true });
  }

  private readonly onShadowRoot = (shadow: ShadowRoot): void => {
    if (this.watched.has(shadow) || this.signal.aborted) return;
    this.watched.add(shadow);
    this.watch(shadow);
  };

  markAll(): Promise<void> {
    this.queue = this.queue.then(() => this.scanAll());
    return this.queue;
  }

  private async scanAll(): Promise<void> {
    this.root = this.options.findRoot();
    this.rootChosenAt = performance.now();
    if (!this.root) return;
    // Choosing the root queries the whole page, which takes a while on a huge one: the page has its
    // turn before the reading starts, so the two are never one long task.
    await yieldToPage();
    if (!this.signal.aborted) await this.scan(this.root);
  }

  /**
   * Reads the text under the roots and has the background find the terms and context words in it, a
   * batch of blocks at a time (see scanTexts). What is on screen is marked as its answer comes and
   * drawn before the rest is read; the rest is marked once the whole text is read. Marking each
   * entry once, that is its first occurrence in the page, wherever the reader is scrolled.
   */
  private async scan(...roots: Element[]): Promise<void> {
    const slicer = new Slicer();
    const found = new Candidates((block, match, seen) => this.worthKeeping(block, match, seen));
    let markedOnScreen = false;
    // The blocks of every root go in the same batches: a rescan may have a hundred small roots.
    const nextBlock = blockReader(roots, this.onShadowRoot);
    for (let batch = readBatch(nextBlock, slicer); batch.length > 0; batch = readBatch(nextBlock, slicer)) {
      const answer = await this.scanTexts(batch.map((block) => block.text)).catch(() => null);
      // No answer: the background's entries are not the page's (the page is marked afresh with its
      // new ones, see pageGlossary) or the background is gone (the extension was updated or removed).
      if (this.signal.aborted || !answer) return;
      slicer.restart();
      this.context.note(answer.words);
      for (let i = 0; i < batch.length; i++) {
        const block = batch[i] as TextBlock;
        const flat = answer.matches[i];
        if (!flat || flat.length === 0) continue;
        const matches = readMatches(flat);
        const onScreen = found.onScreen(block);
        const later = onScreen ? matches.filter((match) => !this.markNow(block, match, found)) : matches;
        if (later.length > 0) found.add(block, later);
        markedOnScreen ||= onScreen && later.length < matches.length;
        if (markedOnScreen && found.pastScreen) {
          markedOnScreen = false;
          await slicer.draw();
          if (this.signal.aborted) return;
        }
        if (slicer.due()) {
          await slicer.pause();
          if (this.signal.aborted) return;
        }
      }
    }
    for (const { block, matches } of found.remaining(!this.options.firstOnly)) {
      for (const match of matches) this.consider(block, match);
      if (slicer.due()) {
        await slicer.pause();
        if (this.signal.aborted) return;
      }
    }
  }

  /**
   * Marks a match on screen at once, unless which entry it is hangs on context words the rest of the
   * page may still hold, or (marking each entry once) the page may hold it earlier, above the screen:
   * then it waits until the whole text is read. So the marks are the same wherever the reader is
   * scrolled when the page is marked, or marked again after a change of settings.
   */
  private markNow(block: TextBlock, match: Match, found: Candidates): boolean {
    const entries = this.unskipped(match.entries);
    if (!this.context.settled(entries)) return false;
    if (this.options.firstOnly && found.aboveMayBe(entries)) return false;
    this.consider(block, match);
    return true;
  }

  private consider(block: TextBlock, match: Match): void {
    const entry = this.choose(match.entries);
    if (entry === undefined || this.marks.size >= MAX_MARKS) return;
    if (this.options.firstOnly && this.firstMark.has(entry)) return;
    const mark = markFor(block, match, entry);
    // The page changed the text while the background was reading it: the match is not on these
    // words. Marking each entry once, its other occurrences may have been let go for this one, so the
    // rescan the change brings reads the whole root again.
    if (!isIntact(mark)) {
      this.readAllAgain = true;
      return;
    }
    if (!isVisible(mark.nodes[0])) return;
    this.marks.add(mark);
    this.drawing.add(mark);
    if (!this.firstMark.has(entry)) this.firstMark.set(entry, mark);
  }

  /**
   * Whether a match found in the scan can still become a mark. Marking each entry once, only its
   * first match above the screen and its first from the screen on can (the one above is marked if
   * there is one); the rest are let go at once, so a long page is not held in memory until it is
   * marked. A match whose entry hangs on context words is kept: which entry it is may only be known
   * once the whole page is read.
   */
  private worthKeeping(block: TextBlock, match: Match, seen: Set<number>): boolean {
    if (!this.options.firstOnly || match.entries.length !== 1 || this.context.rules(match.entries))
      return true;
    const entry = match.entries[0] as number;
    if (seen.has(entry) || this.firstMark.has(entry) || !isVisible(locate(block, match.start).node))
      return false;
    seen.add(entry);
    return true;
  }

  /** The entry a match stands for on this page, leaving out those the reader hid; undefined for none. */
  choose(candidates: readonly number[]): number | undefined {
    return this.context.choose(this.unskipped(candidates));
  }

  private unskipped(candidates: readonly number[]): readonly number[] {
    const skip = this.options.skip;
    return skip ? candidates.filter((entry) => !skip(entry)) : candidates;
  }

  private drop(mark: Mark): void {
    this.marks.remove(mark);
    this.drawing.delete(mark);
    if (this.firstMark.get(mark.entry) === mark) this.firstMark.delete(mark.entry);
  }

  private noteChanges(records: MutationRecord[]): void {
    for (const record of records) {
      if (isOurOwn(record)) continue;
      this.changed = true;
      if (addsOrRemovesWholeBlocks(record)) {
        // An item added to a feed or a view swapped in: read what came, not the whole container.
        for (const node of record.addedNodes)
          if (node.nodeType === Node.ELEMENT_NODE) this.dirty.add(node as Element);
        continue;
      }
      const block = blockOf(record.target);
      if (block) this.dirty.add(block);
    }
    if (this.changed && this.batchTimer === 0) {
      this.batchTimer = window.setTimeout(() => {
        this.batchTimer = 0;
        this.queue = this.queue.then(() => this.rescan());
      }, BATCH_MS);
    }
  }

  private async rescan(): Promise<void> {
    if (this.signal.aborted) return;
    this.changed = false;
    const changed = [...this.dirty];
    this.dirty.clear();
    // The page swapped its content wholesale (a single-page-app navigation), or the story a page
    // lacked when it was marked is there now: a page still parsing has parsed it (we started early on
    // a page held up mid-parse), or a page that renders its story after loading has rendered it (the
    // whole page was marked for want of one). Start again.
    const lacked =
      document.readyState === "loading" ||
      (this.root === document.body && performance.now() - this.rootChosenAt < STORY_WAIT_MS);
    const moved = lacked && this.options.findRoot() !== this.root;
    if (!this.root?.isConnected || moved) {
      for (const mark of this.marks.unordered()) this.drop(mark);
      this.options.onDropped?.();
      await this.scanAll();
      return;
    }
    const root = this.root;
    // Changes inside open shadow roots count too: `contains` alone stops at a shadow boundary.
    const roots = changed.filter(
      (element) =>
        element.isConnected &&
        (containsAcross(root, element) || element.contains(root)) &&
        !changed.some((other) => other !== element && containsAcross(other, element)),
    );
    // An entry marked once whose mark went with text the page removed is looked for again everywhere.
    let lostFirst = this.readAllAgain && this.options.firstOnly;
    this.readAllAgain = false;
    for (const mark of this.marks.unordered()) {
      const redo = roots.some((element) => containsAcross(element, mark.nodes[0] as Node));
      if (redo || !isIntact(mark)) {
        lostFirst ||= !redo && this.options.firstOnly;
        this.drop(mark);
      }
    }
    this.options.onDropped?.();
    const again = lostFirst ? [root] : roots.map((element) => (element.contains(root) ? root : element));
    await this.scan(...again.filter((element) => !isInsideSkipped(element)));
  }
}

/**
 * Hidden text (display:none, visibility:hidden) is not the reader's text. Text at the top of a shadow
 * tree has no parent element: its host's visibility is its own.
 */
function isVisible(node: Text | undefined): boolean {
  return (node && parentOf(node)?.checkVisibility({ visibilityProperty: true })) ?? false;
}
