// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, it } from "vitest";
import { LocatorMap, parseMap } from "./LocatorMap";

const open = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 320 160' role='img'>";
const MAP = `${open}<title>Map: Idlib, in north-western Syria</title><g class='geo' transform='scale(.1)'><path class='land' d='M0,0l10,10z'/></g><g class='labels'><text x='1' y='2'>Syria</text></g><circle class='marker' cx='5' cy='6' r='4'/></svg>`;

function show(svg: string): HTMLElement {
  const host = document.createElement("div");
  act(() => render(<LocatorMap svg={svg} label="Locator map" />, host));
  return host;
}

describe("LocatorMap", () => {
  it("shows the map in a labelled figure, with the map's own title", () => {
    const figure = show(MAP).querySelector("figure");
    expect(figure?.getAttribute("aria-label")).toBe("Locator map");
    expect(figure?.querySelector("svg")?.getAttribute("role")).toBe("img");
    expect(figure?.querySelector("title")?.textContent).toBe("Map: Idlib, in north-western Syria");
    expect(figure?.querySelectorAll("path, text, circle")).toHaveLength(3);
  });

  it("replaces the map when another one comes", () => {
    const host = show(MAP);
    act(() => render(<LocatorMap svg={MAP.replace("Idlib", "Aleppo")} label="Locator map" />, host));
    expect(host.querySelectorAll("svg")).toHaveLength(1);
    expect(host.querySelector("title")?.textContent).toContain("Aleppo");
  });

  it.each([
    ["a script", `${open}<script>alert(1)</script></svg>`],
    ["an event handler", `${open}<circle class='marker' onload='alert(1)' cx='1' cy='1' r='1'/></svg>`],
    ["a link", `${open}<a href='https://example.com'><text x='1' y='1'>go</text></a></svg>`],
    ["a style", `${open}<rect style='fill:url(https://example.com/x)' width='1' height='1'/></svg>`],
    [
      "foreign content",
      `${open}<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>hi</div></foreignObject></svg>`,
    ],
    ["an image", `${open}<image href='https://example.com/x.png'/></svg>`],
    ["HTML instead of SVG", "<div><svg></svg></div>"],
    ["broken markup", `${open}<path d='M0,0'></svg>`],
    ["an SVG element outside the SVG namespace", "<svg viewBox='0 0 1 1'><path d='M0,0'/></svg>"],
  ])("shows nothing for markup with %s", (_, markup) => {
    expect(parseMap(markup)).toBeNull();
    expect(show(markup).querySelector("svg")).toBeNull();
  });
});
