/**
 * Finding and remembering marks. Marks are StaticRanges drawn through the CSS Custom Highlight API:
 * no node of the page is added, split or edited, and StaticRanges cost the page nothing when it edits
 * itself.
 */
import { type EntryColumns, entryRule } from "../glossary/entry-table";
import type { Match } from "./matcher";
import { locate, type TextBlock } from "./text-blocks";

export interface Mark {
  entry: number;
  range: StaticRange;
  /** The text as it stood on the page when marked, to notice when it changes. */
  text: string;
  /** Every text node the mark covers, in order. */
  nodes: Text[];
}

export class MarkSet {
  private readonly all = new Set<Mark>();
  private readonly byNode = new Map<Node, Mark[]>();

  get size(): number {
    return this.all.size;
  }

  /** Marks in no particular order (cheap). */
  unordered(): Mark[] {
    return [...this.all];
  }

  /** Marks in reading order. */
  list(): Mark[] {
    return [...this.all].sort(
      (a, b) =>
        order(a.range.startContainer, b.range.startContainer) || a.range.startOffset - b.range.startOffset,
    );
  }

  add(mark: Mark): void {
    this.all.add(mark);
    for (const node of mark.nodes) this.byNode.set(node, [...(this.byNode.get(node) ?? []), mark]);
  }

  remove(mark: Mark): void {
    this.all.delete(mark);
    for (const node of mark.nodes) {
      const rest = (this.byNode.get(node) ?? []).filter((other) => other !== mark);
      if (rest.length > 0) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }

  /** Marks that contain the caret position (node, offset), boundaries included. */
  at(node: Node, offset: number): Mark[] {
    return (this.byNode.get(node) ?? []).filter(({ range }) => {
      const afterStart = node !== range.startContainer || offset >= range.startOffset;
      const beforeEnd = node !== range.endContainer || offset <= range.endOffset;
      return afterStart && beforeEnd;
    });
  }
}

function order(a: Node, b: Node): number {
  if (a === b) return 0;
  if (a.getRootNode() !== b.getRootNode()) return orderAcross(a, b);
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/**
 * Reading order between nodes in different trees (the page and open shadow roots), where
 * compareDocumentPosition answers at random: each node stands where its shadow hosts stand, in the
 * first tree the two share. Inside its host, a shadow tree comes before the host's light children,
 * as the walk reads it (`compareDocumentPosition` puts a host before what it contains).
 */
function orderAcross(a: Node, b: Node): number {
  const hosts = (node: Node): Node[] => {
    const chain = [node];
    // (Xrays in Firefox's content scripts make `instanceof ShadowRoot` unreliable: ask for a host.)
    for (let host = (node.getRootNode() as Partial<ShadowRoot>).host; host; ) {
      chain.push(host);
      host = (host.getRootNode() as Partial<ShadowRoot>).host;
    }
    return chain;
  };
  const above = hosts(b);
  for (const x of hosts(a)) {
    const root = x.getRootNode();
    const y = above.find((node) => node.getRootNode() === root);
    if (y) return x === y ? 0 : x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  return 0;
}

/** True while the mark's nodes are in the page and still read as they did. */
export function isIntact(mark: Mark): boolean {
  if (!mark.nodes.every((node) => node.isConnected)) return false;
  const { startContainer, startOffset, endContainer, endOffset } = mark.range;
  if (startOffset > (startContainer as Text).length || endOffset > (endContainer as Text).length)
    return false;
  let text = "";
  for (const node of mark.nodes) {
    const from = node === startContainer ? startOffset : 0;
    const to = node === endContainer ? endOffset : node.length;
    text += node.data.slice(from, to);
  }
  return text === mark.text;
}

/** Builds a mark for a match in a block. */
export function markFor(block: TextBlock, match: Match, entry: number): Mark {
  const start = locate(block, match.start);
  const end = locate(block, match.end, true);
  const first = block.nodes.indexOf(start.node);
  const last = block.nodes.indexOf(end.node, first);
  return {
    entry,
    range: new StaticRange({
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: end.node,
      endOffset: end.offset,
    }),
    text: block.text.slice(match.start, match.end),
    nodes: block.nodes.slice(first, last + 1),
  };
}

/**
 * Context words found on the page, for entries that require or exclude them. The scans that find the
 * terms find the words too (see text-scan.ts); they are noted here.
 */
export class ContextWords {
  readonly present = new Set<string>();

  /** `entries` may grow: a page is sent the rows of the entries on it as they are found. */
  constructor(private readonly entries: Pick<EntryColumns, "rules">) {}

  /** Notes words a scan found on the page. */
  note(words: readonly string[]): void {
    for (const word of words) this.present.add(word);
  }

  /** Whether any of these entries has context rules, so the page's context words matter. */
  rules(candidates: readonly number[]): boolean {
    const { rules } = this.entries;
    // An index, not for...of: called for every match, mostly before the JIT has compiled it.
    for (let i = 0; i < candidates.length; i++) if (rules[candidates[i] as number]) return true;
    return false;
  }

  /**
   * Whether choose's answer is already final, however the page goes on. Words only ever add up, so a
   * candidate is ruled out for good once a word it excludes is seen, and fits for good once a word it
   * requires is, if it excludes none.
   */
  settled(candidates: readonly number[]): boolean {
    for (const candidate of candidates) {
      const { require, exclude } = entryRule(this.entries, candidate) ?? {};
      if (exclude?.some((word) => this.present.has(word))) continue;
      // An excluded word, or the one word required, may still come further on.
      return !exclude && (!require || require.some((word) => this.present.has(word)));
    }
    return true;
  }

  /** The first candidate entry whose context words fit the page. */
  choose(candidates: readonly number[]): number | undefined {
    return candidates.find((candidate) => {
      const { require, exclude } = entryRule(this.entries, candidate) ?? {};
      if (require && !require.some((word) => this.present.has(word))) return false;
      return !exclude?.some((word) => this.present.has(word));
    });
  }
}
