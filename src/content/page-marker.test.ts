// @vitest-environment happy-dom
/**
 * A race no browser test can time: the page changes text while the background is finding the terms
 * in it. The browser's own marking is shown by tests/e2e; here happy-dom stands in for the page, with
 * the few browser APIs it lacks stubbed, and the background is a function the test controls.
 */
import { describe, expect, it } from "vitest";
import { textScanServer } from "../background/page-index";
import { compileIndex } from "../glossary/compile";
import type { Entry } from "../glossary/schema";
import { glossaryOver, PageEntries } from "./page-glossary";
import { PageMarker } from "./page-marker";

globalThis.StaticRange ??= class {
  constructor(init: StaticRangeInit) {
    Object.assign(this, init);
  }
} as unknown as typeof StaticRange;
globalThis.Highlight ??= class extends Set<AbstractRange> {} as unknown as typeof Highlight;
Object.defineProperty(globalThis, "CSS", { value: { highlights: new Map() }, configurable: true });
Element.prototype.checkVisibility ??= () => true;

const index = compileIndex([
  { id: "idlib", title: "Idlib", category: "places", aliases: ["Idlib"] } as unknown as Entry,
]);
const serve = textScanServer(async () => index);

/** The marked words, in reading order, once the page is marked and the rescan its change brings is done. */
async function markedAfter(marker: PageMarker): Promise<string[]> {
  await marker.markAll();
  await new Promise((done) => setTimeout(done, 400));
  return marker.marks.list().map((mark) => `${mark.text} in #${mark.nodes[0]?.parentElement?.id}`);
}

/** A marker whose background answers its first texts after the page rewrote the first paragraph. */
function markerRacedByThePage(): PageMarker {
  document.body.innerHTML = `<article><p id="a">Idlib talks went on.</p><p id="b">More on Idlib today.</p></article>`;
  let calls = 0;
  const { entries, scan } = glossaryOver(new PageEntries(), async (texts, held) => {
    const answer = await serve(texts, null, null, held);
    if (calls++ === 0) (document.getElementById("a")?.firstChild as Text).data = "Other talks went on.";
    return answer;
  });
  return new PageMarker(
    entries,
    scan,
    { firstOnly: true, findRoot: () => document.querySelector("article") },
    new AbortController().signal,
  );
}

describe("PageMarker, when the page changes text while the background reads it", () => {
  it("marks none of the new words, and marks the term where it still is", async () => {
    expect(await markedAfter(markerRacedByThePage())).toEqual(["Idlib in #b"]);
  });

  it("finds the term again below the screen, where its later occurrences were let go for the first", async () => {
    const box = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = () => new DOMRect(0, 5000, 100, 20);
    try {
      expect(await markedAfter(markerRacedByThePage())).toEqual(["Idlib in #b"]);
    } finally {
      Element.prototype.getBoundingClientRect = box;
    }
  });
});
