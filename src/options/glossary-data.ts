/** The bundled entries for the glossary browser (an extension page may load them whole; pages never do). */
import bodies from "../glossary/generated/bodies.json";
import type { Entry } from "../glossary/schema";
import { searchable } from "./glossary-search";

// The build writes exactly Record<id, Entry> (scripts/compile-glossary.ts); JSON types cannot say so.
export const ENTRIES = bodies as unknown as Record<string, Entry>;
export const SEARCHABLE = searchable(Object.values(ENTRIES));

export const entryById = (id: string): Entry | undefined =>
  Object.hasOwn(ENTRIES, id) ? ENTRIES[id] : undefined;
