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
function parentOf(node: Node): Element | null {
  return node.parentElement ?? ((node.parentNode ?? node) as Partial<ShadowRoot>).host ?? null;
}

/** Whether node is ancestor or inside it, counting what is inside its (and its descendants') shadow roots. */
export function containsAcross(ancestor: Node, node: Node): boolean {
  for (let at: Node | null = node; at; at = (at.getRootNode() as Partial<ShadowRoot>).host ?? null)
    if (ancestor.contains(at)) return true;
  return false;
}

function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.tagName) || element.hasAttribute("hidden")) return true;
  const editable = element.getAttribute("contenteditable");
  return editable !== null && editable !== "false";
}

/**
 * Collects the text blocks under root, in document order. `exclude` is left out (our own UI). Open
 * shadow roots are entered where their host stands (closed ones cannot be, and our own UI's is closed).
 */
export function collectBlocks(root: Node, exclude?: Node): TextBlock[] {
  return [...walkBlocks(root, exclude)];
}

/** The same, one block at a time. */
export function* walkBlocks(root: Node, exclude?: Node): Generator<TextBlock> {
  const walker = new BlockWalker(root, exclude);
  for (let block = walker.next(); block; block = walker.next()) yield block;
}

const isBlock = (node: Node): boolean =>
  node.nodeType === Node.ELEMENT_NODE && !INLINE.has((node as Element).tagName);

/**
 * Walks the blocks under root one at a time, so a caller can pause between blocks on a long page.
 * A plain object rather than a generator: V8 optimises a long-running loop in a plain function while
 * it runs, never in a generator, and a page is walked once.
 */
export class BlockWalker {
  private node: Node | null;
  private current: TextBlock = { text: "", nodes: [], starts: [] };
  /** The walk of an open shadow root met on the way, run to its end before going on. */
  private inner: BlockWalker | null = null;

  /** `onShadowRoot` hears of every open shadow root entered (to watch it for changes). */
  constructor(
    private readonly root: Node,
    private readonly exclude?: Node,
    private readonly onShadowRoot?: (shadow: ShadowRoot) => void,
  ) {
    this.node = root.firstChild;
    const shadow = (root as Partial<Element>).shadowRoot;
    if (shadow) this.enter(shadow);
  }

  /** The next block of text in document order, or null when there is none. */
  next(): TextBlock | null {
    const root = this.root;
    while (this.node || this.inner) {
      if (this.inner) {
        const block = this.inner.next();
        if (block) return block;
        this.inner = null;
      }
      let node: Node | null = this.node;
      if (!node) break;
      let done: TextBlock | null = null;
      let descend = false;
      const type = node.nodeType;
      if (type === Node.TEXT_NODE) {
        const text = node as Text;
        this.current.starts.push(this.current.text.length);
        this.current.nodes.push(text);
        this.current.text += text.data;
      } else if (type === Node.ELEMENT_NODE) {
        // A skipped element (code, a form field, our own UI) also breaks the run: no term spans it.
        if (node === this.exclude || isSkipped(node as Element)) done = this.flush();
        else {
          if (node.nodeName === "BR" || !INLINE.has((node as Element).tagName)) done = this.flush();
          descend = node.firstChild !== null;
          // The shadow tree's text is its own run of blocks; slotted children are walked below, as light DOM.
          const shadow = (node as Element).shadowRoot;
          if (shadow) {
            done ??= this.flush();
            this.enter(shadow);
          }
        }
      }
      if (descend) {
        this.node = node.firstChild;
      } else {
        // Climb until a next sibling exists, closing every block we leave.
        while (node && node !== root && !node.nextSibling) {
          node = node.parentNode;
          if (node && isBlock(node)) done ??= this.flush();
        }
        this.node = node && node !== root ? node.nextSibling : null;
      }
      if (done) return done;
    }
    return this.flush();
  }

  private enter(shadow: ShadowRoot): void {
    this.onShadowRoot?.(shadow);
    this.inner = new BlockWalker(shadow, this.exclude, this.onShadowRoot);
  }

  /** Ends the current run of text: the block, when it holds a word. */
  private flush(): TextBlock | null {
    const block = this.current;
    if (block.nodes.length === 0) return null;
    this.current = { text: "", nodes: [], starts: [] };
    return hasWord(block.text) ? block : null;
  }
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
