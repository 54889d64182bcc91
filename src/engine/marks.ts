/**
 * Finding and remembering marks. Marks are StaticRanges drawn through the CSS Custom Highlight API:
 * no node of the page is added, split or edited, and StaticRanges cost the page nothing when it edits
 * itself.
 */
import type { CompiledIndex } from "../glossary/compile";
import { Matcher } from "./matcher";
import { collectBlocks, locate, type TextBlock } from "./text-blocks";

export interface Mark {
  entry: number;
  range: StaticRange;
  /** The text as it stands on the page. */
  text: string;
}

export class MarkSet {
  readonly marks: Mark[] = [];
  private readonly byNode = new Map<Node, Mark[]>();

  add(mark: Mark, block: TextBlock): void {
    this.marks.push(mark);
    const first = block.nodes.indexOf(mark.range.startContainer as Text);
    const last = block.nodes.indexOf(mark.range.endContainer as Text, first);
    for (let i = first; i <= last; i++) {
      const node = block.nodes[i] as Text;
      this.byNode.set(node, [...(this.byNode.get(node) ?? []), mark]);
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

export interface FindOptions {
  /** Mark only the first occurrence of each entry. */
  firstOnly: boolean;
  exclude?: Node;
}

/** Scans root and returns its marks in reading order. */
export function findMarks(root: Node, index: CompiledIndex, matcher: Matcher, options: FindOptions): MarkSet {
  const set = new MarkSet();
  const blocks = collectBlocks(root, options.exclude);
  const present = contextWords(index, blocks);
  const seen = new Set<number>();
  for (const block of blocks) {
    for (const match of matcher.scan(block.text)) {
      const entry = match.entries.find((candidate) => fitsContext(index, candidate, present));
      if (entry === undefined || (options.firstOnly && seen.has(entry))) continue;
      const start = locate(block, match.start);
      const end = locate(block, match.end, true);
      // Hidden text (display:none, visibility:hidden) is not the reader's text.
      if (!start.node.parentElement?.checkVisibility({ visibilityProperty: true })) continue;
      const range = new StaticRange({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
      });
      seen.add(entry);
      set.add({ entry, range, text: block.text.slice(match.start, match.end) }, block);
    }
  }
  return set;
}

/** Which context words occur on the page, found with the same matcher rules as terms. */
function contextWords(index: CompiledIndex, blocks: TextBlock[]): Set<string> {
  const words = [
    ...new Set(index.entries.flatMap((entry) => [...(entry.require ?? []), ...(entry.exclude ?? [])])),
  ];
  if (words.length === 0) return new Set();
  const matcher = new Matcher(words.map((folded, entry) => ({ folded, entry })));
  const present = new Set<string>();
  for (const block of blocks) {
    for (const match of matcher.scan(block.text)) present.add(words[match.entries[0] as number] as string);
  }
  return present;
}

function fitsContext(index: CompiledIndex, entry: number, present: Set<string>): boolean {
  const { require, exclude } = index.entries[entry] ?? {};
  if (require && !require.some((word) => present.has(word))) return false;
  return !exclude?.some((word) => present.has(word));
}
