/**
 * When a resting pointer may open an explainer: not while the page scrolls, not while the reader
 * selects text or holds a button, and in modifier mode only while the chosen key is held.
 */
import type { Settings } from "../shared/settings";

/** A wheel turn, a scroll or a selection change this recent means the reader is busy with the page. */
const QUIET_MS = 200;

type Modifiers = Pick<MouseEvent, "buttons" | "altKey" | "ctrlKey" | "shiftKey">;

export class PointerGate {
  private busyUntil = 0;

  /** onBusy runs as the reader starts scrolling or selecting, to drop a dwell already under way. */
  constructor(
    private readonly modifierKey: Settings["modifierKey"],
    onBusy: () => void,
    signal: AbortSignal,
  ) {
    const busy = () => {
      this.busyUntil = performance.now() + QUIET_MS;
      onBusy();
    };
    // Capture on window: it also sees scrolls of inner scrollers, which do not bubble.
    for (const type of ["wheel", "scroll"])
      window.addEventListener(type, busy, { capture: true, passive: true, signal });
    document.addEventListener(
      "selectionchange",
      () => document.getSelection()?.isCollapsed === false && busy(),
      { signal },
    );
    window.addEventListener("pointerdown", onBusy, { capture: true, passive: true, signal });
  }

  /** Whether the pointer, in the state this event reports, may start an explainer's dwell. */
  mayOpen(event: Modifiers): boolean {
    return performance.now() >= this.busyUntil && event.buttons === 0 && this.modifierHeld(event);
  }

  /** True for the keydown of the modifier key itself, which opens the term under a resting pointer. */
  isModifierPress(event: KeyboardEvent): boolean {
    return this.modifierKey !== "none" && event.key === this.modifierKey && !event.repeat;
  }

  private modifierHeld(event: Modifiers): boolean {
    switch (this.modifierKey) {
      case "none":
        return true;
      case "Alt":
        return event.altKey;
      case "Control":
        return event.ctrlKey;
      case "Shift":
        return event.shiftKey;
    }
  }
}
