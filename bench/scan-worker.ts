/**
 * Stands in for the background in the bench: a thread of its own that holds the page index and answers
 * scanTexts with src/background/page-index.ts. Messages travel as JSON text, which costs the page
 * about what a runtime message does (see page-entry.ts).
 */
import { textScanServer } from "../src/background/page-index";
import type { CompiledIndex } from "../src/glossary/compile";

let scan: ReturnType<typeof textScanServer> | undefined;

self.onmessage = async ({ data }: MessageEvent<{ index: string } | { texts: string; held: number[] }>) => {
  if ("index" in data) {
    const index = JSON.parse(data.index) as CompiledIndex;
    scan = textScanServer(async () => index);
    self.postMessage("ready");
    return;
  }
  const texts = JSON.parse(data.texts) as string[];
  self.postMessage(JSON.stringify((await scan?.(texts, null, null, data.held)) ?? null));
};
