// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { collectBlocks, locate } from "./text-blocks";

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
