/**
 * Answers the toolbar popup and the keyboard commands: the terms on this page, and opening one. This
 * is the way into every explainer for keyboard and screen-reader users, since highlights take no focus.
 */
import type { Mark } from "../engine/marks";
import { answerMessages } from "../shared/extension";
import { type ContentCalls, type FoundTerm, parseContentCall, selectionText } from "../shared/messages";
import { readPublishedDate } from "./article-date";
import type { Explainer } from "./explainer";
import type { PageGlossary } from "./page-glossary";
import type { PageMarker } from "./page-marker";
import { findUnder } from "./text-batches";

export function answerReaderCalls(
  { entries, scan }: PageGlossary,
  marker: PageMarker,
  explainer: Explainer,
  signal: AbortSignal,
): void {
  let cursor = -1;
  const open = (mark: Mark | undefined): boolean => {
    if (!mark) return false;
    mark.nodes[0]?.parentElement?.scrollIntoView({ block: "center", behavior: "instant" });
    void explainer.showNow(mark);
    return true;
  };

  const calls: Omit<ContentCalls, "hostname" | "publishedDate"> = {
    async listTerms() {
      // Counted afresh from the text, so a page that changed since it was marked is counted as it is now.
      const counts = new Map<number, number>();
      const found = marker.root ? await findUnder(marker.root, scan) : [];
      for (const matches of found ?? []) {
        for (const match of matches) {
          const entry = marker.choose(match.entries);
          if (entry !== undefined) counts.set(entry, (counts.get(entry) ?? 0) + 1);
        }
      }
      return marker.marks.list().map((mark): FoundTerm => {
        return {
          id: entries.id(mark.entry) ?? "",
          title: entries.title(mark.entry) ?? mark.text,
          count: counts.get(mark.entry) ?? 1,
        };
      });
    },
    explain(target) {
      const marks = marker.marks.list();
      if (target === "next" || target === "previous") {
        const selected = selectedMark(marks);
        if (selected !== -1 && selected !== cursor) cursor = selected;
        else
          cursor =
            target === "next" ? (cursor + 1) % marks.length : (cursor - 1 + marks.length) % marks.length;
        return open(marks[cursor]);
      }
      cursor = marks.findIndex((mark) => entries.id(mark.entry) === target);
      return open(marks[cursor]);
    },
    async explainSelection(id) {
      // An entry not marked on the page (it is outside the article, say): the selection's scan
      // brings its row, as it does for the terms in the page's text.
      if (entries.number(id) === -1) {
        const text = selectionText(document.getSelection()?.toString() ?? "");
        if (text) await scan([text]).catch(() => null);
      }
      const entry = entries.number(id);
      const mark = entry === -1 ? undefined : selectionMark(entry);
      if (mark) void explainer.showNow(mark);
      return mark !== undefined;
    },
  };

  answerMessages((message) => {
    const parsed = parseContentCall(message);
    if (parsed?.call === "listTerms") return { value: calls.listTerms() };
    if (parsed?.call === "explain") return { value: calls.explain(...parsed.args) };
    if (parsed?.call === "explainSelection") return { value: calls.explainSelection(...parsed.args) };
    return undefined;
  }, signal);
}

/**
 * Answers what the popup, the site command and the context menu need even where Backstory is off on
 * this page: the host, and the date the page was published. Lives as long as the content script.
 */
export function answerPageCalls(): void {
  answerMessages((message) => {
    const call = parseContentCall(message)?.call;
    if (call === "hostname") return { value: location.hostname };
    if (call === "publishedDate") return { value: readPublishedDate(document) };
    return undefined;
  });
}

/** A mark for an entry laid over the reader's selection, as if the term had been marked there. */
function selectionMark(entry: number): Mark | undefined {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode; node; node = walker.nextNode() as Node) {
    if (node instanceof Text && range.intersectsNode(node)) nodes.push(node);
  }
  if (nodes.length === 0) return undefined;
  return { entry, range: new StaticRange(range), text: range.toString(), nodes };
}

/** The mark the reader's selection is in, or -1. */
function selectedMark(marks: Mark[]): number {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return -1;
  const range = selection.getRangeAt(0);
  return marks.findIndex((mark) => range.intersectsNode(mark.nodes[0] as Node) && !selection.isCollapsed);
}
