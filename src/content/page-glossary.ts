/**
 * The glossary a page is marked with: the bundled index joined with the reader's own when they have
 * one, as the background holds it (see getPageIndex). Loaded once per page and again only when the
 * reader's glossaries change.
 */
import { Matcher } from "../engine/matcher";
import type { CompiledIndex } from "../glossary/compile";
import { extension } from "../shared/extension";
import { callBackground } from "../shared/messages";
import { watchReaderGlossaries } from "../shared/user-glossaries";

export interface PageGlossary {
  index: CompiledIndex;
  matcher: Matcher;
}

let current: Promise<PageGlossary> | null = null;

export function pageGlossary(): Promise<PageGlossary> {
  // A failed load is not kept: the next session (a settings change, say) tries again.
  current ??= load().catch((error: unknown) => {
    current = null;
    throw error;
  });
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
  const index = await askForPageIndex();
  return { index, matcher: new Matcher(index.aliases, index.trie) };
}

/**
 * The page index, from the background. Right after the browser starts, a restored tab can ask
 * before the background listens ("Receiving end does not exist"): ask again for a few seconds.
 */
async function askForPageIndex(): Promise<CompiledIndex> {
  for (let wait = 100; ; wait *= 2) {
    try {
      const index = await callBackground("getPageIndex");
      if (index) return index;
    } catch (error) {
      if (wait > 3200) throw error;
    }
    await new Promise((done) => setTimeout(done, wait));
  }
}
