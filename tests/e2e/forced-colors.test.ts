/**
 * Forced colors (Windows High Contrast; in Firefox also "Override the colours specified by the page:
 * Always"): the browser paints everything in the reader's few system colours, and drops every
 * box-shadow and every background that is not one of them. What a low-vision reader must still see:
 * the marks in every style, and the term under the pointer set apart from them; the card's edge, a
 * focus ring, the pin held down, the line under its header, the box of what happened since the
 * article, the timeline's dots and the map; the popup's on and off dots; the options' chosen section,
 * kind and entry, and the words of a button that cannot be used.
 *
 * Judged from screenshots where a colour could be dropped at paint time (a computed style can still
 * name the dropped colour), from computed styles where they are what is painted.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/paths";
import { settledExplainer } from "./card";
import { BROWSERS, settled, type Tab, waitFor } from "./harness";
import { askReadingTabs, clickOn, highlightNames } from "./options-steps";
import {
  type Box,
  changed as changedBy,
  contrast,
  holdHighlight,
  markBox,
  nextShotPath,
  pixels,
  type Rgb,
  releaseHighlight,
  shoot,
} from "./pixels";
import { markedTexts, pointOnText } from "./probes";
import { setSettings } from "./reader-settings";
import { useSession } from "./session";

const FIXTURES = join(ROOT, "tests", "fixtures");
/**
 * Two colours a reader tells apart. Below WCAG's 3:1 for controls because some pairs here are the
 * reader's own system colours, used as given: Firefox's default Highlight on white is 2.9:1.
 */
const APART = 2;
/** Pixels of two shots of one box that changed so that a reader sees it (APART or more). */
const changed = (a: PNG, b: PNG) => changedBy(a, b, APART);

/**
 * A computed colour ("rgb(1, 2, 3)" or "rgba(1, 2, 3, 0.8)") as painted on `under`. Fails on one that
 * paints nothing (alpha 0, "transparent", "none", missing), which would otherwise read as black.
 */
