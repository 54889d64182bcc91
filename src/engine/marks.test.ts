// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { type Mark, MarkSet } from "./marks";

// happy-dom has no StaticRange; a plain record of the same four fields stands in for it.
globalThis.StaticRange ??= class {
  constructor(init: StaticRangeInit) {
    Object.assign(this, init);
  }
} as unknown as typeof StaticRange;

const markOn = (node: Text): Mark => ({
  entry: 0,
  range: new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: 1 }),
  text: node.data.slice(0, 1),
  nodes: [node],
});

describe("MarkSet.list", () => {
  it("puts marks inside open shadow roots in reading order: where the host stands, before its light children", () => {
    document.body.innerHTML = "<p>One</p><div id='outer'><i>Five</i></div><p>Six</p><div id='last'></div>";
    const outer = (document.querySelector("#outer") as Element).attachShadow({ mode: "open" });
    outer.innerHTML = "<p>Two</p><span id='inner'></span><p>Four</p>";
    const inner = (outer.querySelector("#inner") as Element).attachShadow({ mode: "open" });
    inner.innerHTML = "<p>Three</p>";
    const last = (document.querySelector("#last") as Element).attachShadow({ mode: "open" });
    last.innerHTML = "<p>Seven</p>";
    const texts = (root: ParentNode) =>
      [...root.querySelectorAll("p, i")].map((element) => element.firstChild as Text);
    const nodes = [...texts(document), ...texts(outer), ...texts(inner), ...texts(last)];
    const marks = new MarkSet();
    for (const node of [...nodes].reverse()) marks.add(markOn(node));
    expect(marks.list().map((mark) => (mark.range.startContainer as Text).data)).toEqual([
      "One",
      "Two",
      "Three",
      "Four",
      "Five",
      "Six",
      "Seven",
    ]);
  });
});
