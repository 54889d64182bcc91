import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./settings";
import { matchesSite, normalisePattern, siteAllowed } from "./sites";

describe("site patterns", () => {
  it("reduces what readers type or paste to a host", () => {
    expect(normalisePattern(" BBC.co.uk ")).toBe("bbc.co.uk");
    expect(normalisePattern("https://www.theguardian.com/world/2020/feb/21")).toBe("theguardian.com");
    expect(normalisePattern("*.nytimes.com")).toBe("*.nytimes.com");
    expect(normalisePattern("")).toBeNull();
    expect(normalisePattern("not a host!")).toBeNull();
  });

  it("covers subdomains, and only subdomains with *.", () => {
    expect(matchesSite("bbc.co.uk", "www.bbc.co.uk")).toBe(true);
    expect(matchesSite("bbc.co.uk", "news.bbc.co.uk")).toBe(true);
    expect(matchesSite("bbc.co.uk", "notbbc.co.uk")).toBe(false);
    expect(matchesSite("*.bbc.co.uk", "bbc.co.uk")).toBe(false);
    expect(matchesSite("*.bbc.co.uk", "news.bbc.co.uk")).toBe(true);
  });

  it("blocks listed sites, or runs only on listed ones", () => {
    const blocked = { ...DEFAULT_SETTINGS, blockedSites: ["example.com"] };
    expect(siteAllowed(blocked, "example.com")).toBe(false);
    expect(siteAllowed(blocked, "bbc.co.uk")).toBe(true);
    const only = { ...DEFAULT_SETTINGS, siteMode: "only" as const, onlySites: ["bbc.co.uk"] };
    expect(siteAllowed(only, "www.bbc.co.uk")).toBe(true);
    expect(siteAllowed(only, "example.com")).toBe(false);
  });
});
