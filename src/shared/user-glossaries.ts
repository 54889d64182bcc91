/**
 * The browser edge for readers' own glossaries: storage.local (never sync: glossaries can be large),
 * the entries and their compiled index written together in one call, so a rejected write (a full
 * quota) leaves the stored glossaries exactly as they were. Takes the storage area as an argument so
 * tests can hand it a fake.
 */
import type { Storage } from "webextension-polyfill";
import { nextHash } from "../engine/compact-trie";
import type { CompiledIndex } from "../glossary/compile";
import { compileReaderIndex, type ReaderGlossary } from "../glossary/reader-glossary";
import type { Entry } from "../glossary/schema";

/** The stored shape of the glossaries; raise it with a migration when the shape changes. */
export const GLOSSARIES_VERSION = 1;
const GLOSSARIES_KEY = "readerGlossaries";
/** Compiled at save time, so the background loads the index ready-made (see combine-index.ts). */
const INDEX_KEY = "readerIndex";
/**
 * A fingerprint of the stored index, saved with it: the background keeps the page index it combined
 * until this changes (see pageIndexKeeper), without reading the whole index to find out.
 */
const STAMP_KEY = "readerIndexStamp";

function stampOf(index: CompiledIndex): string {
  const text = JSON.stringify(index);
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = nextHash(hash, text.charCodeAt(i));
  return `${text.length}-${hash >>> 0}`;
}

interface Stored {
  version: number;
  glossaries: ReaderGlossary[];
}

/** A rejected write; `full` and `reason` let the options page word it in the reader's language. */
export class SaveError extends Error {
  constructor(
    message: string,
    readonly full: boolean,
    readonly reason: string,
  ) {
    super(message);
  }
}

export function readerGlossaryStore(area: Storage.StorageArea) {
  async function load(): Promise<ReaderGlossary[]> {
    const stored = (await area.get(GLOSSARIES_KEY))[GLOSSARIES_KEY] as Stored | undefined;
    return stored?.glossaries ?? [];
  }

  return {
    load,

    loadIndex: () => loadReaderIndex(area),

    /** Which save the stored index is from (undefined before the first save that wrote one). */
    stamp: async (): Promise<unknown> => (await area.get(STAMP_KEY))[STAMP_KEY],

    /** After an update: compiles the stored glossaries again when their index is in an older layout. */
    async upgrade(): Promise<void> {
      const index = (await area.get(INDEX_KEY))[INDEX_KEY] as CompiledIndex | undefined;
      if (index && !isCurrentLayout(index)) await this.save(await load());
    },

    /** The body of a reader entry, for the popover. */
    async entry(id: string): Promise<Entry | null> {
      for (const glossary of await load()) {
        const found = glossary.entries.find((entry) => entry.id === id);
        if (found) return found;
      }
      return null;
    },

    /** Replaces all glossaries at once; on a rejected write throws a SaveError and nothing has changed. */
    async save(glossaries: ReaderGlossary[]): Promise<void> {
      const stored: Stored = { version: GLOSSARIES_VERSION, glossaries };
      try {
        const index = compileReaderIndex(glossaries);
        await area.set({ [GLOSSARIES_KEY]: stored, [INDEX_KEY]: index, [STAMP_KEY]: stampOf(index) });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const full = /quota/i.test(reason);
        throw new SaveError(
          full
            ? `Nothing was saved: the browser's storage for Backstory is full (${reason}). Remove a glossary or import a smaller file.`
            : `Nothing was saved: the browser refused to store the glossaries (${reason}).`,
          full,
          reason,
        );
      }
    },

    /** Loads, changes and saves: the change sees the glossaries as stored. */
    async update(change: (glossaries: ReaderGlossary[]) => ReaderGlossary[]): Promise<ReaderGlossary[]> {
      const next = change(await load());
      await this.save(next);
      return next;
    },
  };
}

/** The compiled index of every reader entry, or null when the reader has none (all a page needs). */
export async function loadReaderIndex(area: Storage.StorageArea): Promise<CompiledIndex | null> {
  const index = (await area.get(INDEX_KEY))[INDEX_KEY] as CompiledIndex | undefined;
  // An index saved by an older version is laid out differently: left out until the upgrade compiles it again.
  return index && isCurrentLayout(index) && index.entries.count > 0 ? index : null;
}

/** Whether an index is in the layout this version reads (see compile.ts and matcher.ts). */
function isCurrentLayout(index: CompiledIndex): boolean {
  return typeof index.trie?.pairs === "string" && typeof index.entries?.ids === "string" && !!index.context;
}

export type ReaderGlossaryStore = ReturnType<typeof readerGlossaryStore>;

/** Calls back whenever the reader's glossaries change (in any tab or the background), until the signal aborts. */
export function watchReaderGlossaries(
  onChanged: Storage.Static["onChanged"],
  callback: () => void,
  signal: AbortSignal,
): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    // Both keys: Chromium reports only the keys whose value changed, and a new summary leaves the
    // compiled index (aliases only) as it was, while an open page still holds the old entry.
    if (area === "local" && (INDEX_KEY in changes || GLOSSARIES_KEY in changes)) callback();
  };
  onChanged.addListener(listener);
  signal.addEventListener("abort", () => onChanged.removeListener(listener), { once: true });
}
