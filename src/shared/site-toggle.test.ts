import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./settings";
import { toggleSite } from "./site-toggle";

const base = { siteMode: DEFAULT_SETTINGS.siteMode, blockedSites: [], onlySites: [] };

describe("toggleSite", () => {
  it("blocks a host where Backstory runs everywhere, without its www.", () => {
    expect(toggleSite(base, "www.bbc.co.uk")).toEqual({ blockedSites: ["bbc.co.uk"] });
  });

  it("unblocks by dropping every pattern that covers the host, and keeps the others", () => {
    const settings = { ...base, blockedSites: ["bbc.co.uk", "*.bbc.co.uk", "example.com"] };
    expect(toggleSite(settings, "news.bbc.co.uk")).toEqual({ blockedSites: ["example.com"] });
  });

  it("in the only-these-sites mode, adds the host or drops it", () => {
    const only = { ...base, siteMode: "only" as const, onlySites: ["example.com"] };
    expect(toggleSite(only, "lemonde.fr")).toEqual({ onlySites: ["example.com", "lemonde.fr"] });
    expect(toggleSite(only, "example.com")).toEqual({ onlySites: [] });
  });

  it("does nothing for a page without a host", () => {
    expect(toggleSite(base, "")).toBeNull();
  });
});
