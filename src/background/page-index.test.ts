import { describe, expect, it } from "vitest";
import { readMatches } from "../engine/text-scan";
import { compileIndex } from "../glossary/compile";
import type { Entry } from "../glossary/schema";
import { entryTableFromTexts, type IndexPiece, unpackTexts } from "../shared/index-wire";
import { indexPieceServer, pageIndexKeeper, textScanServer } from "./page-index";

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

  it("gives the bundled index when the reader's is damaged, and reads it again only after a new save", async () => {
    const source = store();
    // Laid out as an index, but missing its aliases: combining it fails.
    source.state.index = { ...reader, aliases: undefined } as unknown as typeof reader;
    const pageIndex = pageIndexKeeper(bundled, source);
    expect(await pageIndex()).toBe(bundled);
    expect(await pageIndex()).toBe(bundled);
    expect(source.state.loads).toBe(1);
    source.state.stamp = "b";
    source.state.index = reader;
    expect((await pageIndex()).entries.count).toBe(2);
    expect(source.state.loads).toBe(2);
  });

  it("answers calls made together (a page asking for each piece) from one index", async () => {
    const source = store();
    const pageIndex = pageIndexKeeper(bundled, source);
    const answers = await Promise.all([pageIndex(), pageIndex(), pageIndex(), pageIndex()]);
    expect(new Set(answers).size).toBe(1);
    expect(source.state.loads).toBe(1);
  });
});

describe("indexPieceServer", () => {
  /** All the pieces, asked for as a page does: the first says how many there are. */
  async function allPieces(serve: (piece: number) => Promise<IndexPiece>): Promise<IndexPiece[]> {
    const first = await serve(0);
    const rest = await Promise.all(Array.from({ length: first.pieces - 1 }, (_, n) => serve(n + 1)));
    return [first, ...rest];
  }
  const tableOf = (pieces: IndexPiece[]) =>
    entryTableFromTexts(unpackTexts(pieces)?.map((parts) => parts.join("")) ?? []);

  it("serves the current index's entry table in pieces of the size asked for, all saying which packing they are from", async () => {
    const source = store();
    const keeper = pageIndexKeeper(bundled, source);
    const serve = indexPieceServer(keeper, 10);
    const pieces = await allPieces(serve);
    expect(pieces.length).toBeGreaterThan(3);
    expect(new Set(pieces.map(({ made }) => made)).size).toBe(1);
    expect(tableOf(pieces)).toEqual((await keeper()).entries);
    source.state.stamp = "b";
    expect((await serve(0)).made).not.toBe(pieces[0]?.made);
  });

  it("keeps serving the bundled entries, in whole, while the reader's cannot be read", async () => {
    const source = store();
    source.state.fail = true;
    const pieces = await allPieces(indexPieceServer(pageIndexKeeper(bundled, source), 10));
    expect(new Set(pieces.map(({ made }) => made)).size).toBe(1);
    expect(tableOf(pieces)).toEqual(bundled.entries);
    expect(pieces[0]?.version).toBe(await versionOf(bundled));
  });
});

/** The version pages get with an index's entries. */
const versionOf = async (index: typeof bundled) => (await indexPieceServer(async () => index)(0)).version;

describe("textScanServer", () => {
  const withRules = compileIndex([
    { ...entry("georgia", "Georgia"), context: { exclude: ["Atlanta"] } },
    entry("idlib", "Idlib"),
  ] as never);

  it("finds the terms in each text, and the context words in all of them", async () => {
    const scan = textScanServer(async () => withRules);
    const texts = ["Idlib and Georgia.", "Nothing here.", "Rain in Atlanta."];
    const answer = await scan(texts, null, await versionOf(withRules));
    expect(answer?.matches.map(readMatches)).toEqual([
      [
        { start: 0, end: 5, entries: [1] },
        { start: 10, end: 17, entries: [0] },
      ],
      [],
      [],
    ]);
    expect(answer?.words).toEqual(["atlanta"]);
  });

  it("reads a page's text as of its date", async () => {
    const war = (id: string, period: { since?: string; before?: string }) =>
      ({ id, title: id, category: "conflicts", aliases: [{ text: "Israel-Iran war", ...period }] }) as never;
    const index = compileIndex([
      war("june-2025", { before: "2026-02-28" }),
      war("of-2026", { since: "2026-02-28" }),
    ]);
    const scan = textScanServer(async () => index);
    const version = await versionOf(index);
    const entries = async (published: string | null) =>
      readMatches((await scan(["the Israel-Iran war"], published, version))?.matches[0] ?? [])[0]?.entries;
    expect(await entries("2025-07-01")).toEqual([0]);
    expect(await entries("2026-03-01")).toEqual([1]);
    expect(await entries("2025-08-01")).toEqual([0]);
  });

  it("answers null to a page whose entries are not the background's", async () => {
    const source = store();
    const pageIndex = pageIndexKeeper(bundled, source);
    const serve = indexPieceServer(pageIndex, 40);
    const scan = textScanServer(pageIndex);
    const { version } = await serve(0);
    expect(readMatches((await scan(["Gaza and Idlib"], null, version))?.matches[0] ?? [])).toHaveLength(2);
    // The reader saved their glossaries: the page's entry numbers are not the background's any more.
    source.state.stamp = "b";
    source.state.index = compileIndex([entry("rafah", "Rafah"), entry("gaza", "Gaza")]);
    expect(await scan(["Gaza and Idlib"], null, version)).toBeNull();
    const renewed = (await serve(0)).version;
    expect(renewed).not.toBe(version);
    expect(await scan(["Gaza and Idlib"], null, renewed)).not.toBeNull();
    // A background started again (an idle one is stopped) gives the same version for the same entries.
    const restarted = indexPieceServer(pageIndexKeeper(bundled, source), 40);
    expect((await restarted(0)).version).toBe(renewed);
    // So it does when only the save's stamp changed, or could not be read: the entries are the same.
    source.state.stamp = undefined;
    expect((await serve(0)).version).toBe(renewed);
    // Storage failed: the bundled index alone, under its own version, until it can be read again.
    source.state.stamp = "c";
    source.state.fail = true;
    expect((await serve(0)).version).toBe(await versionOf(bundled));
    source.state.fail = false;
    expect((await serve(0)).version).toBe(renewed);
  });
});
