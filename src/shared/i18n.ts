/** Every UI string goes through the browser's i18n API, so _locales/en/messages.json holds the whole wording. */

import { formatMessage, formatProblem, type Message, type Problem, pluralKey } from "../glossary/problems";
import { extension } from "./extension";

/**
 * Each message is asked of the browser once, with private-use stand-ins for its substitutions, and
 * filled in here after: getMessage is slow (several milliseconds for the dozen a card needs), and a
 * card asks for the same messages every time it opens.
 */
const STAND_INS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(0xe000 + i));
const STAND_IN = /[\uE000-\uE008]/g;
const templates = new Map<string, string>();

export function t(key: string, substitutions?: string | string[]): string {
  let template = templates.get(key);
  if (template === undefined) {
    template = extension.i18n.getMessage(key, STAND_INS) || key;
    templates.set(key, template);
  }
  if (substitutions === undefined) return template;
  const values = typeof substitutions === "string" ? [substitutions] : substitutions;
  return template.replace(STAND_IN, (standIn) => values[standIn.charCodeAt(0) - 0xe000] ?? "");
}

/**
 * A message about `count` things, in the form the count asks for: `${key}_one` ("1 entry") or
 * `${key}_other` ("2 entries"). The count is its first substitution.
 */
export const plural = (key: string, count: number, substitutions: string[] = []): string =>
  t(pluralKey(key, count), [String(count), ...substitutions]);

/** A problem the pure core found (glossary/problems.ts), worded in the reader's language. */
export const problemText = (found: Problem): string => formatProblem(found, t);

/** A message of the pure core, worded in the reader's language. */
export const messageText = (what: Message): string => formatMessage(what, t);

/** A glossary category's name ("armed-group" is "Armed group"). */
export const categoryName = (category: string): string => t(`category_${category.replace("-", "_")}`);
