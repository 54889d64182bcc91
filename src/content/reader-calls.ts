/**
 * Answers the toolbar popup and the keyboard commands: the terms on this page, and opening one. This
 * is the way into every explainer for keyboard and screen-reader users, since highlights take no focus.
 */
import browser from "webextension-polyfill";
import type { Mark } from "../engine/marks";
import type { Matcher } from "../engine/matcher";
import { collectBlocks } from "../engine/text-blocks";
import type { CompiledIndex } from "../glossary/compile";
import { type ContentCalls, type FoundTerm, parseContentCall } from "../shared/messages";
import type { Explainer } from "./explainer";
import type { PageMarker } from "./page-marker";

export function answerReaderCalls(
  index: CompiledIndex,
  matcher: Matcher,
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

  const calls: ContentCalls = {
    listTerms() {
      // Counted afresh from the text, so a page that changed since it was marked is counted as it is now.
      const counts = new Map<number, number>();
      for (const block of marker.root ? collectBlocks(marker.root) : []) {
        for (const match of matcher.scan(block.text)) {
          const entry = marker.context.choose(match.entries);
          if (entry !== undefined) counts.set(entry, (counts.get(entry) ?? 0) + 1);
        }
      }
      return marker.marks.list().map((mark): FoundTerm => {
        const entry = index.entries[mark.entry];
        return { id: entry?.id ?? "", title: entry?.title ?? mark.text, count: counts.get(mark.entry) ?? 1 };
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
      cursor = marks.findIndex((mark) => index.entries[mark.entry]?.id === target);
      return open(marks[cursor]);
    },
  };

  const listener = (message: unknown) => {
    const parsed = parseContentCall(message);
    if (!parsed) return undefined;
    if (parsed.call === "listTerms") return Promise.resolve(calls.listTerms());
    return Promise.resolve(calls.explain(...parsed.args));
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener("abort", () => browser.runtime.onMessage.removeListener(listener));
}

/** The mark the reader's selection is in, or -1. */
function selectedMark(marks: Mark[]): number {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return -1;
  const range = selection.getRangeAt(0);
  return marks.findIndex((mark) => range.intersectsNode(mark.nodes[0] as Node) && !selection.isCollapsed);
}
