/**
 * What each element of a page is to the text reader (text-blocks.ts): skipped (code, form fields,
 * editable or hidden regions), inline (its text runs on with its neighbours') or the start of a block,
 * and how to climb from a node to its block across open shadow roots.
 */

export const SKIPPED: ReadonlySet<string> = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "CODE",
  "PRE",
  "KBD",
  "SAMP",
  "TEXTAREA",
  "INPUT",
  "SELECT",
  "OPTION",
  "BUTTON",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "CANVAS",
  "VIDEO",
  "AUDIO",
  "SVG",
  "svg",
  "MATH",
  "math",
]);

export const INLINE: ReadonlySet<string> = new Set([
  "A",
  "ABBR",
  "B",
  "BDI",
  "BDO",
  "CITE",
  "DATA",
  "DEL",
  "DFN",
  "EM",
  "FONT",
  "I",
  "INS",
  "LABEL",
  "MARK",
  "Q",
  "S",
  "SMALL",
  "SPAN",
  "STRONG",
  "SUB",
  "SUP",
  "TIME",
  "U",
  "VAR",
  "WBR",
  "NOBR",
]);

/** The nearest ancestor (or self) that starts a block of text: where a change to node is rescanned. */
export function blockOf(node: Node): Element | null {
  let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : parentOf(node);
  while (element && INLINE.has(element.tagName)) element = parentOf(element);
  return element;
}

/** True when element or one of its ancestors is a place Backstory never marks. */
export function isInsideSkipped(element: Element): boolean {
  for (let at: Element | null = element; at; at = parentOf(at)) if (isSkipped(at)) return true;
  return false;
}

/**
 * The parent element across shadow boundaries: at a shadow tree's top (or for the shadow root itself)
 * that is the host, since the walk enters open shadow roots.
 */
export function parentOf(node: Node): Element | null {
  return node.parentElement ?? ((node.parentNode ?? node) as Partial<ShadowRoot>).host ?? null;
}

/** Whether node is ancestor or inside it, counting what is inside its (and its descendants') shadow roots. */
export function containsAcross(ancestor: Node, node: Node): boolean {
  for (let at: Node | null = node; at; at = (at.getRootNode() as Partial<ShadowRoot>).host ?? null)
    if (ancestor.contains(at)) return true;
  return false;
}

export function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.tagName) || element.hasAttribute("hidden")) return true;
  const editable = element.getAttribute("contenteditable");
  return editable !== null && editable !== "false";
}

/**
 * Elements that may host a shadow root (attachShadow's list; custom elements too): only they are asked
 * for one, sparing the walk a call per link, bold and list item.
 */
export const SHADOW_HOSTS: ReadonlySet<string> = new Set([
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BODY",
  "DIV",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "MAIN",
  "NAV",
  "P",
  "SECTION",
  "SPAN",
]);

/** Whether node is an element that starts a block of text. */
export const isBlock = (node: Node): boolean =>
  node.nodeType === Node.ELEMENT_NODE && !INLINE.has((node as Element).tagName);
