// @vitest-environment happy-dom
/**
 * Property-based tests on generated DOM trees: finding marks never changes the page, and every mark's
 * text folds to the term it stands for, even across inline elements.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldAlias } from "./fold";
import { markFor } from "./marks";
import { collectBlocks } from "./text-blocks";
import { aliasesOf, matcherFor } from "./trie-build";

// happy-dom has no StaticRange; a plain record of the same four fields stands in for it.
globalThis.StaticRange ??= class {
  constructor(init: StaticRangeInit) {
    Object.assign(this, init);
  }
} as unknown as typeof StaticRange;

const SEED =
  process.env.FUZZ_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20200221);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

const TERMS = ["Idlib", "Sochi agreement", "S-400", "Recep Tayyip Erdoğan", "Assad"];
const WORDS = [...TERMS.flatMap((term) => term.split(" ")), "the", "talks", "in", "Erdogan", "S", "400", "x"];

type Tree = string | { tag: string; children: Tree[] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => `${words.join(" ")} `),
    fc.record({
      tag: fc.constantFrom("p", "div", "b", "a", "span", "em", "li", "code", "script"),
      children: fc.array(tie("node"), { maxLength: 4 }),
    }),
  ),
})).node;

function build(node: Tree, parent: Node): void {
  if (typeof node === "string") {
    parent.appendChild(document.createTextNode(node));
    return;
  }
  const element = document.createElement(node.tag);
  for (const child of node.children) build(child, element);
  parent.appendChild(element);
}

describe("marks on generated pages", () => {
  const matcher = matcherFor(aliasesOf(TERMS));

  it("leave the page exactly as it was, and each covers text that folds to its term", () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), (trees) => {
        document.body.replaceChildren();
        for (const node of trees) build(node, document.body);
        const before = document.body.innerHTML;
        for (const block of collectBlocks(document.body)) {
          for (const match of matcher.scan(block.text)) {
            const mark = markFor(block, match, match.entries[0] as number);
            const range = document.createRange();
            range.setStart(mark.range.startContainer, mark.range.startOffset);
            range.setEnd(mark.range.endContainer, mark.range.endOffset);
            expect(foldAlias(range.toString())).toBe(foldAlias(TERMS[mark.entry] as string));
            expect(range.toString()).toBe(mark.text);
          }
        }
        expect(document.body.innerHTML).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
