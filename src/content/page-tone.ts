/**
 * Whether a page is dark where its text is read (a site's dark mode, or a dark-mode extension), so
 * marks are drawn in colours that show on it: the blue of the usual underline is too dim on black.
 */

/** The suffix of the highlight names drawn on a dark page (see highlights.css). */
export const ON_DARK = "-on-dark";

/** Below this relative luminance (that of #767676, mid grey) a background is dark. */
const DARK = 0.18;
/** Above this relative luminance (that of #aaaaaa) text is light: it is meant to be read on dark. */
const LIGHT = 0.4;

/**
 * Dark when the first of the body and the root that paints a background paints a dark one. When
 * neither paints any (a wrapper may, or the canvas of a dark colour scheme), when the page's reading
 * text (its first paragraph's) is light: text is coloured to be read on its background.
 */
export function isDarkPage(doc: Document): boolean {
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const background = colorOf(getComputedStyle(element).backgroundColor);
    if (background && (background[3] ?? 0) >= 0.5) return luminance(background) < DARK;
  }
  const reading = doc.querySelector("article p, main p, p") ?? doc.body;
  const text = reading && colorOf(getComputedStyle(reading).color);
  return text ? luminance(text) > LIGHT : false;
}

/**
 * A computed colour as [r, g, b, alpha] (0-255, 0-1). Browsers give most as rgb() or rgba(); newer
 * notations (oklch(), color(srgb …)) are drawn on a 1-pixel canvas to read them. Null if unreadable.
 */
export function colorOf(color: string): number[] | null {
  const parts = color
    .match(/^rgba?\((.*)\)$/)?.[1]
    ?.split(/[\s,/]+/)
    .map(Number);
  if (parts && parts.length >= 3 && parts.every((part) => !Number.isNaN(part)))
    return [...parts, 1].slice(0, 4);
  const context = new OffscreenCanvas(1, 1).getContext("2d");
  if (!context) return null;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** Whether the reader's system forces its own few colours (Windows High Contrast). */
export const forcedColors = (): boolean => matchMedia("(forced-colors: active)").matches;

/** WCAG's relative luminance of an sRGB colour (0-255 each). */
export function luminance([r = 0, g = 0, b = 0]: number[]): number {
  const [lr = 0, lg = 0, lb = 0] = [r, g, b]
    .map((c) => c / 255)
    .map((s) => (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4));
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
}
