/**
 * Our window listeners, added the moment the content script starts (document_start, before any of the
 * page's own scripts). Listeners on one target run in the order they were added, so a page that stops
 * every event in capturing listeners of its own on window would otherwise hide the pointer and keys
 * from us. Handlers come and go with a session; the window listeners stay, one per event type.
 */
const handlers = new Map<string, Set<(event: Event) => void>>();

/** Event types we listen to on window, capturing; only click may be cancelled (a tap on a linked term). */
const TYPES = ["pointermove", "pointerdown", "keydown", "click", "wheel", "scroll"] as const;
type FirstType = (typeof TYPES)[number];

export function listenFirst(): void {
  for (const type of TYPES) {
    if (handlers.has(type)) continue;
    const set = new Set<(event: Event) => void>();
    handlers.set(type, set);
    const call = (event: Event) => {
      for (const handler of set) handler(event);
    };
    window.addEventListener(type, call, { capture: true, passive: type !== "click" });
  }
}

/** Like window.addEventListener(type, handler, { capture: true, signal }), first in line when it can be. */
export function onWindow<E extends Event>(
  type: FirstType,
  handler: (event: E) => void,
  signal: AbortSignal,
): void {
  const set = handlers.get(type);
  if (!set) {
    window.addEventListener(type, handler as (event: Event) => void, {
      capture: true,
      passive: type !== "click",
      signal,
    });
    return;
  }
  const listener = handler as (event: Event) => void;
  set.add(listener);
  signal.addEventListener("abort", () => set.delete(listener), { once: true });
}
