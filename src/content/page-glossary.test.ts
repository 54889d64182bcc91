import { describe, expect, it } from "vitest";
import { indexPieceServer } from "../background/page-index";
import { compileIndex } from "../glossary/compile";
import type { Entry } from "../glossary/schema";
import { receiveEntryTable } from "./page-glossary";

const entry = (id: string, alias: string) =>
  ({ id, title: alias, category: "places", aliases: [alias] }) as unknown as Entry;
const one = compileIndex([entry("idlib", "Idlib"), entry("sochi-agreement", "Sochi agreement")]);
const other = compileIndex([entry("gaza", "Gaza")]);

describe("receiveEntryTable", () => {
  it("puts the entry table back together from its pieces", async () => {
    const serve = indexPieceServer(async () => one, 10);
    let asked = 0;
    const received = await receiveEntryTable((piece) => {
      asked++;
      return serve(piece);
    });
    expect(received?.entries).toEqual(one.entries);
    expect(received?.version).toBe((await serve(0)).version);
    expect(asked).toBeGreaterThan(3);
  });

  it("gives null, not a mix, when the index changed while the pieces came", async () => {
    let current = one;
    const serve = indexPieceServer(async () => current, 10);
    const index = await receiveEntryTable(async (piece) => {
      if (piece === 2) current = other;
      return serve(piece);
    });
    expect(index).toBeNull();
  });

  it("gives null when the background does not answer", async () => {
    expect(await receiveEntryTable(async () => undefined)).toBeNull();
  });
});
