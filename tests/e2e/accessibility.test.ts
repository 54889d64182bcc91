/** axe-core, run inside the real browsers, finds no accessibility violations on our own pages. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { BROWSERS, settled, type Tab, waitFor } from "./harness";
import { clickOn, typeInto } from "./options-steps";
import { markedTexts } from "./probes";
import { useSession } from "./session";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Every section of the options page (and the glossary browser with an entry open), then the popup. */
const PAGES = [
  "src/options/index.html#general",
  "src/options/index.html#sites",
  "src/options/index.html#categories",
  "src/options/index.html#glossary",
  "src/options/index.html#entry=idlib",
  "src/options/index.html#my-glossaries",
  "src/options/index.html#reset",
  "src/popup/index.html",
];

/**
 * Resolves once no animation that ends is running in the document or any open shadow root inside it,
 * however deep; throws if some still are after 5 s (runs in the page). Endless ones are left running.
 */
async function untilStill(): Promise<void> {
  const roots = (root: Document | ShadowRoot): (Document | ShadowRoot)[] => [
    root,
    ...[...root.querySelectorAll("*")].flatMap((element) =>
      element.shadowRoot ? roots(element.shadowRoot) : [],
    ),
  ];
  const moving = () =>
    roots(document)
      .flatMap((root) => root.getAnimations())
      .filter(
        (animation) =>
          animation.playState === "running" &&
          Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Number.POSITIVE_INFINITY),
      )
      .map((animation) => (animation as CSSAnimation).animationName ?? "an animation");
  const deadline = performance.now() + 5000;
  while (moving().length > 0) {
    if (performance.now() > deadline) throw new Error(`still running after 5 s: ${moving().join(", ")}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

async function axeViolations(tab: Tab): Promise<string[]> {
  await tab.evaluate((source: string) => {
    // biome-ignore lint/security/noGlobalEval: axe is loaded through the test driver, outside the page's CSP.
    globalThis.eval(source);
  }, AXE);
  // Checked as the reader sees it once still: a card fading in has too little contrast for a moment.
  await tab.evaluate(untilStill);
  return tab.evaluate(async () => {
    type Result = { violations: { id: string; help: string; nodes: { target: unknown }[] }[] };
    const axe = (globalThis as unknown as { axe: { run: () => Promise<Result> } }).axe;
    const result = await axe.run();
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} at ${JSON.stringify(violation.nodes.map((n) => n.target))}`,
    );
  });
}

describe.each(BROWSERS)("%s: accessibility", (name) => {
  const session = useSession(name);

  beforeAll(async () => {
    // An article for the popup to list terms from, so the list is checked too.
    const article = await session.browser.newTab(session.server.url("/demo"));
    await settled(() => article.evaluate(markedTexts), "the demo's marks");
  });

  it.each(PAGES)("%s has no axe violations", async (path) => {
    const tab = await session.browser.newTab(session.browser.extensionUrl(path));
    await waitFor(
      () => tab.evaluate(() => (document.getElementById("app")?.childElementCount ?? 0) > 0),
      "the page",
    );
    // The preview renders its card into its shadow root after it mounts, and the card then fades in.
    if (path.includes("entry="))
      await waitFor(
        () =>
          tab.evaluate(() =>
            Boolean(document.querySelector(".entry-preview")?.shadowRoot?.querySelector(".card")),
          ),
        "the entry's card",
      );
    if (path.includes("popup"))
      await waitFor(() => tab.evaluate(() => document.querySelectorAll(".term").length > 0), "the terms");
    expect(await axeViolations(tab)).toEqual([]);
    await tab.close();
  });

  it("the options page has no axe violations with a site list, a pattern error and the reset question", async () => {
    const tab = await session.browser.newTab(session.browser.extensionUrl("src/options/index.html#sites"));
    await typeInto(tab, "#site-pattern", "example.com");
    await clickOn(tab, "button", "Add site");
    await waitFor(() => tab.evaluate(() => document.querySelector(".pattern") !== null), "the pattern");
    await typeInto(tab, "#site-pattern", "no good");
    await clickOn(tab, "button", "Add site");
    await waitFor(() => tab.evaluate(() => document.querySelector("#site-problem") !== null), "the error");
    expect(await axeViolations(tab)).toEqual([]);
    await clickOn(tab, "nav a", "Reset");
    await clickOn(tab, "button", "Reset to defaults");
    await waitFor(
      () => tab.evaluate(() => document.querySelector("fieldset.confirm") !== null),
      "the question",
    );
    expect(await axeViolations(tab)).toEqual([]);
    await clickOn(tab, "button", "Yes, reset");
    await tab.close();
  });
});
