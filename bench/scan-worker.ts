/**
 * Stands in for the background in the bench: a thread of its own that holds the page index and answers
 * scanTexts, as src/background/page-index.ts does. Messages travel as JSON text, which costs the page
 * about what a runtime message does (see page-entry.ts).
 */
import { TextScanner } from "../src/engine/text-scan";

let scanner: TextScanner | undefined;

self.onmessage = ({ data }: MessageEvent<{ index: string } | { texts: string }>) => {
  if ("index" in data) {
    scanner = new TextScanner(JSON.parse(data.index));
    self.postMessage("ready");
    return;
  }
  const texts = JSON.parse(data.texts) as string[];
  self.postMessage(JSON.stringify(scanner?.scan(texts) ?? null));
};
