/** What the context menu does with selected text: explain the entry it names, or search the glossary. */
import { Matcher } from "../engine/matcher";
import type { CompiledIndex } from "../glossary/compile";
import { entryId } from "../glossary/entry-table";

export type SelectionAction = { explain: string } | { search: string };

/** The first glossary term in the selection, read with the page's own matcher; else a search for the text. */
export function selectionAction(text: string, matcher: Matcher, index: CompiledIndex): SelectionAction {
  const trimmed = text.trim().replace(/\s+/g, " ").slice(0, 200);
  for (const match of matcher.scan(trimmed)) {
    const id = entryId(index.entries, match.entries[0] ?? -1);
    if (id) return { explain: id };
  }
  return { search: trimmed };
}

/**
 * Looks selections up in the index pages mark with (the bundled glossary and the reader's own), with
 * a matcher made again whenever that index is (the reader's glossaries changed).
 */
export function selectionLookup(
  pageIndex: () => Promise<CompiledIndex>,
): (text: string) => Promise<SelectionAction> {
  let made: { index: CompiledIndex; matcher: Matcher } | null = null;
  return async (text) => {
    const index = await pageIndex();
    if (made?.index !== index) made = { index, matcher: new Matcher(index.aliases, index.trie) };
    return selectionAction(text, made.matcher, index);
  };
}
