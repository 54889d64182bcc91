// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { blockOf, containsAcross, isInsideSkipped } from "./page-elements";
import { BlockWalker, collectBlocks, locate } from "./text-blocks";

const html = (markup: string) => {
  document.body.innerHTML = markup;
  return document.body;
};

describe("collectBlocks", () => {
  it("joins text across inline elements and splits at blocks", () => {
    const blocks = collectBlocks(
      html("<p><b>Recep</b> Tayyip <a href='#'>Erdoğan</a> spoke.</p><p>Next</p>"),
    );
    expect(blocks.map((block) => block.text)).toEqual(["Recep Tayyip Erdoğan spoke.", "Next"]);
    expect(blocks[0]?.nodes).toHaveLength(4);
  });

  it("skips code, scripts, form fields, editable regions and hidden subtrees", () => {
    const blocks = collectBlocks(
      html(
        "<p>Idlib</p><pre>Idlib</pre><code>x</code><script>Idlib</script><textarea>Idlib</textarea>" +
          "<div contenteditable>Idlib</div><div hidden>Idlib</div><div contenteditable='false'>Kept</div>",
      ),
    );
    expect(blocks.map((block) => block.text)).toEqual(["Idlib", "Kept"]);
  });

  it("leaves out runs with no letter or digit, however they start", () => {
    const blocks = collectBlocks(
      html(
        "<div>\n    </div><p> – </p><div>\u00a0\t</div><p>  \u2014 Idlib</p><p>“42”</p><p>\u00a0</p>" +
          "<p>\u00ad</p><p>Ağrı</p>",
      ),
    );
    expect(blocks.map((block) => block.text)).toEqual(["  \u2014 Idlib", "“42”", "Ağrı"]);
  });

  it("locates a position in the right text node", () => {
    const [block] = collectBlocks(html("<p><b>Recep</b> Tayyip</p>"));
    expect(block).toBeDefined();
    const start = locate(block as never, 5);
    expect(start.node.data).toBe(" Tayyip");
    expect(start.offset).toBe(0);
    const end = locate(block as never, 5, true);
    expect(end.node.data).toBe("Recep");
    expect(end.offset).toBe(5);
  });
});

describe("open shadow roots", () => {
  const withShadow = (mode: ShadowRootMode) => {
    const body = html("<p>Before</p><div id='host'><span>Slotted</span></div><p>After</p>");
    const host = body.querySelector("#host") as Element;
    host.attachShadow({ mode }).innerHTML = "<p>Inside <b>one</b></p><slot></slot><p>Inside two</p>";
    return { body, host };
  };

  it("walks an open shadow tree where its host stands, as its own blocks, then the slotted light DOM", () => {
    const { body, host } = withShadow("open");
    const seen: ShadowRoot[] = [];
    const texts: string[] = [];
    const walker = new BlockWalker(body, undefined, (shadow) => seen.push(shadow));
    for (let block = walker.next(); block; block = walker.next()) texts.push(block.text);
    expect(texts).toEqual(["Before", "Inside one", "Inside two", "Slotted", "After"]);
    expect(seen).toEqual([host.shadowRoot]);
  });

  it("enters the shadow root of the element it starts from (a rescan of a host)", () => {
    const { host } = withShadow("open");
    expect(collectBlocks(host).map((block) => block.text)).toEqual(["Inside one", "Inside two", "Slotted"]);
  });

  it("never enters a closed shadow root", () => {
    const { body } = withShadow("closed");
    expect(collectBlocks(body).map((block) => block.text)).toEqual(["Before", "Slotted", "After"]);
  });

  it("finds the block of a change inside a shadow tree, and the host for a change to the root itself", () => {
    const { body, host } = withShadow("open");
    const shadow = host.shadowRoot as ShadowRoot;
    const bold = shadow.querySelector("b") as Element;
    expect(blockOf(bold.firstChild as Node)).toBe(shadow.querySelector("p"));
    expect(blockOf(shadow)).toBe(host);
    shadow.append("Loose text");
    expect(blockOf(shadow.lastChild as Node)).toBe(host);
    expect(containsAcross(body, bold)).toBe(true);
    expect(containsAcross(host, bold)).toBe(true);
    expect(containsAcross(shadow.querySelector("p") as Node, host)).toBe(false);
    expect(body.contains(bold)).toBe(false);
  });

  it("counts a shadow tree inside a skipped element as skipped", () => {
    const body = html("<div contenteditable><span id='host'></span></div>");
    const shadow = (body.querySelector("#host") as Element).attachShadow({ mode: "open" });
    shadow.innerHTML = "<p>Idlib</p>";
    expect(isInsideSkipped(shadow.querySelector("p") as Element)).toBe(true);
  });
});
