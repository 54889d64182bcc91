import { describe, expect, it } from "vitest";
import {
  entryCategory,
  entryColumns,
  entryId,
  entryNumber,
  entryRows,
  entryRule,
  entryTitle,
  type IndexEntry,
  joinColumns,
} from "./entry-table";

const rows: IndexEntry[] = [
  { id: "idlib", title: "Idlib", category: "place" },
  { id: "turkey", title: "Turkey", category: "place", exclude: ["thanksgiving"] },
  { id: "s-400", title: "S-400\nmissile system", category: "weapon", require: ["missile", "russia"] },
];

describe("entry columns", () => {
  it("keep each field of every entry, and give rows back as they went in (titles on one line)", () => {
    const columns = entryColumns(rows);
    expect(columns.count).toBe(3);
    expect(entryId(columns, 1)).toBe("turkey");
    expect(entryTitle(columns, 2)).toBe("S-400 missile system");
    expect(entryCategory(columns, 2)).toBe("weapon");
    expect(entryRule(columns, 0)).toBeUndefined();
    expect(entryRule(columns, 2)).toEqual({ require: ["missile", "russia"] });
    expect(entryNumber(columns, "s-400")).toBe(2);
    expect(entryNumber(columns, "nowhere")).toBe(-1);
    expect(entryId(columns, 3)).toBeUndefined();
    expect(entryRows(columns)).toEqual(rows.map((row) => ({ ...row, title: row.title.replace("\n", " ") })));
  });

  it("join two tables, the second numbered on from the first, rules included", () => {
    const joined = joinColumns(entryColumns(rows.slice(0, 1)), entryColumns(rows.slice(1)));
    expect(joined.count).toBe(3);
    expect([0, 1, 2].map((n) => entryId(joined, n))).toEqual(["idlib", "turkey", "s-400"]);
    expect(entryRule(joined, 1)).toEqual({ exclude: ["thanksgiving"] });
    expect(entryRule(joined, 2)).toEqual({ require: ["missile", "russia"] });
    expect(joinColumns(entryColumns([]), entryColumns(rows)).count).toBe(3);
    expect(entryRows(entryColumns([]))).toEqual([]);
  });
});
