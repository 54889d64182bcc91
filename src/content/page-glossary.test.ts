import { afterEach, describe, expect, it, vi } from "vitest";
import { textScanServer } from "../background/page-index";
import type { PageScanAnswer } from "../engine/text-scan";
import { readMatches } from "../engine/text-scan";
import { compileIndex } from "../glossary/compile";
import type { Entry } from "../glossary/schema";
import { glossaryOfVersion, glossaryOver, PageEntries, watchPageGlossary } from "./page-glossary";

// The storage events watchPageGlossary listens to: a test fires them as a save of the reader's glossaries would.
const storageListeners = vi.hoisted(() => {
  const listeners = new Set<(changes: object, area: string) => void>();
  const onChanged = {
    addListener: (listener: never) => listeners.add(listener),
    removeListener: (listener: never) => listeners.delete(listener),
  };
  (globalThis as { chrome?: unknown }).chrome = { storage: { onChanged } };
  return listeners;
});

const entry = (id: string, alias: string, context?: object) =>
  ({ id, title: alias, category: "places", aliases: [alias], context }) as unknown as Entry;
const index = compileIndex([
  entry("idlib", "Idlib"),
  entry("sochi-agreement", "Sochi agreement"),
  entry("georgia", "Georgia", { exclude: ["Atlanta"] }),
]);

/** A page's glossary over the background's answers, counting the rows each answer brings. */
function glossary() {
  const serve = textScanServer(async () => index);
  const sent: number[][] = [];
  const page = glossaryOver(new PageEntries(), async (texts, held) => {
    const answer = await serve(texts, null, null, held);
    sent.push(answer?.rows.map(([n]) => n) ?? []);
    return answer;
  });
  return { ...page, sent };
}

describe("a page's glossary", () => {
  it("holds no entry until a term is found, then the rows of those found, each sent once", async () => {
    const { entries, scan, sent } = glossary();
    await scan(["Nothing to see here."]);
    expect(entries.numbers()).toEqual([]);
    const answer = await scan(["The Sochi agreement on Idlib.", "Idlib again"]);
    const [sochi, idlib] = readMatches(answer?.matches[0] ?? []).map((match) => match.entries[0] ?? -1);
    expect(entries.id(sochi ?? -1)).toBe("sochi-agreement");
    expect(entries.title(idlib ?? -1)).toBe("Idlib");
    expect(entries.category(idlib ?? -1)).toBe("places");
    expect(entries.number("idlib")).toBe(idlib);
    expect(entries.number("georgia")).toBe(-1);
    await scan(["Idlib and Georgia"]);
    expect(sent).toEqual([[], [sochi, idlib], [entries.number("georgia")]]);
  });

  it("keeps the context rules of the entries it holds, for choosing between them", async () => {
    const { entries, scan } = glossary();
    await scan(["Georgia"]);
    expect(entries.rules[entries.number("georgia")]).toEqual(
      expect.objectContaining({ exclude: ["atlanta"] }),
    );
    expect(Object.keys(entries.rules)).toHaveLength(1);
  });

  it("adds nothing from a refused answer", async () => {
    const entries = new PageEntries();
    const { scan } = glossaryOver(entries, async () => null);
    expect(await scan(["Idlib"])).toBeNull();
    expect(entries.numbers()).toEqual([]);
  });
});

describe("a page's glossary, as versions of the background's index come and go", () => {
  /** The background's answers, given by the test when it likes, and the version each call sent. */
  function background() {
    const calls: {
      version: string | null;
      answer: (version: string, rows?: PageScanAnswer["rows"]) => void;
    }[] = [];
    const ask = (_texts: string[], version: string | null) =>
      new Promise<PageScanAnswer | null>((done) =>
        calls.push({
          version,
          answer: (answered, rows = []) => done({ matches: [[]], words: [], version: answered, rows }),
        }),
      );
    return { calls, ask };
  }
  const row = (id: string) => ({ id, title: id, category: "place" as const });
  let stop = new AbortController();
  afterEach(() => {
    // The reader saved their glossaries: the next test's page starts with none of this one's entries.
    for (const listener of storageListeners) listener({ readerIndex: {} }, "local");
    stop.abort();
    stop = new AbortController();
  });
  /** Starts watching, as the content script does; counts the times the page is told to start afresh. */
  function watched(): { restarts: number } {
    const count = { restarts: 0 };
    watchPageGlossary(() => count.restarts++, stop.signal);
    return count;
  }

  it("keeps to its first answer's version: another's adds nothing, and the page starts afresh once", async () => {
    const count = watched();
    const { calls, ask } = background();
    const { entries, scan } = glossaryOfVersion(ask);
    const first = scan(["Idlib"]);
    calls[0]?.answer("v1", [[0, row("idlib")]]);
    expect(await first).not.toBeNull();
    const second = scan(["Gaza"]);
    expect(calls[1]?.version).toBe("v1");
    calls[1]?.answer("v2", [[0, row("gaza")]]);
    expect(await second).toBeNull();
    expect(entries.id(0)).toBe("idlib");
    expect(count.restarts).toBe(1);
    // The next session starts with no version and none of the old entries.
    const renewed = glossaryOfVersion(ask);
    const third = renewed.scan(["Gaza"]);
    expect(calls[2]?.version).toBeNull();
    calls[2]?.answer("v2", [[0, row("gaza")]]);
    await third;
    expect(renewed.entries.id(0)).toBe("gaza");
  });

  it("takes one version from scans sent together before any answer, and refuses the other", async () => {
    const count = watched();
    const { calls, ask } = background();
    const { entries, scan } = glossaryOfVersion(ask);
    const [one, two] = [scan(["Idlib"]), scan(["Gaza"])];
    expect(calls.map(({ version }) => version)).toEqual([null, null]);
    calls[0]?.answer("v1", [[0, row("idlib")]]);
    calls[1]?.answer("v2", [[0, row("gaza")]]);
    expect(await one).not.toBeNull();
    expect(await two).toBeNull();
    expect(entries.id(0)).toBe("idlib");
    expect(count.restarts).toBe(1);
  });

  it("lets a late answer to an old session leave the new one alone", async () => {
    const count = watched();
    const { calls, ask } = background();
    const old = glossaryOfVersion(ask);
    const first = old.scan(["Idlib"]);
    calls[0]?.answer("v1");
    await first;
    const late = old.scan(["Gaza"]);
    const refused = old.scan(["Rafah"]);
    calls[2]?.answer("v2");
    expect(await refused).toBeNull();
    expect(count.restarts).toBe(1);
    const renewed = glossaryOfVersion(ask);
    const next = renewed.scan(["Idlib"]);
    calls[3]?.answer("v2", [[0, row("gaza")]]);
    expect(await next).not.toBeNull();
    calls[1]?.answer("v3");
    expect(await late).toBeNull();
    expect(count.restarts).toBe(1);
    // The new session still holds its version and entries.
    const after = renewed.scan(["Gaza"]);
    expect(calls[4]?.version).toBe("v2");
    calls[4]?.answer("v2");
    expect(await after).not.toBeNull();
    expect(renewed.entries.id(0)).toBe("gaza");
  });
});
