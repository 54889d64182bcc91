import { describe, expect, it } from "vitest";
import { saveErrorKey } from "./save-error";

describe("saveErrorKey", () => {
  it("tells a full sync quota apart from other failures, keeping the browser's words", () => {
    const chrome = new Error("Resource::kQuotaBytesPerItem quota exceeded");
    expect(saveErrorKey(chrome)).toEqual({ key: "optionsSaveQuota", detail: chrome.message });
    expect(saveErrorKey(new Error("QuotaExceededError: storage.sync API call exceeded its quota")).key).toBe(
      "optionsSaveQuota",
    );
    expect(saveErrorKey("disk on fire")).toEqual({ key: "optionsSaveFailed", detail: "disk on fire" });
  });
});
