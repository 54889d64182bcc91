/** What the context menu does with selected text: explain the entry it names, or search the glossary. */
import type { Matcher } from "../engine/matcher";
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
