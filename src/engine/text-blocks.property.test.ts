// @vitest-environment happy-dom
/**
 * Property-based test on generated DOM trees: the block walker, written for speed, reads exactly the
 * blocks of the plain recursive definition below.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectBlocks } from "./text-blocks";

const SEED =
  process.env.FUZZ_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20200221);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const INLINE = ["b", "a", "span", "em"];
const BLOCK = ["p", "div", "li", "br", "h2"];
const SKIPPED = ["code", "script", "textarea"];

type Tree = string | { tag: string; attribute: string | null; children: Tree[] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("Idlib", "Sochi ", " talks", "2020", "…", " ", "Erdoğan"),
    fc.record({
      tag: fc.constantFrom(...INLINE, ...BLOCK, ...SKIPPED),
      attribute: fc.constantFrom(null, null, null, "hidden", "contenteditable", 'contenteditable="false"'),
      children: fc.array(tie("node"), { maxLength: 4 }),
    }),
  ),
})).node;

function html(node: Tree): string {
  if (typeof node === "string") return node;
  if (node.tag === "br") return "<br>";
  const open = node.attribute ? `<${node.tag} ${node.attribute}>` : `<${node.tag}>`;
  return `${open}${node.children.map(html).join("")}</${node.tag}>`;
}

/** The definition: runs of text between block starts and ends, skipped subtrees breaking runs too. */
function referenceBlocks(root: Node): { text: string; nodes: number }[] {
  const blocks: { text: string; nodes: number }[] = [];
  let text = "";
  let nodes = 0;
  const flush = () => {
    if (nodes > 0 && /[\p{L}\p{N}\p{M}]/u.test(text)) blocks.push({ text, nodes });
    text = "";
    nodes = 0;
  };
  const visit = (parent: Node) => {
    for (const child of parent.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        text += (child as Text).data;
        nodes++;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const element = child as Element;
        const editable = element.getAttribute("contenteditable");
        const skipped =
          SKIPPED.includes(element.localName) ||
          element.hasAttribute("hidden") ||
          (editable !== null && editable !== "false");
        const inline = INLINE.includes(element.localName);
        if (skipped || !inline) flush();
        if (skipped) continue;
        visit(element);
        if (!inline) flush();
      }
    }
  };
  visit(root);
  flush();
  return blocks;
}

describe("the block walker on generated pages", () => {
  it("reads the same blocks, from the same text nodes, as the plain definition", () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), (trees) => {
        document.body.innerHTML = `<article>${trees.map(html).join("")}</article>`;
        const root = document.body.firstChild as Element;
        const walked = collectBlocks(root).map((block) => {
          // Each block's starts must say where each of its nodes begins in its text.
          block.nodes.forEach((node, i) => {
            const start = block.starts[i] as number;
            expect(block.text.slice(start, start + node.data.length)).toBe(node.data);
          });
          return { text: block.text, nodes: block.nodes.length };
        });
        expect(walked).toEqual(referenceBlocks(root));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
