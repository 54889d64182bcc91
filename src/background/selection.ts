/** What the context menu does with selected text: explain the entry it names, or search the glossary. */
import { Matcher } from "../engine/matcher";
import { indexOnDate, today } from "../glossary/alias-periods";
import type { CompiledIndex } from "../glossary/compile";
import { entryId } from "../glossary/entry-table";
import { selectionText } from "../shared/messages";

export type SelectionAction = { explain: string } | { search: string };

/** The first glossary term in the selection, read with the page's own matcher; else a search for the text. */
export function selectionAction(text: string, matcher: Matcher, index: CompiledIndex): SelectionAction {
  const trimmed = selectionText(text);
  for (const match of matcher.scan(trimmed)) {
    const id = entryId(index.entries, match.entries[0] ?? -1);
    if (id) return { explain: id };
  }
  return { search: trimmed };
}

/**
 * Looks selections up in the index pages mark with (the bundled glossary and the reader's own), as
 * a page published on `published` (or, when it does not say, today) reads it (see alias-periods.ts).
 */
export function selectionLookup(
  pageIndex: () => Promise<CompiledIndex>,
): (text: string, published: string | null) => Promise<SelectionAction> {
  return async (text, published) => {
    const index = indexOnDate(await pageIndex(), published ?? today());
    return selectionAction(text, new Matcher(index.aliases, index.trie), index);
  };
}
