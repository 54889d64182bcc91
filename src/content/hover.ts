/**
 * Hover hit-testing: which mark is under the pointer, read from the text position under it at most
 * once per animation frame. Highlights get no events of their own, so this is how marks feel hoverable.
 */
import type { Mark, MarkSet } from "../engine/marks";
import type { PointerGate } from "./pointer-gate";

export interface PointerSample {
  mark: Mark | null;
  x: number;
  y: number;
  /** Pointer speed in px/ms since the previous sample, to tell a sweep from a dwell. */
  speed: number;
  /** False while the reader scrolls, selects, holds a button or lacks the modifier key. */
  mayOpen: boolean;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === "function") {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
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

export function watchPointer(
  marks: MarkSet,
  gate: PointerGate,
  onSample: (sample: PointerSample) => void,
  signal: AbortSignal,
): void {
  let pending: PointerEvent | null = null;
  let last: PointerEvent | null = null;
  const sample = () => {
    const event = pending;
    pending = null;
    if (!event) return;
    const elapsed = Math.max(1, event.timeStamp - (last?.timeStamp ?? 0));
    const moved = last ? Math.hypot(event.clientX - last.clientX, event.clientY - last.clientY) : 0;
    last = event;
    const mark = markAt(marks, event.clientX, event.clientY);
    onSample({
      mark,
      x: event.clientX,
      y: event.clientY,
      speed: moved / elapsed,
      mayOpen: gate.mayOpen(event),
    });
  };
  const onMove = (event: PointerEvent) => {
    if (event.pointerType === "touch") return;
    if (!pending) requestAnimationFrame(sample);
    pending = event;
  };
  // Pressing the modifier key with the pointer at rest on a term counts as resting there with it held.
  const onKey = (event: KeyboardEvent) => {
    if (!last || !gate.isModifierPress(event)) return;
    const mark = markAt(marks, last.clientX, last.clientY);
    // The key going down is the modifier, whatever the event's own flags say in this browser.
    const state = { buttons: last.buttons, altKey: true, ctrlKey: true, shiftKey: true };
    onSample({ mark, x: last.clientX, y: last.clientY, speed: 0, mayOpen: gate.mayOpen(state) });
  };
  // Capture on window: a page that stops propagation in its own handlers still lets us see the pointer.
  window.addEventListener("pointermove", onMove, { capture: true, passive: true, signal });
  window.addEventListener("keydown", onKey, { capture: true, passive: true, signal });
}
