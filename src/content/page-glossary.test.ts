import { describe, expect, it } from "vitest";
import { textScanServer } from "../background/page-index";
import { readMatches } from "../engine/text-scan";
import { compileIndex } from "../glossary/compile";
import type { Entry } from "../glossary/schema";
import { glossaryOver, PageEntries } from "./page-glossary";

const entry = (id: string, alias: string, context?: object) =>
  ({ id, title: alias, category: "places", aliases: [alias], context }) as unknown as Entry;
const index = compileIndex([
  entry("idlib", "Idlib"),
  entry("sochi-agreement", "Sochi agreement"),
  entry("georgia", "Georgia", { exclude: ["Atlanta"] }),
]);

/** A page's glossary over the background's answers, counting the rows each answer brings. */
function glossary() {
  const serve = textScanServer(async () => index);
  const sent: number[][] = [];
  const page = glossaryOver(new PageEntries(), async (texts, held) => {
    const answer = await serve(texts, null, null, held);
    sent.push(answer?.rows.map(([n]) => n) ?? []);
    return answer;
  });
  return { ...page, sent };
}

describe("a page's glossary", () => {
  it("holds no entry until a term is found, then the rows of those found, each sent once", async () => {
    const { entries, scan, sent } = glossary();
    await scan(["Nothing to see here."]);
    expect(entries.numbers()).toEqual([]);
    const answer = await scan(["The Sochi agreement on Idlib.", "Idlib again"]);
    const [sochi, idlib] = readMatches(answer?.matches[0] ?? []).map((match) => match.entries[0] ?? -1);
    expect(entries.id(sochi ?? -1)).toBe("sochi-agreement");
    expect(entries.title(idlib ?? -1)).toBe("Idlib");
    expect(entries.category(idlib ?? -1)).toBe("places");
    expect(entries.number("idlib")).toBe(idlib);
    expect(entries.number("georgia")).toBe(-1);
    await scan(["Idlib and Georgia"]);
    expect(sent).toEqual([[], [sochi, idlib], [entries.number("georgia")]]);
  });

  it("keeps the context rules of the entries it holds, for choosing between them", async () => {
    const { entries, scan } = glossary();
    await scan(["Georgia"]);
    expect(entries.rules[entries.number("georgia")]).toEqual(
      expect.objectContaining({ exclude: ["atlanta"] }),
    );
    expect(Object.keys(entries.rules)).toHaveLength(1);
  });

  it("adds nothing from a refused answer", async () => {
    const entries = new PageEntries();
    const { scan } = glossaryOver(entries, async () => null);
    expect(await scan(["Idlib"])).toBeNull();
    expect(entries.numbers()).toEqual([]);
  });
});
