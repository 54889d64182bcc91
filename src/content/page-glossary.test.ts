import { describe, expect, it } from "vitest";
import { indexPieceServer } from "../background/page-index";
import { compileIndex } from "../glossary/compile";
import type { Entry } from "../glossary/schema";
import { receiveIndex } from "./page-glossary";

const entry = (id: string, alias: string) =>
  ({ id, title: alias, category: "places", aliases: [alias] }) as unknown as Entry;
const one = compileIndex([entry("idlib", "Idlib"), entry("sochi-agreement", "Sochi agreement")]);
const other = compileIndex([entry("gaza", "Gaza")]);

describe("receiveIndex", () => {
  it("puts the index back together from its pieces", async () => {
    const serve = indexPieceServer(async () => one, 30);
    let asked = 0;
    const received = await receiveIndex((piece) => {
      asked++;
      return serve(piece, null);
    });
    expect(received).toEqual({ index: one, version: "bundled" });
    expect(asked).toBeGreaterThan(3);
  });

  it("gives null, not a mix, when the index changed while the pieces came", async () => {
    let current = one;
    const serve = indexPieceServer(async () => current, 30);
    const index = await receiveIndex(async (piece) => {
      if (piece === 2) current = other;
      return serve(piece, null);
    });
    expect(index).toBeNull();
  });

  it("gives null when the background does not answer", async () => {
    expect(await receiveIndex(async () => undefined)).toBeNull();
  });
});
