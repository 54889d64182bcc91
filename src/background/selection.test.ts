import { describe, expect, it } from "vitest";
import { Matcher } from "../engine/matcher";
import { bundledIndex } from "../glossary/bundled";
import { combineIndexes } from "../glossary/combine-index";
import { compileIndex } from "../glossary/compile";
import { selectionAction, selectionLookup } from "./selection";

const matcher = new Matcher(bundledIndex.aliases, bundledIndex.trie);

describe("selectionAction", () => {
  it("explains the entry a selection names, even with words around it", () => {
    expect(selectionAction("Idlib", matcher, bundledIndex)).toEqual({ explain: "idlib" });
    expect(selectionAction(" the  S-400 missiles", matcher, bundledIndex)).toEqual({ explain: "s-400" });
  });

  it("searches the glossary for text that names no entry, tidied", () => {
    expect(selectionAction("  quantum\n gravity ", matcher, bundledIndex)).toEqual({
      search: "quantum gravity",
    });
  });

  it("explains a reader's own entry, once the reader has added it, as the page marks it", async () => {
    const ashby = {
      id: "ashby",
      title: "Ashby",
      aliases: ["Ashby"],
      category: "place" as const,
      summary: "A village with a ferry.",
      sources: [{ title: "Example", url: "https://example.org" }],
      reviewed: "2026-01-01",
    };
    let pageIndex = bundledIndex;
    const lookUp = selectionLookup(async () => pageIndex);
    expect(await lookUp("the ferry at Ashby", null)).toEqual({ search: "the ferry at Ashby" });
    pageIndex = combineIndexes(bundledIndex, compileIndex([ashby]));
    expect(await lookUp("the ferry at Ashby", null)).toEqual({ explain: "ashby" });
    expect(await lookUp("Idlib", null)).toEqual({ explain: "idlib" });
  });

  it("reads a name that changed its meaning as the page's date has it, or today's", async () => {
    const lookUp = selectionLookup(async () => bundledIndex);
    expect(await lookUp("the Israel-Iran war", "2025-07-01")).toEqual({ explain: "iran-israel-war-2025" });
    expect(await lookUp("the Israel-Iran war", "2026-03-10")).toEqual({ explain: "iran-war-2026" });
    expect(await lookUp("the Israel-Iran war", null)).toEqual({ explain: "iran-war-2026" });
    expect(await lookUp("Pope Leo", "2019-01-01")).toEqual({ search: "Pope Leo" });
  });
});
