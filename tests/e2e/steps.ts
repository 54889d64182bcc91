/** Things a reader does, shared by scenarios. */
import { type TestBrowser, waitFor } from "./harness";

/** Clicks the options page's global switch until it reads `on`. */
export async function setGlobalSwitch(browser: TestBrowser, on: boolean): Promise<void> {
  const options = await browser.newTab(browser.extensionUrl("src/options/index.html"));
  const read = () =>
    options.evaluate(() => {
      const box = document.querySelector<HTMLInputElement>('input[name="enabled"]');
      const rect = box?.getBoundingClientRect();
      return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, checked: box?.checked } : null;
    });
  const point = await waitFor(read, "the on/off switch");
  if (point.checked !== on) {
    await options.click(point.x, point.y);
    await waitFor(() => read().then((now) => now?.checked === on), `the switch to turn ${on ? "on" : "off"}`);
  }
  await options.close();
}

/** The state of a page that its own scripts and its reader would notice (its text as a hash, to stay small). */
export function pageFingerprint(): {
  nodes: number;
  text: string;
  height: number;
  width: number;
  ready: string;
} {
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  let nodes = 0;
  while (walker.nextNode()) nodes++;
  // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees is the point, hidden text is not.
  const text = document.body?.innerText ?? "";
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return {
    nodes,
    text: `${text.length} chars, hash ${hash >>> 0}`,
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    ready: document.readyState,
  };
}

export type Fingerprint = ReturnType<typeof pageFingerprint>;
