/**
 * Marks a page and keeps its marks right while the page changes. Work runs in slices of a few
 * milliseconds so no task is long, starting from what is on screen; changes (infinite scroll, live
 * blogs, single-page apps) are rescanned in batches, and marks whose text changed are dropped or redone.
 */
import { ContextWords, isIntact, type Mark, MarkSet, markFor } from "../engine/marks";
import type { Match, Matcher } from "../engine/matcher";
import {
  BlockWalker,
  blockOf,
  containsAcross,
  isInsideSkipped,
  type TextBlock,
  walkBlocks,
} from "../engine/text-blocks";
import type { CompiledIndex } from "../glossary/compile";
import { HOST_TAG } from "../shared/host-tag";
import { drawInside } from "./shadow-highlights";
import { Slicer } from "./slicer";

export const HIGHLIGHT = "backstory";

/** Each marking style is its own highlight name, styled in highlights.css ("none" draws nothing). */
export const HIGHLIGHT_FOR_STYLE = {
  dotted: HIGHLIGHT,
  solid: "backstory-solid",
  tint: "backstory-tint",
  none: "backstory-none",
} as const;
const BATCH_MS = 150;
/** With every occurrence marked, an endless page must not grow our memory without end. */
const MAX_MARKS = 3000;

export interface MarkerOptions {
  firstOnly: boolean;
  /** Where to look: the article body, or the whole page. */
  findRoot: () => Element | null;
  /** The highlight name the marks are drawn under (see HIGHLIGHT_FOR_STYLE); "backstory" by default. */
  highlight?: string;
  /** Entries the reader chose not to see marked (hidden entries and categories). */
  skip?: (entry: number) => boolean;
}

export class PageMarker {
  readonly marks = new MarkSet();
  private readonly highlight = new Highlight();
  readonly context: ContextWords;
  private readonly firstMark = new Map<number, Mark>();
  private readonly dirty = new Set<Element>();
  root: Element | null = null;
  private batchTimer = 0;
  /** Whether the page's context words are being read (only once some match needs them). */
  private contextRead = false;
  private readonly observer = new MutationObserver((records) => this.noteChanges(records));
  /** Open shadow roots met while walking: the observer on the document does not see into them. */
  private readonly watched = new WeakSet<ShadowRoot>();

  constructor(
    index: CompiledIndex,
    private readonly matcher: Matcher,
    private readonly options: MarkerOptions,
    private readonly signal: AbortSignal,
  ) {
    this.context = new ContextWords(index);
    const name = options.highlight ?? HIGHLIGHT;
    CSS.highlights.set(name, this.highlight);
    this.watch(document);
    signal.addEventListener("abort", () => {
      this.observer.disconnect();
      clearTimeout(this.batchTimer);
      CSS.highlights.delete(name);
    });
  }

  private watch(target: Document | ShadowRoot): void {
    this.observer.observe(target, { childList: true, subtree: true, characterData: true });
  }

  private readonly onShadowRoot = (shadow: ShadowRoot): void => {
    if (this.watched.has(shadow) || this.signal.aborted) return;
    this.watched.add(shadow);
    this.watch(shadow);
  };

  async markAll(): Promise<void> {
    this.root = this.options.findRoot();
    if (this.root) await this.scan(this.root);
  }

  /**
   * Matches the text under the roots in one pass, then marks the matches from the viewport on. Context
   * words are read only on pages that need them: once a match could be an entry with context rules,
   * the text read so far is read for them (once), and from then on every new block as it comes.
   */
  private async scan(...roots: Element[]): Promise<void> {
    const slicer = new Slicer();
    const found: Found[] = [];
    // Until some match needs the page's context words, the texts are kept to read them from then.
    let unread: string[] | null = this.contextRead ? null : [];
    const whole = roots.length === 1 && roots[0] === this.root;
    for (const root of roots) {
      const walker = new BlockWalker(root, undefined, this.onShadowRoot);
      for (let block = walker.next(); block; block = walker.next()) {
        const matches = this.matcher.scan(block.text);
        if (matches.length > 0) found.push({ block, matches });
        if (unread && matches.some((match) => this.context.rules(match.entries))) {
          this.contextRead = true;
          // A rescan of a part kept only that part's texts: read the whole article instead.
          const texts = whole ? unread : textsOf(this.root ?? document.body);
          unread = null;
          for (const text of texts) {
            this.context.read(text);
            if (slicer.due()) {
              await slicer.pause();
              if (this.signal.aborted) return;
            }
          }
        }
        if (unread) unread.push(block.text);
        else this.context.read(block.text);
        if (slicer.due()) {
          await slicer.pause();
          if (this.signal.aborted) return;
        }
      }
    }
    for (const { block, matches } of fromViewport(found)) {
      for (const match of matches) this.consider(block, match);
      if (slicer.due()) {
        await slicer.pause();
        if (this.signal.aborted) return;
      }
    }
  }