function rgb(color = "", under?: Rgb): Rgb {
  const [r = 0, g = 0, b = 0, alpha = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
  expect(/^rgba?\(/.test(color) && alpha > 0, `a colour painted, not "${color}"`).toBe(true);
  return [r, g, b].map((c, i) => alpha * c + (1 - alpha) * (under?.[i] ?? c)) as Rgb;
}

/** The colour most of a shot is: the background what is drawn sits on. */
function commonest(png: PNG): Rgb {
  const counts = new Map<string, number>();
  for (const pixel of pixels(png)) counts.set(pixel.join(), (counts.get(pixel.join()) ?? 0) + 1);
  const [top = "0,0,0"] = [...counts].sort((a, b) => b[1] - a[1]).map(([key]) => key);
  return top.split(",").map(Number) as Rgb;
}

/** How well what is drawn in a shot shows on its background: its strongest contrast with it. */
function ink(png: PNG): number {
  const ground = commonest(png);
  return Math.max(...pixels(png).map((pixel) => contrast(pixel, ground)));
}

/** A screenshot of the first element matching a selector in an extension page, decoded. */
async function shootElement(tab: Tab, selector: string): Promise<PNG> {
  const path = nextShotPath();
  await tab.screenshotOf(selector, path);
  return PNG.sync.read(readFileSync(path));
}

/** The part of a shot of `box` that `part`, a box inside it read at the same moment, covers. */
function cut(png: PNG, box: Box, part: Box): PNG {
  const piece = new PNG({ width: Math.round(part.width), height: Math.round(part.height) });
  const [x, y] = [part.x - box.x, part.y - box.y].map(Math.round) as [number, number];
  PNG.bitblt(png, piece, x, y, piece.width, piece.height, 0, 0);
  return piece;
}

/** The box of the first element matching a selector, and of its words, in the viewport (runs in the page). */
function boxesOf(selector: string): { box: Box; words: Box } | null {
  const element = document.querySelector(selector);
  if (!element) return null;
  const range = document.createRange();
  range.selectNodeContents(element);
  const { x, y, width, height } = element.getBoundingClientRect();
  const words = range.getBoundingClientRect();
  return {
    box: { x, y, width, height },
    words: { x: words.x, y: words.y, width: words.width, height: words.height },
  };
}

/** What the open card paints, read inside its closed shadow root. */
const CARD_LOOK = `function () {
  const look = (selector, side = "top", pseudo) => {
    const element = this.querySelector(selector);
    const style = element && getComputedStyle(element, pseudo);
    // A pseudo-element without content is not drawn, yet has a computed style.
    if (!style || (pseudo && ["none", "normal"].includes(style.content))) return null;
    return {
      border: [style.getPropertyValue("border-" + side + "-width"), style.getPropertyValue("border-" + side + "-style"), style.getPropertyValue("border-" + side + "-color")],
      background: style.backgroundColor,
      fill: style.fill,
      scrolled: element.classList.contains("scrolled"),
    };
  };
  return JSON.stringify({
    card: look(".card"),
    since: look(".since"),
    header: look(".header", "bottom"),
    event: look(".timeline li.before", "top", "::before"),
    article: look(".timeline li.article", "top", "::before"),
    map: look(".map svg"),
    land: look(".map .land"),
    shade: look(".map .shade"),
    marker: look(".map .marker"),
  });
}`;

type Look = { border: [string, string, string]; background: string; fill: string; scrolled: boolean };

/** What the open card paints in the parts named; fails if one of them is not there. */
async function cardLook<P extends string>(tab: Tab, ...parts: P[]): Promise<Record<P, Look>> {
  const look = (await tab.inExplainer<Record<string, Look | null>>(CARD_LOOK)) ?? {};
  for (const part of parts) expect(look[part], `the card's ${part}`).toBeTruthy();
  return look as Record<P, Look>;
}

/** A box of the open card (`this.querySelector(arg)`), in the viewport. */
const BOX_OF = `function (selector) {
  const { x, y, width, height } = this.querySelector(selector).getBoundingClientRect();
  return JSON.stringify({ x, y, width, height });
}`;

/** Scrolls the card until its map sits under its header, once the map has come. */
const SCROLL_TO_MAP = `async function () {
  const card = this.querySelector(".card");
  const map = this.querySelector(".map svg");
  if (!map) return "false";
  card.scrollTop += map.getBoundingClientRect().top - this.querySelector(".header").getBoundingClientRect().bottom - 8;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return "true";
}`;

/** A border that shows: drawn, and apart from the background it sits on. */
function expectVisibleBorder(look: Look, on: string, what: string): void {
  const [width, style, color] = look.border;
  expect(Number.parseFloat(width), `${what}: ${look.border}`).toBeGreaterThanOrEqual(1);
  expect(style, what).not.toBe("none");
  expect(contrast(rgb(color, rgb(on)), rgb(on)), `${what}: ${color} on ${on}`).toBeGreaterThanOrEqual(3);
}

describe.each(BROWSERS)("%s: forced colors", (name) => {
  const session = useSession(name, { forcedColors: true });
  let article: Tab;
  const openArticle = async () => {
    article ??= await session.browser.newTab(session.server.url("/demo"));
    await article.bringToFront();
    expect(await article.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);
  };

  it.each([
    ["dotted", "backstory"],
    ["solid", "backstory-solid"],
    ["tint", "backstory-tint"],
  ])(
    "draws %s marks a reader can see, and sets apart the term under the pointer",
    async (style, highlight) => {
      await openArticle();
      await setSettings(session.browser, { markingStyle: style });
      await article.bringToFront();
      await waitFor(
        () => article.evaluate(highlightNames).then((names) => names.join() === highlight),
        `the ${style} marks`,
      );
      await settled(() => article.evaluate(markedTexts), "the marks redrawn");
      const box = await waitFor(() => article.evaluate(markBox, [highlight, "Idlib"]), "Idlib's mark");
      const enough = box.width / 2; // an underline along half the word, at the least

      const resting = await shoot(article, box, 5);
      await article.evaluate(holdHighlight, highlight);
      const bare = await shoot(article, box, 5);
      await article.evaluate(releaseHighlight);
      expect(changed(resting, bare), "pixels the mark changes").toBeGreaterThanOrEqual(enough);

      const point = await waitFor(() => article.evaluate(pointOnText, "Idlib"), "Idlib on the page");
      await article.mouseMove(point.x, point.y, 4);
      await waitFor(
        () => article.evaluate(highlightNames).then((names) => names.includes("backstory-active")),
        "the term under the pointer",
      );
      const active = await shoot(article, box, 5);
      expect(changed(resting, active), "pixels the pointer's term changes").toBeGreaterThanOrEqual(enough);
      await article.mouseMove(2, 2);
      await waitFor(() => article.explainer().then((view) => view === null), "the card closed");
      await setSettings(session.browser, { markingStyle: "dotted" });
    },
  );

  it("with marks set to show only under the pointer, paints nothing over the terms", async () => {
    await openArticle();
    await settled(() => article.evaluate(markedTexts), "the marks");
    const box = await waitFor(() => article.evaluate(markBox, ["backstory", "Idlib"]), "Idlib's mark");
    await article.evaluate(holdHighlight, "backstory");
    const plain = await shoot(article, box, 5);
    await article.evaluate(releaseHighlight);
    await setSettings(session.browser, { markingStyle: "none" });
    await article.bringToFront();
    await waitFor(
      () => article.evaluate(highlightNames).then((names) => !names.includes("backstory")),
      "the dotted marks gone",
    );
    // The marks are there for the pointer: resting on Idlib opens its card.
    const point = await waitFor(() => article.evaluate(pointOnText, "Idlib"), "Idlib on the page");
    await article.mouseMove(point.x, point.y, 4);
    await waitFor(() => article.explainer().then((view) => view?.title === "Idlib"), "Idlib's card");
    await article.mouseMove(2, 2);
    await waitFor(() => article.explainer().then((view) => view === null), "the card closed");
    expect(changed(plain, await shoot(article, box, 5)), "pixels painted over Idlib").toBe(0);
    await setSettings(session.browser, { markingStyle: "dotted" });
  });

  it("keeps the card's edge, a focus ring, the pinned pin, its boxes, dots and map in sight", async () => {
    await openArticle();
    const options = await session.browser.newTab(session.browser.extensionUrl("src/options/index.html"));
    await askReadingTabs(options, "explain", ["idlib"]);
    await options.close();
    await article.bringToFront();
    await waitFor(
      () => article.evaluate(() => document.activeElement?.localName === "backstory-explainer"),
      "focus in the card",
    );
    await settledExplainer(article, "Idlib's card to settle");

    const look = await cardLook(article, "card", "since", "event", "article");
    const paper = look.card.background;
    // The page around the card is the same system background as the card: only a border divides them.
    expectVisibleBorder(look.card, paper, "the card's edge");
    expectVisibleBorder(look.since, paper, "the box of what happened since the article");
    // An event's dot is filled; the article's own date is an empty ring.
    const dot = rgb(look.event.background, rgb(paper));
    expect(contrast(dot, rgb(paper)), `an event's dot: ${look.event.background}`).toBeGreaterThanOrEqual(3);
    expectVisibleBorder(look.article, paper, "the article's ring");
    expect(look.article.background, "the article's ring is a ring").not.toBe(look.event.background);

    // Tab from the card to its first button, the pin: a ring appears around it.
    const pin = (await article.inExplainer<Box>(BOX_OF, ".pin")) as Box;
    const unfocused = await shoot(article, pin, 4);
    await article.press("Tab");
    expect(
      await article.inExplainer<string>(
        `function () { return JSON.stringify(this.activeElement?.className) }`,
      ),
    ).toBe("icon pin");
    const focused = await shoot(article, pin, 4);
    expect(changed(unfocused, focused), "pixels of the focus ring").toBeGreaterThanOrEqual(
      pin.width + pin.height,
    );
    // Held down, the pin looks it.
    const up = await shoot(article, pin);
    await article.press("Enter");
    await waitFor(
      () =>
        article.inExplainer<boolean>(
          `function () { return JSON.stringify(this.querySelector(".pin").getAttribute("aria-pressed") === "true") }`,
        ),
      "the pin down",
    );
    const down = await shoot(article, pin);
    expect(changed(up, down), "pixels the pin's state changes").toBeGreaterThanOrEqual(
      (pin.width * pin.height) / 4,
    );

    // Scrolled to its map: a line under the header, and the place's country apart from the land around it.
    await waitFor(() => article.inExplainer<boolean>(SCROLL_TO_MAP), "the map, scrolled to");
    const scrolled = await cardLook(article, "header", "map", "land", "shade", "marker");
    expect(scrolled.header.scrolled).toBe(true);
    expectVisibleBorder(scrolled.header, scrolled.header.background, "the line under the header");
    expectVisibleBorder(scrolled.map, paper, "the map's frame");
    const land = rgb(scrolled.land.fill, rgb(paper));
    const shade = rgb(scrolled.shade.fill, land);
    const marker = rgb(scrolled.marker.fill, shade);
    expect(contrast(land, shade), "the country on the land").toBeGreaterThanOrEqual(APART);
    expect(contrast(marker, shade), "the place in its country").toBeGreaterThanOrEqual(APART);

    await article.press("Escape");
    await waitFor(() => article.explainer().then((view) => view === null), "the card closed");
  });

  it("shows the popup's on and off dots", async () => {
    await openArticle();
    const popup = await session.browser.newTab(session.browser.extensionUrl("src/popup/index.html"));
    const dot = ".status.site .dot";
    const siteState = () => popup.evaluate(() => document.querySelector(".site-state")?.textContent ?? "");
    await waitFor(() => siteState().then((text) => text.startsWith("On for")), "the site on");
    const on = await shootElement(popup, dot);
    expect(ink(on), "the on dot").toBeGreaterThanOrEqual(3);
    await clickOn(popup, "button", "Turn off here");
    await waitFor(() => siteState().then((text) => text.startsWith("Off for")), "the site off");
    const off = await shootElement(popup, dot);
    expect(ink(off), "the off dot").toBeGreaterThanOrEqual(3);
    expect(changed(on, off), "pixels between on and off").toBeGreaterThanOrEqual(10);
    await clickOn(popup, "button", "Turn on here");
    await waitFor(() => siteState().then((text) => text.startsWith("On for")), "the site on again");
    await popup.close();
  });

  it("shows the options' chosen section, kind and entry, and a disabled button's words", async () => {
    const options = await session.browser.newTab(
      session.browser.extensionUrl("src/options/index.html#glossary"),
    );
    await waitFor(() => options.evaluate(() => document.querySelector(".result") !== null), "the glossary");
    await clickOn(options, ".result");
    await waitFor(
      () => options.evaluate(() => document.querySelector('.result[aria-current="true"]') !== null),
      "an entry chosen",
    );
    await options.evaluate(() => scrollTo(0, 0));
    for (const [chosen, other] of [
      ['.sections a[aria-current="page"]', ".sections a:not([aria-current])"],
      ['.kinds .chip[aria-pressed="true"]', '.kinds .chip[aria-pressed="false"]'],
      ['.result[aria-current="true"]', ".result:not([aria-current])"],
    ] as const) {
      const mine = await options.evaluate(boxesOf, chosen);
      const theirs = await options.evaluate(boxesOf, other);
      if (!mine || !theirs) throw new Error(`no ${mine ? other : chosen} on the page`);
      const fill = commonest(await shoot(options, mine.box));
      const otherFill = commonest(await shoot(options, theirs.box));
      expect(contrast(fill, otherFill), `${chosen} against ${other}`).toBeGreaterThanOrEqual(APART);
      // Its words sit on its fill (no other colour painted behind them), and stand out from it.
      const words = await shoot(options, mine.words);
      expect(commonest(words), `behind the words of ${chosen}`).toEqual(fill);
      expect(ink(words), `the words of ${chosen}`).toBeGreaterThanOrEqual(APART);
    }

    // An import with invalid rows: its Import button cannot be used, and its word is still legible.
    await options.goto(session.browser.extensionUrl("src/options/index.html#my-glossaries"));
    await waitFor(
      () => options.evaluate(() => document.querySelector('input[name="importFile"]') !== null),
      "the import",
    );
    await options.chooseFile('input[name="importFile"]', join(FIXTURES, "import-bad-rows.csv"));
    const disabled = 'button[name="confirmImport"]:disabled';
    const button = await waitFor(() => options.evaluate(boxesOf, disabled), "the unusable Import button");
    // Its words alone (the button is below the fold, so cut from a shot of it): its border is GrayText too.
    const words = cut(await shootElement(options, disabled), button.box, button.words);
    expect(ink(words), "its word on its background").toBeGreaterThanOrEqual(4.5);
    await options.close();
  });
});
