/**
 * What a reader sees, read from screenshots: contrast between colours, and which pixels a mark
 * changes. For checks where a computed style can still name a colour the browser does not paint.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { expect } from "vitest";
import { luminance } from "../../src/content/page-tone";
import { ROOT } from "../support/paths";
import type { Tab } from "./harness";

const SCRATCH = join(ROOT, "build", "screenshots");

export type Rgb = [number, number, number];
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** WCAG's contrast ratio of two colours, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export const pixels = (png: PNG): Rgb[] =>
  Array.from({ length: png.width * png.height }, (_, i) => [...png.data.subarray(i * 4, i * 4 + 3)] as Rgb);

/** Pixels of two shots of one box that changed by at least `apart` contrast: a change a reader sees. */
export function changed(a: PNG, b: PNG, apart: number): number {
  const after = pixels(b);
  return pixels(a).filter((pixel, i) => contrast(pixel, after[i] ?? pixel) >= apart).length;
}

let shots = 0;
/** A new file for a screenshot under build/screenshots. */
export function nextShotPath(): string {
  mkdirSync(SCRATCH, { recursive: true });
  return join(SCRATCH, `shot-${process.pid}-${shots++}.png`);
}

/** A screenshot of a box of the viewport, padded by `pad` pixels, decoded. */
export async function shoot(tab: Tab, box: Box, pad = 0): Promise<PNG> {
  // The harness's clip is in viewport pixels in Chromium but page pixels in Firefox: at the top they agree.
  expect(await tab.evaluate(() => scrollX + scrollY)).toBe(0);
  const path = nextShotPath();
  const x = Math.floor(box.x - pad);
  const y = Math.floor(box.y - pad);
  const width = Math.ceil(box.x + box.width + pad) - x;
  const height = Math.ceil(box.y + box.height + pad) - y;
  await tab.screenshot(path, { x, y, width, height });
  return PNG.sync.read(readFileSync(path));
}

/** The box of the first mark drawn under a highlight with this text, in the viewport (runs in the page). */
export function markBox([name, text]: string[]): Box | null {
  for (const item of CSS.highlights.get(name as string) ?? []) {
    const source = item as StaticRange;
    const range = document.createRange();
    range.setStart(source.startContainer, source.startOffset);
    range.setEnd(source.endContainer, source.endOffset);
    if (range.toString() !== text) continue;
    const { x, y, width, height } = range.getBoundingClientRect();
    return { x, y, width, height };
  }
  return null;
}

/** Takes a highlight off the page for a frame's time, to see the page as it is without it (runs in the page). */
export function holdHighlight(name: string): Promise<void> {
  const held = CSS.highlights.get(name);
  CSS.highlights.delete(name);
  (globalThis as unknown as { heldHighlight?: [string, unknown] }).heldHighlight = [name, held];
  return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
}

/** Puts back the highlight holdHighlight took off (runs in the page). */
export function releaseHighlight(): void {
  const [name, held] = (globalThis as unknown as { heldHighlight: [string, Highlight] }).heldHighlight;
  CSS.highlights.set(name, held);
}
