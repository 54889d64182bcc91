import { describe, expect, it } from "vitest";
import { compileIndex } from "../glossary/compile";
import type { Entry } from "../glossary/schema";
import { pageIndexKeeper } from "./page-index";

const entry = (id: string, alias: string) =>
  ({ id, title: alias, category: "places", aliases: [alias] }) as unknown as Entry;
const bundled = compileIndex([entry("idlib", "Idlib")]);
const reader = compileIndex([entry("gaza", "Gaza")]);

/** A reader's store whose stamp and index the test sets, counting the index loads. */
function store() {
  const state = { stamp: "a" as unknown, index: reader as typeof reader | null, fail: false, loads: 0 };
  return {
    state,
    stamp: async () => state.stamp,
    loadIndex: async () => {
      state.loads++;
      if (state.fail) throw new Error("storage failed");
      return state.index;
    },
  };
}

describe("pageIndexKeeper", () => {
  it("combines the reader's index once, and again only after a new save", async () => {
    const source = store();
    const pageIndex = pageIndexKeeper(bundled, source);
    const first = await pageIndex();
    expect(first.entries.count).toBe(2);
    expect(await pageIndex()).toBe(first);
    expect(source.state.loads).toBe(1);
    source.state.stamp = "b";
    source.state.index = null;
    expect(await pageIndex()).toBe(bundled);
    expect(source.state.loads).toBe(2);
  });

  it("gives the bundled index when the reader's cannot be read, and tries again next time", async () => {
    const source = store();
    source.state.fail = true;
    const pageIndex = pageIndexKeeper(bundled, source);
    expect(await pageIndex()).toBe(bundled);
    source.state.fail = false;
    expect((await pageIndex()).entries.count).toBe(2);
  });
});
