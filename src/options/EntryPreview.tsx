/**
 * An entry exactly as the popover shows it: the real Popover card with its own styles, in a shadow
 * root of its own so the options page's styles and the card's cannot meet; placed in the flow here.
 */
import { render } from "preact";
import { useEffect, useRef } from "preact/hooks";
import mapCss from "../popover/map.css?inline";
import { Popover, type PopoverProps } from "../popover/Popover";
import css from "../popover/popover.css?inline";

/** On a page the host and card float above everything; here they sit in the flow at the usual width. */
const IN_FLOW = `:host { position: static !important; width: auto !important; height: auto !important; z-index: auto !important; }
.card { position: static !important; max-height: none !important; box-shadow: 0 2px 10px rgb(20 28 45 / 0.12) !important; }`;

export function EntryPreview(props: PopoverProps) {
  const host = useRef<HTMLDivElement>(null);
  const root = useRef<ShadowRoot | null>(null);
  useEffect(() => {
    if (!host.current) return;
    root.current ??= host.current.attachShadow({ mode: "open" });
    render(
      [<style key="style">{css + mapCss + IN_FLOW}</style>, <Popover key="card" {...props} />],
      root.current,
    );
  });
  useEffect(
    () => () => {
      if (root.current) render(null, root.current);
    },
    [],
  );
  return <div class="entry-preview" ref={host} />;
}
