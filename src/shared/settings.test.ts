import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, differencesFromDefaults, SETTINGS_VERSION, withDefaults } from "./settings";

describe("settings", () => {
  it("fills in defaults and ignores unknown, mistyped or out-of-range values", () => {
    expect(withDefaults({})).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ enabled: false, stray: 1 })).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect(withDefaults({ enabled: "no" })).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ markingStyle: "blink", dwellMs: -5, theme: 3 })).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ hiddenCategories: ["place", "planet"], blockedSites: [1] })).toEqual(
      DEFAULT_SETTINGS,
    );
    expect(withDefaults({ hiddenCategories: ["place"], dwellMs: 400 })).toEqual({
      ...DEFAULT_SETTINGS,
      hiddenCategories: ["place"],
      dwellMs: 400,
    });
  });

  it("stores only what differs from the defaults, with the version", () => {
    expect(differencesFromDefaults(DEFAULT_SETTINGS)).toEqual({ settingsVersion: SETTINGS_VERSION });
    expect(
      differencesFromDefaults({ ...DEFAULT_SETTINGS, enabled: false, blockedSites: ["example.com"] }),
    ).toEqual({
      enabled: false,
      blockedSites: ["example.com"],
      settingsVersion: SETTINGS_VERSION,
    });
  });

  it("reads what version 0.1.0 stored (no version key) without losing a setting", () => {
    const stored = { enabled: false, everyOccurrence: true };
    expect(withDefaults(stored)).toEqual({ ...DEFAULT_SETTINGS, enabled: false, everyOccurrence: true });
  });

  it("round-trips: what is stored reads back as the same settings", () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      theme: "dark" as const,
      onlySites: ["*.bbc.co.uk"],
      siteMode: "only" as const,
    };
    expect(withDefaults(differencesFromDefaults(settings))).toEqual(settings);
  });
});
