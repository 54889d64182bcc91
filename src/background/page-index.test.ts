import { describe, expect, it } from "vitest";
import { compileIndex } from "../glossary/compile";
import type { Entry } from "../glossary/schema";
import { indexFromTexts, unpackTexts } from "../shared/index-wire";
import { indexPieceServer, pageIndexKeeper } from "./page-index";

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
    expect(first.index.entries.count).toBe(2);
    expect(await pageIndex()).toEqual(first);
    expect(source.state.loads).toBe(1);
    source.state.stamp = "b";
    source.state.index = null;
    const second = await pageIndex();
    expect(second.index).toBe(bundled);
    expect(second.made).not.toBe(first.made);
    expect(source.state.loads).toBe(2);
  });

  it("gives the bundled index when the reader's cannot be read, and tries again next time", async () => {
    const source = store();
    source.state.fail = true;
    const pageIndex = pageIndexKeeper(bundled, source);
    expect((await pageIndex()).index).toBe(bundled);
    source.state.fail = false;
    expect((await pageIndex()).index.entries.count).toBe(2);
  });

  it("answers calls made together (a page asking for each part) from one index", async () => {
    const source = store();
    const pageIndex = pageIndexKeeper(bundled, source);
    const answers = await Promise.all([pageIndex(), pageIndex(), pageIndex(), pageIndex()]);
    expect(new Set(answers.map(({ made }) => made)).size).toBe(1);
    expect(new Set(answers.map(({ index }) => index)).size).toBe(1);
    expect(source.state.loads).toBe(1);
  });
});

describe("indexPieceServer", () => {
  it("serves the current index piece by piece, each piece saying which index it is from", async () => {
    const source = store();
    const keeper = pageIndexKeeper(bundled, source);
    const serve = indexPieceServer(keeper);
    const first = await serve(0);
    const rest = await Promise.all(Array.from({ length: first.pieces - 1 }, (_, n) => serve(n + 1)));
    const texts = unpackTexts([first, ...rest]);
    expect(indexFromTexts(texts?.map((parts) => parts.join("")) ?? [])).toEqual((await keeper()).index);
    source.state.stamp = "b";
    expect((await serve(0)).made).not.toBe(first.made);
  });
});
