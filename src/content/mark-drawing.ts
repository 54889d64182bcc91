/**
 * Which marks are drawn. Blink rebuilds every range of every highlight each time the page changes its
 * DOM or style, anywhere (HighlightRegistry::ValidateHighlightMarkers in Chromium's
 * third_party/blink/renderer/core/highlight/highlight_registry.cc), so every range drawn costs a page
 * that keeps changing on each frame it changes in: with 3,000 ranges, about 16 ms more for each batch
 * the bench's endless page adds. A few hundred cost little and are drawn as they come. Past DRAW_ALL (every occurrence on a long page), a
 * mark is drawn only while its block is within two screens of the viewport, so the cost stays that of
 * a few screens however long the page.
 */
import type { Mark } from "../engine/marks";
import { blockOf } from "../engine/page-elements";

const DRAW_ALL = 500;
/** How far above and below the screen marks are drawn ahead of the reader's scrolling. */
const NEAR = "200% 0px";

export class MarkDrawing {
  private readonly marks = new Set<Mark>();
  /** Set once there are more than DRAW_ALL marks, and kept for the page's life. */
  private observer: IntersectionObserver | null = null;
  /** The marks in each watched block, each mark's block, and the blocks near the screen. */
  private readonly inBlock = new Map<Element, Set<Mark>>();
  private readonly blockOfMark = new Map<Mark, Element>();
  private readonly near = new Set<Element>();

  constructor(private readonly highlight: Highlight) {}

  add(mark: Mark): void {
    this.marks.add(mark);
    if (this.observer) this.watch(mark);
    else if (this.marks.size <= DRAW_ALL) this.highlight.add(mark.range);
    else {
      this.highlight.add(mark.range);
      // The observer reports every block it is given at once, and those far away are let go then.
      this.observer = new IntersectionObserver((entries) => this.moved(entries), { rootMargin: NEAR });
      for (const each of this.marks) this.watch(each);
    }
  }

  delete(mark: Mark): void {
    this.marks.delete(mark);
    this.highlight.delete(mark.range);
    const block = this.blockOfMark.get(mark);
    if (!block) return;
    this.blockOfMark.delete(mark);
    const marks = this.inBlock.get(block);
    marks?.delete(mark);
    if (marks?.size === 0) {
      this.inBlock.delete(block);
      this.near.delete(block);
      this.observer?.unobserve(block);
    }
  }

  /** Stops watching the page (the marks themselves go with their highlight). */
  disconnect(): void {
    this.observer?.disconnect();
  }

  private watch(mark: Mark): void {
    const block = blockOf(mark.nodes[0] as Text);
    // Text with no element above it cannot be watched: it is drawn, as every mark used to be.
    if (!block || !this.observer) {
      this.highlight.add(mark.range);
      return;
    }
    this.blockOfMark.set(mark, block);
    const marks = this.inBlock.get(block);
    if (marks) marks.add(mark);
    else {
      this.inBlock.set(block, new Set([mark]));
      this.observer.observe(block);
    }
    if (this.near.has(block)) this.highlight.add(mark.range);
  }

  private moved(entries: IntersectionObserverEntry[]): void {
    for (const { target, isIntersecting } of entries) {
      const marks = this.inBlock.get(target);
      if (!marks) continue;
      if (isIntersecting) this.near.add(target);
      else this.near.delete(target);
      for (const mark of marks) {
        if (isIntersecting) this.highlight.add(mark.range);
        else this.highlight.delete(mark.range);
      }
    }
  }
}
