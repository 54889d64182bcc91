/** Readings of the open explainer card shared by the placement, isolation and accessibility tests. */
import { expect } from "vitest";
import { type ExplainerView, type Tab, waitFor } from "./harness";

/** True once the card has no animation running (its entrance moves it by a few pixels). */
const STILL = `function () {
  const card = this.querySelector(".card");
  return JSON.stringify(card !== null && card.getAnimations().length === 0);
}`;

/** The open explainer once it holds still: its entrance over, its place found, its map arrived. */
export async function settledExplainer(tab: Tab, what: string, timeout = 5000): Promise<ExplainerView> {
  let last = "";
  return waitFor(
    async () => {
      const still = await tab.inExplainer<boolean>(STILL);
      const view = await tab.explainer();
      const same = still === true && view !== null && JSON.stringify(view.rect) === last;
      last = JSON.stringify(view?.rect);
      await new Promise((done) => setTimeout(done, 150));
      return same ? view : null;
    },
    what,
    timeout,
  );
}

export interface Line {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The box of the line the first occurrence of text is on, in viewport pixels (runs in the page). */
export function lineOf(text: string): Line | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const rect = range.getClientRects()[0];
    return rect ? { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right } : null;
  }
  return null;
}

/**
 * Inside the viewport by at least 5 px, and above or below the term's line without covering it; with
 * a gap, also that far from the line (8–10 px). Returns the side the card took.
 */
export function expectPlaced(
  view: ExplainerView,
  line: Line | null,
  [width, height]: number[],
  { gap = false } = {},
): "above" | "below" {
  const { x, y, width: w, height: h } = view.rect;
  const where = `card ${JSON.stringify(view.rect)}, line ${JSON.stringify(line)}, viewport ${width}x${height}`;
  expect(x, where).toBeGreaterThanOrEqual(5 - 0.5);
  expect(y, where).toBeGreaterThanOrEqual(5 - 0.5);
  expect(x + w, where).toBeLessThanOrEqual((width ?? 0) - 5 + 0.5);
  expect(y + h, where).toBeLessThanOrEqual((height ?? 0) - 5 + 0.5);
  if (!line) throw new Error(`no line for the term (${where})`);
  const below = y - line.bottom;
  const above = line.top - (y + h);
  expect(below >= -0.5 || above >= -0.5, where).toBe(true);
  const side = below >= -0.5 ? "below" : "above";
  if (gap) {
    const distance = side === "below" ? below : above;
    expect(distance, where).toBeGreaterThanOrEqual(8 - 0.5);
    expect(distance, where).toBeLessThanOrEqual(10 + 0.5);
  }
  return side;
}
