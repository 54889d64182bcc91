/**
 * Whether a page is dark where its text is read (a site's dark mode, or a dark-mode extension), so
 * marks are drawn in colours that show on it: the blue of the usual underline is too dim on black.
 */

/** The suffix of the highlight names drawn on a dark page (see highlights.css). */
export const ON_DARK = "-on-dark";

/**
 * Dark when the first of the body and the root that paints a background paints a dark one, or when
 * neither paints any and the browser's canvas under them is dark (a page in a dark colour scheme).
 * A colour it cannot read (a newer notation) counts as light: marks as usual.
 */
export function isDarkPage(doc: Document): boolean {
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const color = getComputedStyle(element).backgroundColor;
    const parts = color
      .match(/^rgba?\((.*)\)$/)?.[1]
      ?.split(/[\s,/]+/)
      .map(Number);
    if (!parts) return false;
    const [r = 0, g = 0, b = 0, alpha = 1] = parts;
    if (alpha >= 0.5) return luminance(r, g, b) < DARK;
  }
  const scheme = getComputedStyle(doc.documentElement).colorScheme;
  const dark = scheme.includes("dark");
  return dark && (!scheme.includes("light") || matchMedia("(prefers-color-scheme: dark)").matches);
}

/** Below this relative luminance (that of #767676, mid grey) a background is dark. */
const DARK = 0.18;

/** WCAG's relative luminance of an sRGB colour. */
function luminance(...rgb: number[]): number {
  const [r = 0, g = 0, b = 0] = rgb
    .map((c) => c / 255)
    .map((s) => (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
