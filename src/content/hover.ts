/**
 * Hover hit-testing: which mark is under the pointer, read from the text position under it at most
 * once per animation frame. Highlights get no events of their own, so this is how marks feel hoverable.
 */
import type { Mark, MarkSet } from "../engine/marks";
import type { Settings } from "../shared/settings";
import { onWindow } from "./first-listen";
import { PointerGate } from "./pointer-gate";

export interface PointerSample {
  mark: Mark | null;
  x: number;
  y: number;
  /** Pointer speed in px/ms since the previous sample, to tell a sweep from a dwell. */
  speed: number;
  /** False while the reader scrolls, selects, holds a button or lacks the modifier key. */
  mayOpen: boolean;
  /** The page moved under a pointer at rest (scrolling stopped), rather than the pointer moving. */
  rest?: boolean;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === "function") {
    const shadowRoots: ShadowRoot[] = [];
    for (let depth = 0; depth < 4; depth++) {
      const position = document.caretPositionFromPoint(x, y, { shadowRoots });
      if (!position) return null;
      const caret = { node: position.offsetNode, offset: position.offset };
      // Chromium answers a caret inside a shadow tree it was not given with the host's place in its
      // parent: give it that open shadow root and ask again (nested ones take one more round each).
      const shadow = hostAt(caret)?.shadowRoot;
      if (!shadow || shadowRoots.includes(shadow)) return caret;
      shadowRoots.push(shadow);
    }
    return null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The element with an open shadow root at (or just before) a caret between elements, if any. */
function hostAt({ node, offset }: { node: Node; offset: number }): Element | null {
  if (node.nodeType === Node.TEXT_NODE) return null;
  for (const child of [node.childNodes[offset], node.childNodes[offset - 1]])
    if (child instanceof Element && child.shadowRoot) return child;
  return null;
}

/** The caret is nearest-text, not under-pointer: confirm the point lies on the mark's own boxes. */
function isOver(mark: Mark, x: number, y: number): boolean {
  const range = document.createRange();
  range.setStart(mark.range.startContainer, mark.range.startOffset);
  range.setEnd(mark.range.endContainer, mark.range.endOffset);
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

export function markAt(marks: MarkSet, x: number, y: number): Mark | null {
  const caret = caretAt(x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  return marks.at(caret.node, caret.offset).find((mark) => isOver(mark, x, y)) ?? null;
}

/** What is kept of the last pointer event: not the event, whose target would keep removed content alive. */
type PointerAt = Pick<
  PointerEvent,
  "clientX" | "clientY" | "timeStamp" | "buttons" | "altKey" | "ctrlKey" | "shiftKey"
>;

function pointerAt({
  clientX,
  clientY,
  timeStamp,
  buttons,
  altKey,
  ctrlKey,
  shiftKey,
}: PointerEvent): PointerAt {
  return { clientX, clientY, timeStamp, buttons, altKey, ctrlKey, shiftKey };
}

export interface PointerListener {
  onPointer: (sample: PointerSample) => void;
  /** The reader began to scroll, select or press: a dwell under way must not open anything. */
  cancelDwell: () => void;
}

export function watchPointer(
  marks: MarkSet,
  modifierKey: Settings["modifierKey"],
  listener: PointerListener,
  signal: AbortSignal,
): void {
  let pending: PointerEvent | null = null;
  let last: PointerAt | null = null;
  /** The pointer where it last moved, with this modifier and button state and this speed. */
  const report = (
    at: PointerAt,
    state: Parameters<PointerGate["mayOpen"]>[0],
    speed: number,
    rest = false,
  ) => {
    const mark = markAt(marks, at.clientX, at.clientY);
    listener.onPointer({ mark, x: at.clientX, y: at.clientY, speed, mayOpen: gate.mayOpen(state), rest });
  };
  const gate = new PointerGate(
    modifierKey,
    {
      busy: () => listener.cancelDwell(),
      // Once scrolling stops, the term now under a resting pointer may open (the page moved under
      // it); not after a drag, which was a selection being made.
      quiet: () => last?.buttons === 0 && report(last, last, 0, true),
    },
    signal,
  );
  const sample = () => {
    const event = pending;
    pending = null;
    if (!event) return;
    const elapsed = Math.max(1, event.timeStamp - (last?.timeStamp ?? 0));
    const moved = last ? Math.hypot(event.clientX - last.clientX, event.clientY - last.clientY) : 0;
    last = pointerAt(event);
    report(last, last, moved / elapsed);
  };
  const onMove = (event: PointerEvent) => {
    if (event.pointerType === "touch") return;
    if (!pending) requestAnimationFrame(sample);
    pending = event;
  };
  // Pressing the modifier key with the pointer at rest on a term counts as resting there with it held
  // (the key going down is the modifier, whatever the event's own flags say in this browser).
  const onKey = (event: KeyboardEvent) => {
    if (last && gate.isModifierPress(event))
      report(last, { buttons: last.buttons, altKey: true, ctrlKey: true, shiftKey: true }, 0);
  };
  // Capture on window: a page that stops propagation in its own handlers still lets us see the pointer.
  onWindow("pointermove", onMove, signal);
  onWindow("keydown", onKey, signal);
}
