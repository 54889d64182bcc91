/**
 * The locator map in a place's explainer: an SVG drawn at build time (scripts/map-svg.ts) that the
 * background sends when the popover asks for it.
 *
 * Why parse rather than set innerHTML: the map arrives as a string over runtime messaging, so the card
 * does not take it on trust. It is parsed as XML in an inert document (DOMParser runs no scripts and
 * loads nothing), kept only if every element and attribute is one the map builder writes, and then
 * imported into the card. An allow-list of seven elements and thirteen attributes leaves no room for
 * scripts, event handlers, links, styles or foreign content; a map that fails it is not shown at all,
 * rather than shown cleaned. Rebuilding the tree as JSX would be just as safe but would need a parser of
 * our own, and a few hundred path elements through Preact's diff buy nothing.
 */
import { useEffect, useRef } from "preact/hooks";

const SVG = "http://www.w3.org/2000/svg";
const ELEMENTS = new Set(["svg", "title", "rect", "g", "path", "text", "circle"]);
const ATTRIBUTES = new Set("xmlns viewBox role class width height transform d x y cx cy r".split(" "));

/** The map as an SVG element, or null when the markup holds anything a locator map never does. */
export function parseMap(markup: string): Element | null {
  if (!markup.startsWith("<svg")) return null;
  const root = new DOMParser().parseFromString(markup, "image/svg+xml").documentElement;
  // A parse error yields a <parsererror> element in another namespace, which the walk rejects.
  for (const element of [root, ...root.querySelectorAll("*")]) {
    if (element.namespaceURI !== SVG || !ELEMENTS.has(element.localName)) return null;
    for (const attribute of element.attributes) if (!ATTRIBUTES.has(attribute.name)) return null;
  }
  return root.localName === "svg" ? root : null;
}

/** Maps already checked on this page, by markup: opening a place a second time parses nothing. */
const checked = new Map<string, Element | null>();

function checkedMap(markup: string): Element | null {
  if (!checked.has(markup)) checked.set(markup, parseMap(markup));
  return checked.get(markup) ?? null;
}

export interface LocatorMapProps {
  /** The map's SVG markup, as maps.json holds it. */
  svg: string;
  /** The figure's accessible name; the map's own <title> describes what it shows. */
  label: string;
}

export function LocatorMap({ svg, label }: LocatorMapProps) {
  const figure = useRef<HTMLElement>(null);
  // Preact renders no children here, so the figure's content is ours to replace. After the card is
  // painted, not before (useEffect, not useLayoutEffect): the text shows in the first frame and the
  // map fills its already-sized space a frame later, so no single task has to do both.
  useEffect(() => {
    const map = svg ? checkedMap(svg) : null;
    figure.current?.replaceChildren(...(map ? [document.importNode(map, true)] : []));
  }, [svg]);
  return <figure class="map" ref={figure} aria-label={label} />;
}
