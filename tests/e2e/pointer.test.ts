/**
 * The pointer, beyond dwell and sweep (explainer.test.ts): nothing opens while the reader scrolls,
 * selects text or holds a button; the dwell follows the setting; the modifier-key mode; the pin.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BROWSERS, settled, type Tab, waitFor } from "./harness";
import { markedTexts, pointOnText } from "./probes";
import { setSettings } from "./reader-settings";
import { useSession } from "./session";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Reads the pin button's pressed state inside the closed shadow root. */
const PIN_PRESSED = `function () {
  return JSON.stringify(this.querySelector(".card .pin")?.getAttribute("aria-pressed") ?? null);
}`;

/** The centre of a marked term in view, other than Idlib and clear of the card (runs in the page). */
function visibleMarkOutside(card: { x: number; y: number; width: number; height: number }) {
  for (const item of CSS.highlights.get("backstory") ?? []) {
    const source = item as StaticRange;
    const range = document.createRange();
    range.setStart(source.startContainer, source.startOffset);
    range.setEnd(source.endContainer, source.endOffset);
    const rect = range.getBoundingClientRect();
    const x = rect.x + rect.width / 2;
    const y = rect.y + rect.height / 2;
    const inCard =
      x > card.x - 20 && x < card.x + card.width + 20 && y > card.y - 20 && y < card.y + card.height + 20;
    if (range.toString() !== "Idlib" && !inCard && y > 10 && y < innerHeight - 10) return { x, y };
  }
  return null;
}

