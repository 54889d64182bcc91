/**
 * Page side of the benchmark, bundled into one script and injected into each page: Backstory's engine
 * exactly as the content script drives it (PageMarker over StaticRanges and CSS.highlights), and the
 * methods it is compared with, all given the same article root.
 */

import { type AskToScan, glossaryOver, PageEntries } from "../src/content/page-glossary";
import { PageMarker } from "../src/content/page-marker";
import { findArticleRoot } from "../src/engine/article-root";
import type { PageScanAnswer } from "../src/engine/text-scan";
import { MARK_CLASS, markArray, markRegExp, readAllText, regexPerTerm } from "./naive";

export const METHODS = [
  "backstory",
  "backstory-all",
  "markjs-regexp",
  "markjs-array",
  "regex-per-term",
  "floor",
  "none",
] as const;
export type Method = (typeof METHODS)[number];

export interface RunResult {
  marks: number;
  /** From the start until the last mark in the first screenful was made; null when none is there. */
  viewportMs: number | null;
}

const SETTLE_MS = 1000;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
/** Holds what each method built, so the heap measured afterwards still contains it. */
const kept: unknown[] = [];

// Each range Backstory draws, and when: how soon the reader's screen is marked.
const drawn: { at: number; range: AbstractRange }[] = [];
const add = Highlight.prototype.add;
Highlight.prototype.add = function (this: Highlight, range: AbstractRange) {
  drawn.push({ at: performance.now(), range });
  return add.call(this, range);
};

function onScreen(box: DOMRect): boolean {
  return box.width > 0 && box.bottom > 0 && box.top < innerHeight && box.left < innerWidth;
}

function rangeOnScreen({ startContainer, startOffset, endContainer, endOffset }: AbstractRange): boolean {
  const range = document.createRange();
  range.setStart(startContainer, startOffset);
  range.setEnd(endContainer, endOffset);
  return onScreen(range.getBoundingClientRect());
}

/** The background's stand-in, once prepareBackstory has started it. */
let background: AskToScan | undefined;

/**
 * Starts the background's stand-in (scan-worker.ts) with the index, before the run: the background
 * holds its index before any page asks. Its thread is not the page's, as the background's is not.
 * Each call sends its texts as JSON text, which costs the page about what a runtime message does:
 * in Chromium 156 a content script's sendMessage of 1.3 MB of page-like text (accented letters, curly
 * quotes) held the page for 13-20 ms, JSON.stringify of it for 6-8 ms, and postMessage of the JSON
 * adds a copy.
 */
export async function prepareBackstory(workerScript: string, index: string): Promise<void> {
  const worker = new Worker(URL.createObjectURL(new Blob([workerScript], { type: "text/javascript" })));
  await new Promise((ready) => {
    worker.onmessage = ready;
    worker.postMessage({ index });
  });
  background = scanIn(worker);
  kept.push(worker);
}

/** Asks the worker to scan texts. Made apart from prepareBackstory, whose scope holds the whole index. */
function scanIn(worker: Worker): AskToScan {
  const waiting: ((answer: PageScanAnswer | null) => void)[] = [];
  worker.onmessage = ({ data }: MessageEvent<string>) => waiting.shift()?.(JSON.parse(data));
  return (texts, held) =>
    new Promise((done) => {
      waiting.push(done);
      worker.postMessage({ texts: JSON.stringify(texts), held });
    });
}

/**
 * As src/content/index.ts does it: the page holds no glossary, and the background's stand-in finds
 * the terms in the page's text and sends the rows of the entries found.
 */
async function runBackstory(firstOnly: boolean) {
  if (!background) throw new Error("prepareBackstory was not called, or failed");
  const { entries, scan } = glossaryOver(new PageEntries(), background);
  const signal = new AbortController().signal;
  const marker = new PageMarker(
    entries,
    scan,
    { firstOnly, findRoot: () => findArticleRoot(document) },
    signal,
  );
  console.timeStamp("bench-setup");
  kept.push(marker);
  await marker.markAll();
  return { doneAt: performance.now(), count: () => marker.marks.size };
}

function wrapperFor(method: Method, terms: string[]): (target: Element) => number {
  if (method === "markjs-regexp") return markRegExp(terms);
  if (method === "markjs-array") return markArray(terms);
  if (method === "regex-per-term") return regexPerTerm(terms);
  if (method === "floor")
    return (target) => {
      readAllText(target);
      return 0;
    };
  return () => 0;
}

/** Marks target now and every element added under it later, as an extension built on it would. */
function runWrapper(method: Method, json: string, live: boolean) {
  const wrap = wrapperFor(method, JSON.parse(json) as string[]);
  console.timeStamp("bench-setup");
  const root = findArticleRoot(document) as Element;
  let marks = wrap(root);
  const doneAt = performance.now();
  if (live && method !== "none") {
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node instanceof Element) marks += wrap(node);
      observer.takeRecords(); // our own <mark> insertions are not new content
    });
    observer.observe(root, { childList: true, subtree: true });
    kept.push(observer);
  }
  kept.push(wrap);
  return { doneAt, count: () => marks };
}

/**
 * Runs one method on this page; on the endless page it keeps marking while the feed runs. `terms` is
 * the glossary's terms as JSON, for the others than Backstory: its stand-in for the background holds
 * the glossary (see prepareBackstory).
 */
export async function run(method: Method, terms: string, live: boolean): Promise<RunResult> {
  drawn.length = 0;
  console.timeStamp("bench-start");
  const start = performance.now();
  const isBackstory = method === "backstory" || method === "backstory-all";
  const ran = isBackstory ? await runBackstory(method === "backstory") : runWrapper(method, terms, live);
  if (live) {
    await (window as unknown as { startFeed: () => Promise<void> }).startFeed();
    await sleep(SETTLE_MS);
  }
  await frames();
  console.timeStamp("bench-end");
  let viewportMs: number | null = null;
  if (!live && isBackstory) {
    const times = drawn.filter(({ range }) => rangeOnScreen(range)).map(({ at }) => at - start);
    viewportMs = times.length > 0 ? Math.max(...times) : null;
  } else if (
    !live &&
    [...document.querySelectorAll(`.${MARK_CLASS}`)].some((m) => onScreen(m.getBoundingClientRect()))
  ) {
    viewportMs = ran.doneAt - start;
  }
  return { marks: ran.count(), viewportMs };
}

/** Every node in the document: what "DOM nodes added" counts. */
export function countNodes(): number {
  let count = 0;
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  while (walker.nextNode()) count++;
  return count;
}
