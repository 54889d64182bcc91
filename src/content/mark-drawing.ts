/**
 * Which marks are drawn. Chromium redoes every range of every highlight each time the page changes
 * its DOM or style, anywhere (HighlightRegistry::ValidateHighlightMarkers, in
 * third_party/blink/renderer/core/highlight/highlight_registry.cc), so each range drawn costs a page
 * that keeps changing on every frame it changes in. A few hundred cost little and are all drawn.
 * Past DRAW_ALL (every occurrence on a long page), a mark stays drawn only while the element its
 * text is in is within two screens of the viewport; text straight inside one huge element is still
 * drawn whole.
 */
import type { Mark } from "../engine/marks";
import { parentOf } from "../engine/page-elements";

const DRAW_ALL = 500;
/** How far above and below the screen marks stay drawn, ahead of the reader's scrolling. */
const NEAR = "200% 0px";

export class MarkDrawing {
  private readonly marks = new Set<Mark>();
  /** Set when the marks pass DRAW_ALL; let go when none are left (a single-page app's next view). */
  private observer: IntersectionObserver | null = null;
  /** The marks in each watched element, each mark's element, and the elements last reported near. */
  private readonly inElement = new Map<Element, Set<Mark>>();
  private readonly elementOf = new Map<Mark, Element>();
  private readonly near = new Set<Element>();
  private closed = false;

  constructor(private readonly highlight: Highlight) {}

  /**
   * Draws the mark, at once while all are drawn. Once marks are watched, a mark is drawn when its
   * element is near the screen: at once if the observer said so already, else on its first report.
   */
  add(mark: Mark): void {
    if (this.closed) return;
    this.marks.add(mark);
    if (this.observer) {
      this.watch(mark);
      return;
    }
    this.highlight.add(mark.range);
    if (this.marks.size > DRAW_ALL) {
      // scrollMargin reaches into scrolling elements too (where supported; ignored elsewhere).
      this.observer = new IntersectionObserver((entries) => this.moved(entries), {
        rootMargin: NEAR,
        scrollMargin: NEAR,
      });
      // The marks drawn so far stay drawn until the observer's first report on their elements.
      for (const each of this.marks) this.watch(each);
    }
  }

  delete(mark: Mark): void {
    this.marks.delete(mark);
    this.highlight.delete(mark.range);
    const element = this.elementOf.get(mark);
    if (element) {
      this.elementOf.delete(mark);
      const marks = this.inElement.get(element);
      marks?.delete(mark);
      if (marks?.size === 0) {
        this.inElement.delete(element);
        this.near.delete(element);
        this.observer?.unobserve(element);
      }
    }
    if (this.marks.size === 0) this.unwatch();
  }

  /** Stops watching the page for good (the marks themselves go with their highlight). */
  disconnect(): void {
    this.closed = true;
    this.unwatch();
  }

  private unwatch(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.inElement.clear();
    this.elementOf.clear();
    this.near.clear();
  }

  /**
   * Watches the element the mark's text is in: the one the marker found visible (see isVisible in
   * page-marker.ts), so it has a box to observe, unlike a block drawn with display: contents.
   */
  private watch(mark: Mark): void {
    const element = parentOf(mark.nodes[0] as Text);
    // Text with no element above it cannot be watched: it is drawn, as every mark is below DRAW_ALL.
    if (!element || !this.observer) {
      this.highlight.add(mark.range);
      return;
    }
    this.elementOf.set(mark, element);
    const marks = this.inElement.get(element);
    if (marks) {
      marks.add(mark);
      if (this.near.has(element)) this.highlight.add(mark.range);
    } else {
      this.inElement.set(element, new Set([mark]));
      this.observer.observe(element);
    }
  }

  private moved(entries: IntersectionObserverEntry[]): void {
    for (const { target, isIntersecting } of entries) {
      const marks = this.inElement.get(target);
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
