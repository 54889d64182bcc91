/**
 * The kinds of entry, in the order the options page lists them. Kept apart from the schema so the
 * content script can name them without loading the validator.
 */
export const CATEGORY_LIST = [
  "place",
  "person",
  "organisation",
  "agreement",
  "weapon",
  "event",
  "conflict",
  "armed-group",
  "party",
  "concept",
] as const;

export type CategoryName = (typeof CATEGORY_LIST)[number];

export const isCategory = (value: string): value is CategoryName =>
  (CATEGORY_LIST as readonly string[]).includes(value);
