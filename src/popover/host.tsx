/**
 * The popover's place in the page: one inert host element with a closed shadow root, created when an
 * explainer opens and removed when it closes, so a page without an open explainer holds no trace of us.
 */
import { autoUpdate, computePosition, inline, offset, shift, size } from "@floating-ui/dom";
import { render } from "preact";
import { HOST_TAG } from "../shared/host-tag";
import { t } from "../shared/i18n";
import mapCss from "./map.css?inline";
import { Popover, type PopoverProps } from "./Popover";
import css from "./popover.css?inline";

export interface PopoverHandlers {
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** The page scrolled the term out of the window after it had been in it. */
  onTermOutOfView: () => void;
}

export class PopoverHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private stopFollowing: (() => void) | null = null;
  /** Where focus was before a keyboard reader was taken into the explainer, to give it back. */
  private returnFocus: HTMLElement | null = null;
  /** The term the card shown explains: where Tab goes on from when the reader's place is far. */
  private term: StaticRange | null = null;
  /** The card on the page was rendered ahead of its dwell's end and is not shown yet. */
  private prepared = false;
  /** The shadow root has adopted the card's stylesheet (else a <style> element carries it). */
  private styled = false;
  /** The reader's default text size over 16 px (see --text in popover.css), read once. */
  private scale: number | null = null;

  /**
   * Renders the card and places it by the term. With `prepare`, renders it unseen and unplaced
   * instead, so that showing it when the dwell ends only has to reveal and place it.
   */
  show(
    anchor: StaticRange,
    card: PopoverProps,
    handlers: PopoverHandlers,
    focus = false,
    prepare = false,
  ): void {
    if (!this.host || !this.root) {
      this.host = document.createElement(HOST_TAG);
      this.root = this.host.attachShadow({ mode: "closed" });
      // A finger enters and leaves with every tap; only a hovering pointer is "inside" the card.
      const hovering = (handler: () => void) => (event: PointerEvent) =>
        event.pointerType !== "touch" && handler();
      this.host.addEventListener("pointerenter", hovering(handlers.onPointerEnter));
      this.host.addEventListener("pointerleave", hovering(handlers.onPointerLeave));
      this.root.addEventListener("keydown", (event) => this.tabOut(event as KeyboardEvent));
      document.documentElement.append(this.host);
      this.styled = adoptStyles(this.root);
    }
    // A card rendered ahead is laid out already: place it while the page's layout is clean, then
    // reveal it. Revealing first and measuring after would force the page to lay out again.
    const placeFirst = this.prepared && !prepare && !focus;
    this.prepared = prepare;
    if (!placeFirst) {
      render(
        [
          this.styled ? null : <style key="style">{css + mapCss}</style>,
          <Popover key="card" {...card} preparing={prepare} />,
        ],
        this.root,
      );
    }
    const element = this.root.querySelector<HTMLElement>(".card");
    if (!element) return;
    element.style.setProperty("--text", String(this.textScale()));
    if (prepare) {
      // Place the unseen card too, once the frame has laid it out: the dwell's end then finds the
      // placing code warm and the page's layout clean.
      const root = this.root;
      requestAnimationFrame(() =>
        setTimeout(() => this.prepared && this.root === root && this.follow(anchor, element)),
      );
      return;
    }
    this.term = anchor;
    // Revealing is one class off the card: the rest of it is as rendered ahead (same entry, same props).
    this.follow(
      anchor,
      element,
      placeFirst ? () => element.classList.remove("preparing") : undefined,
      handlers,
    );
    if (focus) {
      const active = document.activeElement;
      if (active instanceof HTMLElement && active !== this.host) this.returnFocus = active;
      element.focus({ preventScroll: true });
    }
  }

  /**
   * The reader's default text size (the browser's setting) over the usual 16 px: the host's own font
   * size, which `all: initial` makes the browser's default whatever the page's own sizes are.
   */
  private textScale(): number {
    this.scale ??= (Number.parseFloat(getComputedStyle(this.host as Element).fontSize) || 16) / 16;
    return this.scale;
  }

  hide(): void {
    const hadFocus = this.host !== null && document.activeElement === this.host;
    this.stopFollowing?.();
    this.stopFollowing = null;
    if (this.root) render(null, this.root);
    this.host?.remove();
    this.host = null;
    this.root = null;
    this.prepared = false;
    if (hadFocus) this.returnFocus?.focus({ preventScroll: true });
    this.returnFocus = null;
    this.term = null;
  }

  /**
   * Tab past the card's last control, or Shift+Tab before its first, goes back to where the keyboard
   * reader came from (Tab on to what follows it), as a popover's focus does, not to the end of the
   * page, where the card's host element stands. That place must be on screen: a reader who stepped
   * from term to term far down the page, or was on nothing, goes on from the term instead, to the
   * page's next (or previous) control.
   */
  private tabOut(event: KeyboardEvent): void {
    if (event.key !== "Tab" || !this.root) return;
    const controls = [...this.root.querySelectorAll<HTMLElement>("a[href], button")];
    const at = this.root.activeElement;
    const leaving = event.shiftKey
      ? at === controls[0] || !controls.includes(at as HTMLElement)
      : at === controls.at(-1);
    if (!leaving) return;
    const back = this.returnFocus;
    if (back?.isConnected && inWindow(back.getBoundingClientRect())) {
      // Focus where the reader came from; with Tab, the browser then moves on from there.
      back.focus({ preventScroll: true });
      if (event.shiftKey && document.activeElement === back) event.preventDefault();
      return;
    }
    const beside = this.term && controlBeside(this.term.startContainer, event.shiftKey, this.host);
    if (!beside) return; // none: the browser's own order
    event.preventDefault();
    beside.focus();
  }

  /**
   * Places the card above or below the term, never sideways, and keeps it there on scroll; tells
   * `handlers` once the term, after being in the window, has scrolled out of it (a card left riding
   * off the screen with its term would stay open, out of sight).
   */
  private follow(
    anchor: StaticRange,
    card: HTMLElement,
    whenPlaced?: () => void,
    handlers?: PopoverHandlers,
  ): void {
    this.stopFollowing?.();
    const range = document.createRange();
    range.setStart(anchor.startContainer, anchor.startOffset);
    range.setEnd(anchor.endContainer, anchor.endOffset);
    const reference = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    // The keyboard route scrolls to its term as the card opens: only a term seen in view can leave it.
    let inView = false;
    // Larger text makes a taller card, so the reader still sees as much of it at once.
    const tallest = MAX_HEIGHT * this.textScale();
    const update = () => {
      const visible = inWindow(range.getBoundingClientRect());
      if (visible) inView = true;
      else if (inView && handlers) return handlers.onTermOutOfView();
      void computePosition(reference, card, {
        strategy: "fixed",
        placement: sideFor(range.getBoundingClientRect(), card, tallest),
        middleware: [
          inline(),
          offset(8),
          shift({ padding: 5 }),
          // Never past the viewport's edge: a tall card scrolls inside itself instead.
          size({
            padding: 5,
            apply: ({ availableHeight }) => {
              // Only a change is written: rewriting the same height would make floating-ui's next
              // measurement lay the page out again.
              const maxHeight = `${Math.max(80, Math.min(tallest, availableHeight))}px`;
              if (card.style.maxHeight !== maxHeight) card.style.maxHeight = maxHeight;
            },
          }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
        whenPlaced?.();
        whenPlaced = undefined;
      });
    };
    this.stopFollowing = autoUpdate(reference, card, update, { animationFrame: false });
  }
}

/** The card's tallest at the usual text size, as popover.css has it too. */
const MAX_HEIGHT = 440;

const CONTROLS =
  'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable="false"]), audio[controls], video[controls]';

/** The page's first control Tab reaches after node, or with `before` the last before it (or around it). */
function controlBeside(node: Node, before: boolean, ours: Element | null): HTMLElement | undefined {
  const controls = [...document.querySelectorAll<HTMLElement>(CONTROLS)].filter(
    (control) =>
      control !== ours &&
      control.tabIndex >= 0 &&
      !(control as HTMLButtonElement).disabled &&
      !control.closest("[inert]") &&
      control.checkVisibility({ visibilityProperty: true }),
  );
  const follows = (a: Node, b: Node) =>
    (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  return before
    ? controls.findLast((control) => follows(control, node))
    : controls.find((control) => follows(node, control));
}

/**
 * Below the term, unless the whole card fits only above it, or fits on neither side and above has
 * more room. Chosen from the card's full height (its scrollHeight, whatever height it was last
 * given): floating-ui's flip, run before the card is sized to the side it is on, would find it fits
 * there once shrunk, and keep a tall card on the smaller side.
 */
function sideFor(line: DOMRect, card: HTMLElement, tallest: number): "bottom-start" | "top-start" {
  const wanted = Math.min(tallest, card.scrollHeight + 2); // with its borders
  const below = innerHeight - line.bottom - 13; // the 8 px gap and 5 px from the edge
  const above = line.top - 13;
  return wanted <= below || below >= above ? "bottom-start" : "top-start";
}

/** Whether a box is (partly) in the window: a term scrolled away, or a place focus would be lost to sight in. */
function inWindow(box: DOMRect): boolean {
  return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
}

/** Parsed once per page and shared by every card the page opens. */
let sheet: CSSStyleSheet | null = null;

function cardSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css + mapCss);
  }
  return sheet;
}

/**
 * Does ahead, in the page's idle time, the slow parts of a card's first opening that need no card:
 * parsing its stylesheet (8 ms in Chromium) and the browser's first look-up of a message, which loads
 * all of them (25 ms). Without this, both land in the task that opens the first card.
 */
export function warmUpCard(): void {
  try {
    cardSheet();
  } catch {
    // adoptStyles falls back to a <style> element.
  }
  t("popoverClose");
}

/**
 * Gives the card its styles as an adopted stylesheet: a page's Content-Security-Policy does not apply
 * to it (Firefox applies it to a <style> element we add), and it is parsed once, not at every opening.
 * False where adopting fails, so that the caller falls back to a <style> element.
 */
function adoptStyles(root: ShadowRoot): boolean {
  try {
    root.adoptedStyleSheets = [cardSheet()];
    return root.adoptedStyleSheets.length === 1;
  } catch {
    sheet = null;
    return false;
  }
}
