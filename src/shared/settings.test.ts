import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, differencesFromDefaults, withDefaults } from "./settings";

describe("settings", () => {
  it("fills in defaults and ignores unknown or mistyped values", () => {
    expect(withDefaults({})).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ enabled: false, stray: 1 })).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect(withDefaults({ enabled: "no" })).toEqual(DEFAULT_SETTINGS);
  });

  it("stores only what differs from the defaults", () => {
    expect(differencesFromDefaults(DEFAULT_SETTINGS)).toEqual({});
    expect(differencesFromDefaults({ ...DEFAULT_SETTINGS, enabled: false })).toEqual({ enabled: false });
  });
});