  private consider(block: TextBlock, match: Match): void {
    const entry = this.choose(match.entries);
    if (entry === undefined || this.marks.size >= MAX_MARKS) return;
    if (this.options.firstOnly && this.firstMark.has(entry)) return;
    const mark = markFor(block, match, entry);
    // Hidden text (display:none, visibility:hidden) is not the reader's text.
    // (Text at the top of a shadow tree has no parent element: its host's visibility is its own.)
    const first = mark.nodes[0] as Text;
    const parent = first.parentElement ?? (first.parentNode as Partial<ShadowRoot> | null)?.host;
    if (!parent?.checkVisibility({ visibilityProperty: true })) return;
    this.marks.add(mark);
    this.highlight.add(mark.range);
    if (import.meta.env.MODE === "firefox") {
      // Firefox draws no page highlight styles inside a shadow tree: see shadow-highlights.ts.
      const tree = first.getRootNode() as Partial<ShadowRoot>;
      if (tree.host) drawInside(tree as ShadowRoot, this.signal);
    }
    if (!this.firstMark.has(entry)) this.firstMark.set(entry, mark);
  }

  /** The entry a match stands for on this page, leaving out those the reader hid; undefined for none. */
  choose(candidates: number[]): number | undefined {
    const skip = this.options.skip;
    return this.context.choose(skip ? candidates.filter((entry) => !skip(entry)) : candidates);
  }

  private drop(mark: Mark): void {
    this.marks.remove(mark);
    this.highlight.delete(mark.range);
    if (this.firstMark.get(mark.entry) === mark) this.firstMark.delete(mark.entry);
  }

  private noteChanges(records: MutationRecord[]): void {
    for (const record of records) {
      if (isOurOwn(record)) continue;
      const block = blockOf(record.target);
      if (block) this.dirty.add(block);
    }
    if (this.dirty.size > 0 && this.batchTimer === 0) {
      this.batchTimer = window.setTimeout(() => void this.rescan(), BATCH_MS);
    }
  }

  private async rescan(): Promise<void> {
    this.batchTimer = 0;
    const changed = [...this.dirty];
    this.dirty.clear();
    // The page swapped its content wholesale (a single-page-app navigation), or a page still parsing
    // has now parsed its article (we started early on a page held up mid-parse): start again.
    const moved = document.readyState === "loading" && this.options.findRoot() !== this.root;
    if (!this.root?.isConnected || moved) {
      for (const mark of this.marks.unordered()) this.drop(mark);
      await this.markAll();
      return;
    }
    const root = this.root;
    // Changes inside open shadow roots count too: `contains` alone stops at a shadow boundary.
    const roots = changed.filter(
      (element) =>
        element.isConnected &&
        (containsAcross(root, element) || element.contains(root)) &&
        !changed.some((other) => other !== element && containsAcross(other, element)),
    );
    for (const mark of this.marks.unordered()) {
      const redo = roots.some((element) => containsAcross(element, mark.nodes[0] as Node));
      if (redo || !isIntact(mark)) this.drop(mark);
    }
    await this.scan(
      ...roots
        .map((element) => (element.contains(root) ? root : element))
        .filter((element) => !isInsideSkipped(element)),
    );
  }
}

function* textsOf(root: Element): Generator<string> {
  for (const block of walkBlocks(root)) yield block.text;
}

/** Opening and closing the explainer adds and removes our host element: not a change to the page. */
function isOurOwn(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((node) => node.nodeName.toLowerCase() === HOST_TAG);
}

/** A block of text and the matches in it. */
interface Found {
  block: TextBlock;
  matches: Match[];
}

/**
 * Blocks from the first one on screen onwards, then those above it: what the reader sees is marked
 * first. Blocks are in document order, so a binary search over a few boxes finds the place.
 */
function fromViewport(blocks: Found[]): Found[] {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const element = blocks[mid]?.block.nodes[0]?.parentElement;
    const bottom = element ? element.getBoundingClientRect().bottom : 0;
    if (bottom < 0) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? blocks : [...blocks.slice(low), ...blocks.slice(0, low)];
}
