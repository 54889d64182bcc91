/** The reader's glossaries as Preact state, kept in step with storage.local. */
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import type { ReaderGlossary } from "../glossary/reader-glossary";
import { readerGlossaryStore, watchReaderGlossaries } from "../shared/user-glossaries";

export const store = readerGlossaryStore(browser.storage.local);

export function useReaderGlossaries(): ReaderGlossary[] | null {
  const [glossaries, setGlossaries] = useState<ReaderGlossary[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const reload = () => void store.load().then(setGlossaries);
    reload();
    watchReaderGlossaries(browser.storage.onChanged, reload, controller.signal);
    return () => controller.abort();
  }, []);
  return glossaries;
}
