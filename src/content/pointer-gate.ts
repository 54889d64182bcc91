/**
 * When a resting pointer may open an explainer: not while the page scrolls, not while the reader
 * selects text or holds a button, and in modifier mode only while the chosen key is held.
 */
import type { Settings } from "../shared/settings";
import { onWindow } from "./first-listen";

/** A wheel turn, a scroll or a selection change this recent means the reader is busy with the page. */
const QUIET_MS = 200;

type Modifiers = Pick<MouseEvent, "buttons" | "altKey" | "ctrlKey" | "shiftKey">;

export interface GateEvents {
  /** The reader began to scroll, select or press a button: drop a dwell under way. */
  busy: () => void;
  /** Scrolling or selecting stopped a moment ago: what is under a resting pointer may open now. */
  quiet: () => void;
}

export class PointerGate {
  private busyUntil = 0;

  constructor(
    private readonly modifierKey: Settings["modifierKey"],
    events: GateEvents,
    signal: AbortSignal,
  ) {
    let quietTimer = 0;
    const busy = () => {
      this.busyUntil = performance.now() + QUIET_MS;
      events.busy();
      clearTimeout(quietTimer);
      quietTimer = window.setTimeout(events.quiet, QUIET_MS);
    };
    signal.addEventListener("abort", () => clearTimeout(quietTimer), { once: true });
    // Capture on window: it also sees scrolls of inner scrollers, which do not bubble.
    for (const type of ["wheel", "scroll"] as const) onWindow(type, busy, signal);
    document.addEventListener(
      "selectionchange",
      () => document.getSelection()?.isCollapsed === false && busy(),
      { signal },
    );
    onWindow("pointerdown", events.busy, signal);
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
