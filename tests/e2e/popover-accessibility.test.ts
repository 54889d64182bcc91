/**
 * axe-core on the open explainer, in the real browsers. The card lives in a closed shadow root that
 * the page (and so axe, injected into the page) cannot reach; the test hands axe the card through the
 * driver's privileged protocol, and axe audits that subtree as its own document.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { settledExplainer } from "./card";
import { BROWSERS, settled, waitFor } from "./harness";
import { markedTexts, pointOnText } from "./probes";
import { setSettings } from "./reader-settings";
import { useSession } from "./session";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe on the card with \`this\` as the shadow root, its tree built from the card itself. axe's
 * colour-contrast rule cannot see into a closed root (it stacks the page's elements from
 * document.body), so the audit also measures the contrast of every piece of text against the card's
 * own backgrounds, by the WCAG formula.
 */
const AUDIT = `async function () {
  const card = this.querySelector(".card");
  axe.setup(card);
  const partial = await axe.runPartial(card, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
  const result = await axe.finishRun([partial]);
  const channels = (color) => color.match(/[\\d.]+/g).map(Number);
  const luminance = (color) => {
    const [r, g, b] = channels(color).slice(0, 3).map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (element) => {
    for (let at = element; at; at = at.parentElement) {
      const color = getComputedStyle(at).backgroundColor;
      if (channels(color)[3] !== 0) return color;
    }
    return "rgb(255, 255, 255)";
  };
  const lowContrast = [];
  let measured = 0;
  for (const element of [card, ...card.querySelectorAll("*")]) {
    const text = [...element.childNodes].some((n) => n.nodeType === 3 && n.data.trim());
    if (!text) continue;
    const style = getComputedStyle(element);
    const [fg, bg] = [luminance(style.color), luminance(background(element))];
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    measured++;
    if (ratio < (large ? 3 : 4.5)) lowContrast.push(element.localName + "." + element.className + " " + ratio.toFixed(2));
  }
  return JSON.stringify({
    violations: result.violations.map((v) => v.id + ": " + v.help + " (" + v.nodes.map((n) => n.html).join(" | ") + ")"),
    passes: result.passes.map((p) => p.id),
    incomplete: result.incomplete.map((v) => v.id),
    lowContrast,
    measured,
    theme: card.classList.contains("theme-dark") ? "dark" : "light",
  });
}`;

interface Audit {
  violations: string[];
  passes: string[];
  incomplete: string[];
  lowContrast: string[];
  measured: number;
  theme: string;
}

describe.each(BROWSERS)("%s: the open explainer's accessibility", (name) => {
  const session = useSession(name);

  it.each([
    ["Idlib", "light"],
    ["S-400", "light"],
    ["Idlib", "dark"],
  ])("the %s explainer in the %s theme has no axe violations", async (term, theme) => {
    await setSettings(session.browser, { theme });
    const tab = await session.browser.newTab(session.server.url("/demo"));
    await settled(() => tab.evaluate(markedTexts), "the marks to settle");
    await tab.evaluate((source: string) => {
      // biome-ignore lint/security/noGlobalEval: axe is loaded through the test driver, outside the page's CSP.
      globalThis.eval(source);
    }, AXE);
    const point = await waitFor(() => tab.evaluate(pointOnText, term), `${term} on the page`);
    await tab.mouseMove(point.x - 60, point.y, 2);
    await tab.mouseMove(point.x, point.y, 3);
    await settledExplainer(tab, `the explainer for ${term}`);
    const audit = await tab.inExplainer<Audit>(AUDIT);
    expect(audit?.theme).toBe(theme);
    expect(audit?.violations).toEqual([]);
    // It did look: the dialog's name, the buttons' and links' names and the lists were checked.
    expect(audit?.passes).toEqual(
      expect.arrayContaining(["aria-dialog-name", "button-name", "link-name", "list"]),
    );
    // Left undecided: contrast (measured below instead) and the "×" close button's symbol against its label.
    expect(
      audit?.incomplete.filter((id) => !["color-contrast", "label-content-name-mismatch"].includes(id)),
    ).toEqual([]);
    expect(audit?.lowContrast).toEqual([]);
    expect(audit?.measured).toBeGreaterThan(10);
    await tab.close();
  });
});
