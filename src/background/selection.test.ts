import { describe, expect, it } from "vitest";
import { Matcher } from "../engine/matcher";
import { bundledIndex } from "../glossary/bundled";
import { selectionAction } from "./selection";

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
});
