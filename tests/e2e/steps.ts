/** Readings of a page shared by scenarios. */

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
