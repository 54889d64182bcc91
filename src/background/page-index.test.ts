import { describe, expect, it } from "vitest";
import { readMatches } from "../engine/text-scan";
import { compileIndex } from "../glossary/compile";
import type { Entry } from "../glossary/schema";
import { pageIndexKeeper, textScanServer, titleServer } from "./page-index";

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

  it("answers calls made together (pages asking at once) from one index", async () => {
    const source = store();
    const pageIndex = pageIndexKeeper(bundled, source);
    const answers = await Promise.all([pageIndex(), pageIndex(), pageIndex(), pageIndex()]);
    expect(new Set(answers).size).toBe(1);
    expect(source.state.loads).toBe(1);
  });
});

/** The version an index's answers carry (see indexVersion). */
const versionOf = async (index: typeof bundled) =>
  (await textScanServer(async () => index)([], null, null, []))?.version;

describe("textScanServer", () => {
  const withRules = compileIndex([
    { ...entry("georgia", "Georgia"), context: { exclude: ["Atlanta"] } },
    entry("idlib", "Idlib"),
  ] as never);

  it("finds the terms in each text, and the context words in all of them", async () => {
    const scan = textScanServer(async () => withRules);
    const texts = ["Idlib and Georgia.", "Nothing here.", "Rain in Atlanta."];
    const answer = await scan(texts, null, (await versionOf(withRules)) ?? "", []);
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

  it("sends the rows of the entries found that the page does not hold, once each", async () => {
    const scan = textScanServer(async () => withRules);
    const answer = await scan(["Idlib, Georgia and Idlib.", "Idlib"], null, null, []);
    expect(answer?.rows).toEqual([
      [1, { id: "idlib", title: "Idlib", category: "places" }],
      [0, { id: "georgia", title: "Georgia", category: "places", exclude: ["atlanta"] }],
    ]);
    expect((await scan(["Idlib and Georgia"], null, null, [1]))?.rows.map(([n]) => n)).toEqual([0]);
    expect((await scan(["Idlib and Georgia"], null, null, [0, 1]))?.rows).toEqual([]);
    expect((await scan(["No term here"], null, null, []))?.rows).toEqual([]);
  });

  it("reads a page's text as of its date", async () => {
    const war = (id: string, period: { since?: string; before?: string }) =>
      ({ id, title: id, category: "conflicts", aliases: [{ text: "Israel-Iran war", ...period }] }) as never;
    const index = compileIndex([
      war("june-2025", { before: "2026-02-28" }),
      war("of-2026", { since: "2026-02-28" }),
    ]);
    const scan = textScanServer(async () => index);
    const entries = async (published: string | null) =>
      readMatches((await scan(["the Israel-Iran war"], published, null, []))?.matches[0] ?? [])[0]?.entries;
    expect(await entries("2025-07-01")).toEqual([0]);
    expect(await entries("2026-03-01")).toEqual([1]);
    expect(await entries("2025-08-01")).toEqual([0]);
  });

  it("answers null to a page whose entries are not the background's", async () => {
    const source = store();
    const pageIndex = pageIndexKeeper(bundled, source);
    const scan = textScanServer(pageIndex);
    const first = await scan(["Gaza and Idlib"], null, null, []);
    const version = first?.version ?? "";
    expect(readMatches(first?.matches[0] ?? [])).toHaveLength(2);
    expect(await scan(["Gaza"], null, version, [])).not.toBeNull();
    // The reader saved their glossaries: the page's entry numbers are not the background's any more.
    source.state.stamp = "b";
    source.state.index = compileIndex([entry("rafah", "Rafah"), entry("gaza", "Gaza")]);
    expect(await scan(["Gaza and Idlib"], null, version, [])).toBeNull();
    // A page that holds no entries yet is answered, with the version its entries then come from.
    const renewed = (await scan(["Gaza and Idlib"], null, null, []))?.version ?? "";
    expect(renewed).not.toBe(version);
    expect(await scan(["Gaza and Idlib"], null, renewed, [])).not.toBeNull();
    // A background started again (an idle one is stopped) gives the same version for the same entries.
    const restarted = textScanServer(pageIndexKeeper(bundled, source));
    expect((await restarted([], null, null, []))?.version).toBe(renewed);
    // So it does when only the save's stamp changed, or could not be read: the entries are the same.
    source.state.stamp = undefined;
    expect(await scan([], null, renewed, [])).not.toBeNull();
    // Storage failed: the bundled index alone, under its own version, until it can be read again.
    source.state.stamp = "c";
    source.state.fail = true;
    expect((await scan([], null, null, []))?.version).toBe(await versionOf(bundled));
    source.state.fail = false;
    expect((await scan([], null, null, []))?.version).toBe(renewed);
  });
});

describe("titleServer", () => {
  it("gives the titles of the entries asked for that the page index holds, the reader's too", async () => {
    const titles = titleServer(pageIndexKeeper(bundled, store()));
    expect(await titles(["gaza", "idlib", "atlantis"])).toEqual({ gaza: "Gaza", idlib: "Idlib" });
    expect(await titles([])).toEqual({});
  });
});
