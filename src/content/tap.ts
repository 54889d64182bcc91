/**
 * Touch: a tap on a mark opens its explainer, a first tap on a term inside a link opens the explainer
 * instead of following the link (the card offers the link), and a tap elsewhere closes it. Mouse
 * clicks are left alone.
 */
import type { MarkSet } from "../engine/marks";
import { HOST_TAG } from "../shared/host-tag";
import type { Explainer, TermLink } from "./explainer";
import { onWindow } from "./first-listen";
import { markAt } from "./hover";

/** A click this soon after a touch pointer went down came from that touch. */
const TAP_MS = 1000;

export function watchTaps(marks: MarkSet, explainer: Explainer, signal: AbortSignal): void {
  let touchedAt = Number.NEGATIVE_INFINITY;
  const onDown = (event: PointerEvent) => {
    touchedAt = event.pointerType === "touch" ? event.timeStamp : Number.NEGATIVE_INFINITY;
  };
  const onClick = (event: MouseEvent) => {
    if (!isTap(event, touchedAt)) return;
    // A tap inside the card is the card's own business.
    if (event.composedPath().some((target) => (target as Element).localName === HOST_TAG)) return;
    const mark = markAt(marks, event.clientX, event.clientY);
    if (!mark) return explainer.tapOutside();
    const anchor = mark.nodes[0]?.parentElement?.closest("a[href]") as HTMLAnchorElement | null;
    if (explainer.tap(mark, anchor ? linkOf(anchor) : null) && anchor) event.preventDefault();
  };
  // Capture on window, before the page's own handlers and before a link is followed.
  onWindow("pointerdown", onDown, signal);
  onWindow("click", onClick, signal);
}

/** Whether a click came from a touch: its own pointerType where the browser reports one, else timing. */
function isTap(event: MouseEvent, touchedAt: number): boolean {
  const type = (event as Partial<PointerEvent>).pointerType;
  if (type) return type === "touch";
  return event.timeStamp - touchedAt < TAP_MS;
}

/** The link for the card's "Go to the link" row; only web links, which a plain anchor can follow. */
function linkOf(anchor: HTMLAnchorElement): TermLink {
  if (!/^https?:$/.test(anchor.protocol)) return null;
  const text = (anchor.textContent ?? "").replace(/\s+/g, " ").trim();
  return { href: anchor.href, text: text.length > 60 ? `${text.slice(0, 59)}…` : text || anchor.host };
}
