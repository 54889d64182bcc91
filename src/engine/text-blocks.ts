/**
 * Reads a page's text the way a reader sees it: one string per block (a paragraph, a heading, a list
 * item), joined across inline elements so "<b>Recep</b> Tayyip Erdoğan" is one run of text. Never
 * enters code, form fields, editable regions or hidden subtrees.
 */
import { isWordCode } from "./fold";
import { INLINE, isBlock, isSkipped, SHADOW_HOSTS, SKIPPED } from "./page-elements";

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** starts[i] is where nodes[i] begins in text. */
  starts: number[];
}

/**
 * Collects the text blocks under root, in document order. `exclude` is left out (our own UI). Open
 * shadow roots are entered where their host stands (closed ones cannot be, and our own UI's is closed).
 */
export function collectBlocks(root: Node, exclude?: Node): TextBlock[] {
  const blocks: TextBlock[] = [];
  const walker = new BlockWalker(root, exclude);
  for (let block = walker.next(); block; block = walker.next()) blocks.push(block);
  return blocks;
}

// Node.TEXT_NODE and Node.ELEMENT_NODE, without a lookup of Node for every node of the page.
const TEXT = 3;
const ELEMENT = 1;

/**
 * The elements under root that may be skipped for an attribute (hidden, contenteditable), found in one
 * native query rather than asked of every element in turn; null when there are none, as on most pages.
 * It holds what the page had when the walk began: one still holding the attribute is skipped, and an
 * element given one while the walk is paused is read (its text is checked for visibility when marked).
 */
function skippedByAttribute(root: Node): Set<Element> | null {
  const candidates = (root as Partial<ParentNode>).querySelectorAll?.("[hidden],[contenteditable]") ?? [];
  const skipped = [...candidates].filter(isSkipped);
  return skipped.length > 0 ? new Set(skipped) : null;
}

/**
 * Walks the blocks under root one at a time, so a caller can pause between blocks on a long page.
 * A plain object rather than a generator: V8 optimises a long-running loop in a plain function while
 * it runs, never in a generator, and a page is walked once. A page is read cold, before the JIT has
 * made much of this code fast, so each node costs as few calls into the DOM as it can: an element's
 * tag is read once, whether it starts a block is remembered on the way down rather than asked again
 * on the way up, and its attributes are not asked at all (see skippedByAttribute).
 */
export class BlockWalker {
  private node: Node | null;
  /** The current run of text: its pieces, their nodes, where each starts, and its length. */
  private pieces: string[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private length = 0;
  /** The elements the walk is inside (below root), and whether each starts a block. */
  private readonly openElements: Node[] = [];
  private readonly openBlocks: boolean[] = [];
  private readonly skipped: Set<Element> | null;
  /** The walk of an open shadow root met on the way, run to its end before going on. */
  private inner: BlockWalker | null = null;

  /** `onShadowRoot` hears of every open shadow root entered (to watch it for changes). */
  constructor(
    private readonly root: Node,
    private readonly exclude?: Node,
    private readonly onShadowRoot?: (shadow: ShadowRoot) => void,
  ) {
    this.node = root.firstChild;
    this.skipped = skippedByAttribute(root);
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
      let child: Node | null = null;
      const type = node.nodeType;
      if (type === TEXT) {
        const data = (node as Text).data;
        this.pieces.push(data);
        this.nodes.push(node as Text);
        this.starts.push(this.length);
        this.length += data.length;
      } else if (type === ELEMENT) {
        const element = node as Element;
        const tag = element.tagName;
        // A skipped element (code, a form field, our own UI) also breaks the run: no term spans it.
        const skipped =
          SKIPPED.has(tag) || element === this.exclude || (this.skipped?.has(element) && isSkipped(element));
        if (skipped) done = this.flush();
        else {
          const block = !INLINE.has(tag);
          if (block) done = this.flush();
          child = element.firstChild;
          if (child) {
            this.openElements.push(element);
            this.openBlocks.push(block);
          }
          // The shadow tree's text is its own run of blocks; slotted children are walked below, as light DOM.
          const shadow = SHADOW_HOSTS.has(tag) || tag.includes("-") ? element.shadowRoot : null;
          if (shadow) {
            done ??= this.flush();
            this.enter(shadow);
          }
        }
      }
      if (child) {
        this.node = child;
      } else {
        // Climb until a next sibling exists, closing every block we leave.
        let next: Node | null = null;
        while (node && node !== root) {
          next = node.nextSibling;
          if (next) break;
          node = node.parentNode;
          if (node && node !== root && this.leaves(node)) done ??= this.flush();
        }
        this.node = node && node !== root ? next : null;
      }
      if (done) return done;
    }
    return this.flush();
  }

  /**
   * Whether the element the walk climbs out of starts a block: as noted on the way down, unless the
   * page moved things while the walk was paused between blocks; then the element itself is asked.
   */
  private leaves(element: Node): boolean {
    if (this.openElements.at(-1) !== element) return isBlock(element);
    this.openElements.pop();
    return this.openBlocks.pop() as boolean;
  }

  private enter(shadow: ShadowRoot): void {
    this.onShadowRoot?.(shadow);
    this.inner = new BlockWalker(shadow, this.exclude, this.onShadowRoot);
  }

  /** Ends the current run of text: the block, when it holds a word. */
  private flush(): TextBlock | null {
    if (this.nodes.length === 0) return null;
    const pieces = this.pieces;
    const text = pieces.length === 1 ? (pieces[0] as string) : pieces.join("");
    const block = { text, nodes: this.nodes, starts: this.starts };
    this.pieces = [];
    this.nodes = [];
    this.starts = [];
    this.length = 0;
    return hasWord(block.text) ? block : null;
  }
}

/**
 * Whether text holds a letter or digit. Most blocks start with one; most others are the white space
 * between a page's tags, which trim() rules out natively. Asked of each character in turn, as before,
 * they cost a page read cold as much as its text: guardian-1's article has 11,600 characters of it,
 * in 450 runs, beside 10,000 of text.
 */
function hasWord(text: string): boolean {
  if (isWordCode(text.charCodeAt(0))) return true;
  if (text.trim() === "") return false;
  for (let i = 1; i < text.length; i++) if (isWordCode(text.charCodeAt(i))) return true;
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
