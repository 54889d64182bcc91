import { describe, expect, it } from "vitest";
import type { Storage } from "webextension-polyfill";
import { Matcher } from "../engine/matcher";
import type { CompiledIndex } from "../glossary/compile";
import { entryColumns, entryRows } from "../glossary/entry-table";
import type { ReaderGlossary } from "../glossary/reader-glossary";
import { readerGlossaryStore, SaveError, watchReaderGlossaries } from "./user-glossaries";

/** An in-memory storage area that can be told to reject writes, as a full quota does. */
function fakeArea(full = false) {
  const data: Record<string, unknown> = {};
  const area = {
    data,
    full,
    get: async (keys: string | string[]) =>
      Object.fromEntries(
        [keys].flat().flatMap((key) => (key in data ? [[key, structuredClone(data[key])]] : [])),
      ),
    set: async (items: Record<string, unknown>) => {
      if (area.full) throw new Error("QUOTA_BYTES quota exceeded");
      Object.assign(data, structuredClone(items));
    },
  };
  return area;
}

const glossary = (id: string, terms: string[]): ReaderGlossary => ({
  id,
  name: id,
  source: { kind: "made" },
  entries: terms.map((term) => ({
    id: term.toLowerCase(),
    title: term,
    aliases: [term],
    category: "concept",
    summary: `About ${term}.`,
    sources: [{ title: "Example", url: "https://example.org/" }],
    reviewed: "2026-11-25",
  })),
});

describe("readerGlossaryStore", () => {
  it("saves the glossaries with their compiled index, and finds entries by id", async () => {
    const area = fakeArea();
    const store = readerGlossaryStore(area as unknown as Storage.StorageArea);
    await store.save([glossary("mine", ["Quill", "Orvane"]), glossary("feed", ["Fenwick"])]);
    expect((await store.load()).map((g) => g.id)).toEqual(["mine", "feed"]);
    expect(entryRows((await store.loadIndex())?.entries ?? entryColumns([])).map((e) => e.id)).toEqual([
      "quill",
      "orvane",
      "fenwick",
    ]);
    expect((await store.entry("fenwick"))?.title).toBe("Fenwick");
    expect(await store.entry("nothing")).toBeNull();
  });

  it("a full quota rejects the write with a message, and the stored glossaries stay as they were", async () => {
    const area = fakeArea();
    const store = readerGlossaryStore(area as unknown as Storage.StorageArea);
    await store.save([glossary("mine", ["Quill"])]);
    const before = JSON.stringify(area.data);
    area.full = true;
    const failed = store.update((list) => [...list, glossary("big", ["Orvane"])]);
    await expect(failed).rejects.toThrow(SaveError);
    await expect(failed).rejects.toThrow(/storage for Backstory is full \(QUOTA_BYTES quota exceeded\)/);
    // What the options page words in the reader's language.
    await expect(failed).rejects.toMatchObject({ full: true, reason: "QUOTA_BYTES quota exceeded" });
    expect(JSON.stringify(area.data)).toBe(before);
  });

  it("an index saved in an older layout is left out until the upgrade compiles it again", async () => {
    const area = fakeArea();
    const store = readerGlossaryStore(area as unknown as Storage.StorageArea);
    await store.save([glossary("mine", ["Quill"])]);
    const saved = area.data.readerIndex as CompiledIndex;
    area.data.readerIndex = { ...saved, trie: { codes: saved.trie.codes, counts: "!", terminals: [1, 0] } };
    expect(await store.loadIndex()).toBeNull();
    await store.upgrade();
    const index = await store.loadIndex();
    expect(index?.trie).toEqual(saved.trie);
    expect(index && new Matcher(index.aliases, index.trie).scan("A quill.")).toHaveLength(1);
    expect((await store.load()).map((g) => g.id)).toEqual(["mine"]);
  });

  it("with nothing stored, there are no glossaries and no index", async () => {
    const store = readerGlossaryStore(fakeArea() as unknown as Storage.StorageArea);
    expect(await store.load()).toEqual([]);
    expect(await store.loadIndex()).toBeNull();
  });

  it("calls back when the glossaries change, even when their compiled index does not", () => {
    type Listener = (changes: Record<string, unknown>, area: string) => void;
    const listeners = new Set<Listener>();
    const onChanged = {
      addListener: (listener: Listener) => listeners.add(listener),
      removeListener: (listener: Listener) => listeners.delete(listener),
    } as unknown as Storage.Static["onChanged"];
    const controller = new AbortController();
    let calls = 0;
    watchReaderGlossaries(onChanged, () => calls++, controller.signal);
    const change = (changes: Record<string, unknown>, area: string) => {
      for (const listener of listeners) listener(changes, area);
    };
    // Chromium reports only the keys whose value changed: a new summary changes the glossaries alone.
    change({ readerGlossaries: {} }, "local");
    change({ readerIndex: {} }, "local");
    change({ settings: {} }, "sync");
    change({ filler: {} }, "local");
    expect(calls).toBe(2);
    controller.abort();
    expect(listeners.size).toBe(0);
  });
});
