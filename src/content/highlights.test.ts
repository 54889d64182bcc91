/**
 * Every highlight name the content script draws under has its rules in highlights.css: one for the
 * screen, and one in print that takes it away. The names are joined from a style and a tone, so a
 * new style or tone without its rules would draw nothing, or print its marks, and no search for the
 * joined name would find the gap.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HIGHLIGHT_ACTIVE, HIGHLIGHT_FOR_STYLE } from "./page-marker";
import { ON_DARK } from "./page-tone";

const css = readFileSync(join(import.meta.dirname, "highlights.css"), "utf8");
const screen = css.slice(0, css.indexOf("@media"));
const print = css.slice(css.indexOf("@media print"));

const drawn = [...Object.values(HIGHLIGHT_FOR_STYLE), HIGHLIGHT_ACTIVE].flatMap((name) => [
  name,
  name + ON_DARK,
]);
const styled = (rules: string, name: string) => rules.includes(`::highlight(${name})`);

describe("highlights.css", () => {
  it.each(drawn.filter((name) => !name.startsWith(HIGHLIGHT_FOR_STYLE.none)))(
    "draws %s on screen and takes it away in print",
    (name) => {
      expect(styled(screen, name), "a screen rule").toBe(true);
      expect(styled(print, name), "a print rule").toBe(true);
    },
  );

  it("draws nothing for the style that marks nothing until hover", () => {
    expect(styled(css, HIGHLIGHT_FOR_STYLE.none)).toBe(false);
    expect(styled(css, HIGHLIGHT_FOR_STYLE.none + ON_DARK)).toBe(false);
  });
});
