// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from "vitest";
import { PointerGate } from "./pointer-gate";

const still = { buttons: 0, altKey: false, ctrlKey: false, shiftKey: false };

describe("PointerGate", () => {
  let controller: AbortController;
  let events: { busy: Mock<() => void>; quiet: Mock<() => void> };
  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    events = { busy: vi.fn<() => void>(), quiet: vi.fn<() => void>() };
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it("lets a still pointer open, and not with a button held", () => {
    const gate = new PointerGate("none", events, controller.signal);
    expect(gate.mayOpen(still)).toBe(true);
    expect(gate.mayOpen({ ...still, buttons: 1 })).toBe(false);
  });

  it("holds back while the wheel turns, and says when it has stopped", () => {
    const gate = new PointerGate("none", events, controller.signal);
    window.dispatchEvent(new WheelEvent("wheel", { deltaY: 1 }));
    expect(events.busy).toHaveBeenCalledOnce();
    expect(gate.mayOpen(still)).toBe(false);
    vi.advanceTimersByTime(100);
    window.dispatchEvent(new Event("scroll"));
    vi.advanceTimersByTime(150);
    expect(events.quiet).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(events.quiet).toHaveBeenCalledOnce();
  });

  it("in modifier mode lets the pointer open only with that key held", () => {
    const gate = new PointerGate("Control", events, controller.signal);
    expect(gate.mayOpen(still)).toBe(false);
    expect(gate.mayOpen({ ...still, shiftKey: true })).toBe(false);
    expect(gate.mayOpen({ ...still, ctrlKey: true })).toBe(true);
    expect(gate.isModifierPress(new KeyboardEvent("keydown", { key: "Control" }))).toBe(true);
    expect(gate.isModifierPress(new KeyboardEvent("keydown", { key: "Control", repeat: true }))).toBe(false);
    expect(gate.isModifierPress(new KeyboardEvent("keydown", { key: "Shift" }))).toBe(false);
  });

  it("stops listening when its signal aborts", () => {
    new PointerGate("none", events, controller.signal);
    controller.abort();
    window.dispatchEvent(new WheelEvent("wheel", { deltaY: 1 }));
    expect(events.busy).not.toHaveBeenCalled();
  });
});
