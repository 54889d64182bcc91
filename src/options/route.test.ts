import { describe, expect, it } from "vitest";
import { parseRoute, routeHash } from "./route";

describe("options routes", () => {
  it("opens a named section, and General for anything else", () => {
    expect(parseRoute("#sites")).toEqual({ section: "sites" });
    expect(parseRoute("")).toEqual({ section: "general" });
    expect(parseRoute("#nonsense")).toEqual({ section: "general" });
  });

  it("deep links into the glossary browser at an entry or a search", () => {
    expect(parseRoute("#entry=s-400")).toEqual({ section: "glossary", entry: "s-400" });
    expect(parseRoute("#search=Sochi%20agreement")).toEqual({
      section: "glossary",
      search: "Sochi agreement",
    });
    expect(parseRoute("#search=%E0%A4%A")).toEqual({ section: "glossary", search: "%E0%A4%A" });
  });

  it("writes the links it reads", () => {
    for (const route of [
      { section: "categories" as const },
      { section: "glossary" as const, search: "a=b c" },
    ])
      expect(parseRoute(routeHash(route))).toEqual(route);
  });
});
