/**
 * Reads a page's text the way a reader sees it: one string per block (a paragraph, a heading, a list
 * item), joined across inline elements so "<b>Recep</b> Tayyip Erdoğan" is one run of text. Never
 * enters code, form fields, editable regions or hidden subtrees.
 */
import { isWordCode } from "./fold";

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** starts[i] is where nodes[i] begins in text. */
  starts: number[];
}

const SKIPPED = new Set([
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

const INLINE = new Set([
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
  let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element && INLINE.has(element.tagName)) element = element.parentElement;
  return element;
}

/** True when element or one of its ancestors is a place Backstory never marks. */
export function isInsideSkipped(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) if (isSkipped(at)) return true;
  return false;
}

function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.tagName) || element.hasAttribute("hidden")) return true;
  const editable = element.getAttribute("contenteditable");
  return editable !== null && editable !== "false";
}

/** Collects the text blocks under root, in document order. `exclude` is left out (our own UI). */
export function collectBlocks(root: Node, exclude?: Node): TextBlock[] {
  return [...walkBlocks(root, exclude)];
}

/** The same, one block at a time, so a caller can pause between blocks on a long page. */
export function* walkBlocks(root: Node, exclude?: Node): Generator<TextBlock> {
  const blocks: TextBlock[] = [];
  let current: TextBlock = { text: "", nodes: [], starts: [] };
  const flush = () => {
    if (current.nodes.length > 0 && hasWord(current.text)) blocks.push(current);
    current = { text: "", nodes: [], starts: [] };
  };
  const isBlock = (node: Node) =>
    node.nodeType === Node.ELEMENT_NODE && !INLINE.has((node as Element).tagName);

  let node: Node | null = root.firstChild;
  while (node) {
    while (blocks.length > 0) yield blocks.shift() as TextBlock;
    let descend = false;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      current.starts.push(current.text.length);
      current.nodes.push(text);
      current.text += text.data;
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      // A skipped element (code, a form field, our own UI) also breaks the run: no term spans it.
      if (node === exclude || isSkipped(node as Element)) flush();
      else {
        if (node.nodeName === "BR" || isBlock(node)) flush();
        descend = node.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling exists, closing every block we leave.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && isBlock(node)) flush();
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  flush();
  yield* blocks;
}

/** Whether text holds a letter or digit (a loop: most text has one in its first few characters). */
function hasWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isWordCode(text.charCodeAt(i))) return true;
  return false;
}

/** The text node and offset that a position in a block's text falls in. */
export function locate(
  block: TextBlock,
  position: number,
  preferEnd = false,
): { node: Text; offset: number } {
  let low = 0;
  let high = block.nodes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = block.starts[mid] as number;
    if (start < position || (!preferEnd && start === position)) low = mid;
    else high = mid - 1;
  }
  return { node: block.nodes[low] as Text, offset: position - (block.starts[low] as number) };
}
