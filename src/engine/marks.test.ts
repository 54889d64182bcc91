// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { compileIndex } from "../glossary/compile";
import { ContextWords, type Mark, MarkSet } from "./marks";
import { TextScanner } from "./text-scan";

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

describe("ContextWords.settled", () => {
  // Georgia the country, unless the page is about the US state; Georgia the state needs a word for it.
  const index = compileIndex([
    {
      id: "georgia-country",
      title: "Georgia",
      category: "places",
      aliases: ["Georgia"],
      context: { exclude: ["Atlanta"] },
    },
    {
      id: "georgia-state",
      title: "Georgia (US state)",
      category: "places",
      aliases: ["Georgia"],
      context: { require: ["Atlanta"] },
    },
    {
      id: "tbilisi",
      title: "Tbilisi",
      category: "places",
      aliases: ["Tbilisi"],
      context: { require: ["Georgia"] },
    },
    { id: "idlib", title: "Idlib", category: "places", aliases: ["Idlib"] },
  ] as never);
  const [country, state, tbilisi, idlib] = [0, 1, 2, 3];

  it("is final at once for an entry without rules", () => {
    expect(new ContextWords(index.entries).settled([idlib])).toBe(true);
  });

  it("waits for a required word, and is final once it is seen", () => {
    const context = new ContextWords(index.entries);
    expect(context.settled([tbilisi])).toBe(false);
    context.note(new TextScanner(index).scan(["Talks in Georgia went on."]).words);
    expect(context.settled([tbilisi])).toBe(true);
    expect(context.choose([tbilisi])).toBe(tbilisi);
  });

  it("waits while an excluded word may still come, and moves on once it has", () => {
    const context = new ContextWords(index.entries);
    expect(context.settled([country, state])).toBe(false);
    context.note(new TextScanner(index).scan(["Rain in Atlanta."]).words);
    expect(context.settled([country, state])).toBe(true);
    expect(context.choose([country, state])).toBe(state);
  });
});

describe("ContextWords.present", () => {
  // One entry's word sits inside another's: the pass over a text finds the longer one only.
  const index = compileIndex([
    {
      id: "jordan",
      title: "Jordan",
      category: "places",
      aliases: ["Jordan"],
      context: { exclude: ["Jordan Bardella", "West Bank"] },
    },
    {
      id: "national-rally",
      title: "National Rally",
      category: "organizations",
      aliases: ["National Rally"],
      context: { require: ["Bardella", "Le Pen", "Bank"] },
    },
    { id: "marine-le-pen", title: "Marine Le Pen", category: "people", aliases: ["Marine Le Pen"] },
  ] as never);
  const seen = (text: string) => {
    const context = new ContextWords(index.entries);
    context.note(new TextScanner(index).scan([text]).words);
    return [...context.present].sort();
  };

  it("holds a word inside a longer one, at a later word of it", () => {
    expect(seen("Jordan Bardella, the party's president, spoke.")).toEqual(["bardella", "jordan bardella"]);
    expect(seen("A visit to the West Bank.")).toEqual(["bank", "west bank"]);
  });

  it("holds no word cut out of the middle of another", () => {
    expect(seen("Jordan Bardellas and Bankers met.")).toEqual([]);
    expect(seen("Le Penn spoke.")).toEqual([]);
  });

  it("marks the entry that needs the inner word", () => {
    const context = new ContextWords(index.entries);
    context.note(new TextScanner(index).scan(["Jordan Bardella leads the National Rally."]).words);
    expect(context.choose([1])).toBe(1);
  });
});
