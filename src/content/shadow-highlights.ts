/**
 * Drawing marks inside open shadow roots in Firefox. Chromium's highlight inheritance follows the flat
 * tree, so a shadow tree takes the page's ::highlight(backstory…) styles from its host; Firefox has no
 * highlight inheritance (https://bugzilla.mozilla.org/show_bug.cgi?id=1868009, and the WPT
 * highlight-cascade-shadow-boundary.html fails there), and a document stylesheet never matches
 * elements in a shadow tree, so marks there are found and hoverable but not drawn.
 *
 * The one way that adds no node to the page is to adopt the highlight rules into that shadow root.
 * Its cost: a page script reading that root's `adoptedStyleSheets` sees one more sheet. So it is done
 * only in Firefox, only for shadow roots that hold a mark, and undone when Backstory turns off on the
 * page. (A <style> in their shadow root would be a node the page sees and CSP can block.)
 */
import css from "./highlights.css?inline";

let sheet: CSSStyleSheet | null = null;
const adopted = new WeakSet<ShadowRoot>();

/** Lets the marks inside root be drawn, until signal aborts. */
export function drawInside(root: ShadowRoot, signal: AbortSignal): void {
  if (adopted.has(root) || signal.aborted) return;
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    const ours = sheet;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ours];
    adopted.add(root);
    signal.addEventListener("abort", () => {
      adopted.delete(root);
      try {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets].filter((other) => other !== ours);
      } catch {
        // The page took adoptedStyleSheets away from us: nothing of ours is left to remove.
      }
    });
  } catch {
    // A page that breaks adoptedStyleSheets keeps these marks undrawn; hovering them still explains.
  }
}
