/**
 * Touch: a tap opens an explainer, a first tap on a linked term opens the explainer with the link in
 * it instead of following it, a tap outside or the close button closes it; mouse clicks are unchanged.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BROWSERS, type Tab, waitFor } from "./harness";
import { markedTexts, pointOnText } from "./probes";
import { useSession } from "./session";

/** The centre of the card's "Go to the link" row, read inside the closed shadow root. */
const LINK_ROW = `function () {
  const link = this.querySelector(".card .link");
  if (!link) return "null";
  const box = link.getBoundingClientRect();
  return JSON.stringify({ x: box.x + box.width / 2, y: box.y + box.height / 2, href: link.href });
}`;

describe.each(BROWSERS)("%s: touch", (name) => {
  const session = useSession(name);
  let tab: Tab;

  beforeAll(async () => {
    tab = await session.browser.newTab(session.server.url("/fixtures/popover-links.html"));
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.includes("Idlib") && marks.includes("S-400")),
      "Idlib and S-400 to be marked",
    );
    // The page notes what kind of pointer went down, to show these taps reach it as touches.
    await tab.evaluate(() => {
      addEventListener(
        "pointerdown",
        (event) => document.body.setAttribute("data-pointer", event.pointerType),
        true,
      );
    });
  });

  const point = (text: string) => waitFor(() => tab.evaluate(pointOnText, text), `"${text}" on the page`);
  const hash = () => tab.evaluate(() => location.hash);
  const closed = (what: string) => waitFor(() => tab.explainer().then((view) => view === null), what);
  const resetHash = () => tab.evaluate(() => history.replaceState(null, "", location.pathname));

  it("a tap on a term opens its explainer, it stays, and a tap outside closes it", async () => {
    const term = await point("S-400");
    await tab.tap(term.x, term.y);
    expect(await tab.evaluate(() => document.body.getAttribute("data-pointer"))).toBe("touch");
    const view = await waitFor(() => tab.explainer(), "the explainer opened by a tap");
    expect(view.title).toBe("S-400 Triumf");
    expect(view.text).not.toContain("Go to the link");
    // Longer than the hover grace period: a tapped card has no pointer to wait for.
    await new Promise((done) => setTimeout(done, 800));
    expect((await tab.explainer())?.title).toBe("S-400 Triumf");
    const outside = await point("This last paragraph");
    await tab.tap(outside.x, outside.y);
    await closed("a tap outside to close the explainer");
  });

  it("a first tap on a linked term opens the explainer with the link in it; the link in the card follows it", async () => {
    await resetHash();
    const term = await point("Idlib");
    await tab.tap(term.x, term.y);
    const view = await waitFor(() => tab.explainer(), "the explainer for the linked term");
    expect(view.title).toBe("Idlib");
    expect(view.text).toContain("Go to the link: Idlib");
    expect(await hash()).toBe("");
    const row = await waitFor(
      () => tab.inExplainer<{ x: number; y: number; href: string }>(LINK_ROW),
      "the link row",
    );
    expect(row.href).toMatch(/\/fixtures\/popover-links\.html#followed$/);
    await tab.tap(row.x, row.y);
    await waitFor(() => hash().then((value) => value === "#followed"), "the card's link to be followed");
  });

  it("a second tap on the linked term follows the link", async () => {
    await resetHash();
    const term = await point("Idlib");
    // The card from the previous test is still open on Idlib, or opens now with this first tap.
    if ((await tab.explainer())?.title !== "Idlib") {
      await tab.tap(term.x, term.y);
      await waitFor(() => tab.explainer().then((v) => v?.title === "Idlib"), "the explainer for Idlib");
    }
    expect(await hash()).toBe("");
    await tab.tap(term.x, term.y);
    await waitFor(() => hash().then((value) => value === "#followed"), "the second tap to follow the link");
  });

  it("the close button closes a tapped explainer", async () => {
    // The card left open on Idlib covers the next paragraph.
    await tab.press("Escape");
    await closed("Escape to close the card left open");
    const term = await point("S-400");
    await tab.tap(term.x, term.y);
    const view = await waitFor(
      () => tab.explainer().then((v) => (v?.title === "S-400 Triumf" ? v : null)),
      "the explainer for S-400",
    );
    const close = view.buttons.find((button) => button.label === "Close explainer");
    expect(close).toBeDefined();
    await tab.tap(close?.x ?? 0, close?.y ?? 0);
    await closed("the close button to close the explainer");
  });

  it("a mouse click on a linked term still follows the link", async () => {
    await resetHash();
    const term = await point("Idlib");
    await tab.click(term.x, term.y);
    await waitFor(() => hash().then((value) => value === "#followed"), "the click to follow the link");
  });
});
