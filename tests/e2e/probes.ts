/**
 * Functions that run inside the page (serialised by the driver, so they close over nothing).
 * They look only at what the page itself can see.
 */

/** The text of every Backstory mark, in document order, whichever marking style draws them. */
export function markedTexts(): string[] {
  const highlight = ["backstory", "backstory-solid", "backstory-tint", "backstory-none"]
    .flatMap((name) => [name, `${name}-on-dark`])
    .map((name) => CSS.highlights.get(name))
    .find((found) => found !== undefined);
  if (!highlight) return [];
  const texts: string[] = [];
  for (const item of highlight) {
    const source = item as StaticRange;
    // A range left on text the page removed still reads as its old words: it is not a mark on the page.
    if (!source.startContainer.isConnected || !source.endContainer.isConnected) continue;
    const range = document.createRange();
    range.setStart(source.startContainer, source.startOffset);
    range.setEnd(source.endContainer, source.endOffset);
    texts.push(range.toString());
  }
  return texts;
}

/** Each mark's text with up to 12 characters of its text node before it: which occurrence is marked. */
export function marksInContext(): string[] {
  const highlight = CSS.highlights.get("backstory");
  return [...(highlight ?? [])].map((item) => {
    const { startContainer, startOffset, endOffset } = item as StaticRange;
    return (startContainer as Text).data.slice(Math.max(0, startOffset - 12), endOffset);
  });
}

/** The centre of the first occurrence of text on the page, in viewport pixels, scrolled into view. */
export function pointOnText(text: string): { x: number; y: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    (node.parentElement as Element).scrollIntoView({ block: "center" });
    const rect = range.getClientRects()[0];
    if (!rect) return null;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/**
 * Each mark as its text and the id of the nearest element around it that has one: "Idlib in #top"
 * (runs in the page).
 */
export function marksWhere(): string[] {
  const marks = [...(CSS.highlights.get("backstory") ?? [])] as StaticRange[];
  return marks.map((range) => {
    const text = (range.startContainer as Text).data.slice(range.startOffset, range.endOffset);
    return `${text} in #${range.startContainer.parentElement?.closest("[id]")?.id}`;
  });
}
