/**
 * The glossary a page is marked with: the bundled index, joined with the reader's own compiled index
 * when they have one. Loaded once per page and again only when the reader's glossaries change.
 */

import { Matcher } from "../engine/matcher";
import { bundledIndex } from "../glossary/bundled";
import { combineIndexes } from "../glossary/combine-index";
import type { CompiledIndex } from "../glossary/compile";
import { extension } from "../shared/extension";
import { loadReaderIndex, watchReaderGlossaries } from "../shared/user-glossaries";

export interface PageGlossary {
  index: CompiledIndex;
  matcher: Matcher;
}

let current: Promise<PageGlossary> | null = null;

export function pageGlossary(): Promise<PageGlossary> {
  current ??= load();
  return current;
}

/** Calls back after the reader's glossaries changed, with the next pageGlossary() loading them afresh. */
export function watchPageGlossary(callback: () => void, signal: AbortSignal): void {
  const changed = () => {
    current = null;
    callback();
  };
  watchReaderGlossaries(extension.storage.onChanged, changed, signal);
}

async function load(): Promise<PageGlossary> {
  // A storage failure must not stop the bundled glossary from working.
  const reader = await loadReaderIndex(extension.storage.local).catch(() => null);
  const index = reader ? combineIndexes(bundledIndex, reader) : bundledIndex;
  return { index, matcher: new Matcher(index.aliases, index.trie) };
}