describe.each(BROWSERS)("%s: the pointer", (name) => {
  const session = useSession(name);
  let tab: Tab;

  const reload = async () => {
    await tab.goto(session.server.url("/demo"));
    await settled(() => tab.evaluate(markedTexts), "the marks to settle");
  };
  beforeAll(async () => {
    tab = await session.browser.newTab();
    await reload();
  });

  const point = (text: string) => waitFor(() => tab.evaluate(pointOnText, text), `"${text}" on the page`);
  const closed = async () => {
    await tab.press("Escape");
    await tab.mouseMove(2, 2);
    await waitFor(() => tab.explainer().then((view) => view === null), "no explainer");
  };
  const opened = (title: string, timeout = 5000) =>
    waitFor(
      () => tab.explainer().then((view) => (view?.title === title ? view : null)),
      `the explainer for ${title}`,
      timeout,
    );

  it("does not open while the page is scrolling, and opens once it stops under a resting pointer", async () => {
    await closed();
    const term = await point("S-400");
    await tab.mouseMove(term.x - 120, term.y, 2);
    await tab.wheel(0, 1);
    await tab.mouseMove(term.x, term.y, 2);
    // The reader keeps the wheel turning (a pixel down, a pixel up) with the pointer resting on the term.
    for (let i = 0; i < 12; i++) {
      await tab.wheel(0, i % 2 === 0 ? -1 : 1);
      await sleep(50);
    }
    expect(await tab.explainer()).toBeNull();
    await opened("S-400 Triumf");
  });

  it("does not open while the reader drags a selection onto a term", async () => {
    await closed();
    const term = await point("S-400");
    await tab.mouseMove(term.x - 150, term.y, 2);
    await tab.mouseDown();
    await tab.mouseMove(term.x, term.y, 6);
    await tab.mouseMove(term.x + 2, term.y, 1);
    await sleep(600);
    expect(await tab.explainer()).toBeNull();
    expect(await tab.evaluate(() => document.getSelection()?.toString() ?? "")).toContain("S-4");
    await tab.mouseUp();
    // Letting go ends the selection on the term, which is no reason to open it; moving on is.
    await sleep(500);
    expect(await tab.explainer()).toBeNull();
    await tab.mouseMove(term.x, term.y, 1);
    await opened("S-400 Triumf");
    await tab.evaluate(() => document.getSelection()?.removeAllRanges());
  });

  it("does not open with a mouse button held, even where nothing can be selected", async () => {
    await closed();
    await tab.evaluate(() => document.body.style.setProperty("user-select", "none"));
    const term = await point("S-400");
    await tab.mouseMove(term.x - 150, term.y, 2);
    await tab.mouseDown();
    await tab.mouseMove(term.x, term.y, 6);
    await sleep(600);
    expect(await tab.explainer()).toBeNull();
    await tab.mouseUp();
    await tab.evaluate(() => document.body.style.removeProperty("user-select"));
  });

  it("a pinned card stays when the pointer leaves, other terms do not replace it, and Escape closes it", async () => {
    await closed();
    const term = await point("Idlib");
    await tab.mouseMove(term.x, term.y, 3);
    const view = await opened("Idlib");
    await tab.mouseMove(view.rect.x + 30, view.rect.y + 12, 4);
    const pin = view.buttons.find((button) => button.label === "Pin explainer");
    expect(pin).toBeDefined();
    await tab.click(pin?.x ?? 0, pin?.y ?? 0);
    await waitFor(() => tab.inExplainer<string>(PIN_PRESSED).then((p) => p === "true"), "the pin pressed");
    await tab.mouseMove(view.rect.x + view.rect.width + 250, 790, 4);
    await sleep(800);
    expect((await tab.explainer())?.title).toBe("Idlib");
    const other = await tab.evaluate(visibleMarkOutside, view.rect);
    expect(other).not.toBeNull();
    await tab.mouseMove(other?.x ?? 0, other?.y ?? 0, 3);
    await sleep(600);
    expect((await tab.explainer())?.title).toBe("Idlib");
    await tab.press("Escape");
    await waitFor(() => tab.explainer().then((v) => v === null), "Escape to close the pinned card");
  });

  it("the close button closes a pinned card", async () => {
    await closed();
    const term = await point("S-400");
    await tab.mouseMove(term.x, term.y, 3);
    const view = await opened("S-400 Triumf");
    await tab.mouseMove(view.rect.x + 30, view.rect.y + 12, 4);
    const button = (label: string) => view.buttons.find((b) => b.label === label) ?? { x: 0, y: 0 };
    await tab.click(button("Pin explainer").x, button("Pin explainer").y);
    await waitFor(() => tab.inExplainer<string>(PIN_PRESSED).then((p) => p === "true"), "the pin pressed");
    await tab.click(button("Close explainer").x, button("Close explainer").y);
    await waitFor(() => tab.explainer().then((v) => v === null), "the close button to close it");
  });

  it("waits the dwell the reader set", async () => {
    await closed();
    await setSettings(session.browser, { dwellMs: 800 });
    await tab.bringToFront();
    await sleep(500);
    await reload();
    const term = await point("S-400");
    await tab.mouseMove(term.x - 100, term.y, 2);
    await tab.mouseMove(term.x, term.y, 2);
    const arrived = Date.now();
    await sleep(300);
    expect(await tab.explainer()).toBeNull();
    await opened("S-400 Triumf", 3000);
    expect(Date.now() - arrived).toBeGreaterThanOrEqual(700);
  });

  it("in modifier mode opens only with the key held, or when it is pressed over a resting pointer", async () => {
    await closed();
    await setSettings(session.browser, { dwellMs: 150, modifierKey: "Shift" });
    await tab.bringToFront();
    await sleep(500);
    await reload();
    const term = await point("S-400");
    await tab.mouseMove(term.x - 100, term.y, 2);
    await tab.mouseMove(term.x, term.y, 2);
    await sleep(600);
    expect(await tab.explainer()).toBeNull();
    await tab.press("Shift");
    await opened("S-400 Triumf");

    await closed();
    const idlib = await point("Idlib");
    await tab.keyDown("Shift");
    await tab.mouseMove(idlib.x - 100, idlib.y, 2);
    await tab.mouseMove(idlib.x, idlib.y, 2);
    await opened("Idlib");
    await tab.keyUp("Shift");
  });
});
