import { describe, expect, it } from "vitest";
import type { Storage } from "webextension-polyfill";
import type { Problem } from "../glossary/problems";
import { englishProblem } from "../glossary/problems-english";
import type { ReaderGlossary } from "../glossary/reader-glossary";
import {
  type Fetch,
  fetchGlossary,
  originPattern,
  refreshSubscriptions,
  subscriptionUrlProblem,
} from "./subscriptions";
import { readerGlossaryStore } from "./user-glossaries";

const entry = {
  id: "tessaly-ridge",
  title: "Tessaly Ridge",
  aliases: ["Tessaly Ridge"],
  category: "place",
  summary: "A made-up ridge.",
  sources: [{ title: "Example", url: "https://example.org/" }],
  reviewed: "2026-11-01",
};
const answer =
  (body: string, status = 200) =>
  async () =>
    new Response(body, {
      status,
      statusText: ({ 200: "OK", 404: "Not Found" } as Record<number, string>)[status] ?? "",
    });

function memoryStore(glossaries: ReaderGlossary[]) {
  const data: Record<string, unknown> = {};
  const area = {
    get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
  };
  const store = readerGlossaryStore(area as unknown as Storage.StorageArea);
  return store.save(glossaries).then(() => store);
}

const worded = (found: Problem | null) => found && englishProblem(found);

/** fetchGlossary's result with its problem worded in English, as the options page shows it. */
async function fetched(url: string, fetchFn: Fetch) {
  const result = await fetchGlossary(url, new Map(), "2026-11-25", fetchFn);
  return result.ok ? result : { ok: false, error: englishProblem(result.error) };
}

describe("subscriptions", () => {
  it("accepts https URLs (and plain http on this machine only) and asks for the URL's origin alone", () => {
    expect(subscriptionUrlProblem("https://example.org/g.json")).toBeNull();
    expect(subscriptionUrlProblem("http://127.0.0.1:8080/g.json")).toBeNull();
    expect(worded(subscriptionUrlProblem("http://example.org/g.json"))).toBe(
      "http://example.org/g.json: a subscription URL must start with https://",
    );
    expect(worded(subscriptionUrlProblem("javascript:alert(1)"))).toMatch(/must start with https/);
    expect(worded(subscriptionUrlProblem("not a url"))).toBe('"not a url" is not a URL');
    expect(originPattern("https://example.org:8443/a/g.json?x=1")).toBe("https://example.org/*");
  });

  it("reports a URL that fails, returns garbage, or holds invalid entries", async () => {
    const url = "https://example.org/g.json";
    expect(await fetched(url, answer("", 404))).toEqual({
      ok: false,
      error:
        "https://example.org/g.json: the server answered 404 Not Found; check the address, or try again later",
    });
    expect(await fetched(url, answer("<html>garbage"))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^https:\/\/example\.org\/g\.json: not valid JSON/),
    });
    expect(
      await fetched(url, async () => {
        throw new TypeError("Failed to fetch");
      }),
    ).toEqual({
      ok: false,
      error:
        "https://example.org/g.json: could not be fetched (Failed to fetch); check the address and your connection",
    });
    const bad = JSON.stringify([{ ...entry, sources: [{ title: "x", url: "javascript:1" }] }]);
    expect(await fetched(url, answer(bad))).toEqual({
      ok: false,
      error:
        'Invalid entries: 1 of 1; the first: https://example.org/g.json: entry 1 ("tessaly-ridge") › sources › 0 › url: must start with https://',
    });
  });

  it("a failed update records the error and keeps the entries of the last good one", async () => {
    const glossary: ReaderGlossary = {
      id: "feed",
      name: "Feed",
      source: {
        kind: "subscription",
        url: "https://example.org/g.json",
        lastUpdate: "2026-11-24T00:00:00.000Z",
      },
      entries: [entry as ReaderGlossary["entries"][number]],
    };
    const store = await memoryStore([glossary]);
    await refreshSubscriptions(
      store,
      [],
      answer("garbage", 500),
      undefined,
      new Date("2026-11-25T00:00:00Z"),
    );
    const [failed] = await store.load();
    expect(failed?.entries).toEqual(glossary.entries);
    expect(failed?.source).toEqual({
      ...glossary.source,
      lastError: {
        file: "https://example.org/g.json",
        message: { key: "problemServerAnswered", params: ["500"] },
      },
    });

    const updated = JSON.stringify([{ ...entry, summary: "Updated." }]);
    await refreshSubscriptions(store, [], answer(updated), undefined, new Date("2026-11-26T00:00:00Z"));
    const [good] = await store.load();
    expect(good?.entries[0]?.summary).toBe("Updated.");
    expect(good?.source).toEqual({
      kind: "subscription",
      url: "https://example.org/g.json",
      lastUpdate: "2026-11-26T00:00:00.000Z",
    });
  });
});
