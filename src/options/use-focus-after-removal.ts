/**
 * Where focus goes once a reader removes an item from a list, so that it does not fall back to the
 * page (the next Tab would start over from the top, and a screen reader would say nothing): the same
 * button of the next item, else of the previous one, else a fallback for the emptied list.
 */
import { useEffect, useRef } from "preact/hooks";

interface Removal {
  gone: HTMLElement;
  next: HTMLElement | undefined;
  fallback: () => HTMLElement | null;
}

/**
 * Returns `removing(button, selector, fallback)`, to call as the reader presses `button`, one of the
 * buttons `selector` finds in list order. Focus moves once a render of the calling component has
 * taken `button` away (the removal is saved first, so it may take a few renders, or never happen).
 */
export function useFocusAfterRemoval() {
  const pending = useRef<Removal | null>(null);
  useEffect(() => {
    const removal = pending.current;
    if (!removal || removal.gone.isConnected) return;
    pending.current = null;
    (removal.next?.isConnected ? removal.next : removal.fallback())?.focus();
  });
  return (button: HTMLElement, selector: string, fallback: () => HTMLElement | null) => {
    const buttons = [...document.querySelectorAll<HTMLElement>(selector)];
    const at = buttons.indexOf(button);
    pending.current = { gone: button, next: buttons[at + 1] ?? buttons[at - 1], fallback };
  };
}
