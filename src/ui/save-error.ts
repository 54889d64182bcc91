/** Save failures, in words for the reader: a full sync quota is told apart from the rest. */

/** What to tell the reader when a save failed: a full sync quota, or the browser's own words. */
export function saveErrorKey(error: unknown): { key: string; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  return { key: /quota/i.test(detail) ? "optionsSaveQuota" : "optionsSaveFailed", detail };
}
