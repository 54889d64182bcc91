/** Lists a reader types or a CSV cell holds (aliases, context words, longer names), and context words as an entry keeps them. */
import type { Entry } from "./schema";

/**
 * The items of a list separated by semicolons (or by `separators`), trimmed, none empty. Never by
 * commas: a name may hold one ("Moscow, Idaho"), and an entry edited in the form comes back whole.
 */
export function listOf(text: string, separators = /;/): string[] {
  return text
    .split(separators)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** An entry's context words (see Entry.context), or undefined when it has none. */
export function contextOf(require: string[], exclude: string[]): Entry["context"] {
  if (require.length === 0 && exclude.length === 0) return undefined;
  return { ...(require.length > 0 && { require }), ...(exclude.length > 0 && { exclude }) };
}
