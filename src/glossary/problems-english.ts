/**
 * Problems worded in English straight from `_locales/en/messages.json`, the way browser.i18n words
 * them in the extension: for unit tests and Node scripts, which have no browser.i18n.
 */
import messages from "../../assets/_locales/en/messages.json";
import { formatMessage, formatProblem, type Message, type Problem } from "./problems";

interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const LOCALE: Record<string, LocaleMessage> = messages;

/** getMessage for the English locale; throws on a key messages.json does not have. */
export function english(key: string, substitutions: string[] = []): string {
  const entry = LOCALE[key];
  if (!entry) throw new Error(`messages.json has no message "${key}"`);
  const contents = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]),
  );
  return entry.message
    .replace(/\$(\w+)\$/g, (whole, name: string) => contents.get(name.toLowerCase()) ?? whole)
    .replace(/\$(\d)/g, (_whole, n: string) => substitutions[Number(n) - 1] ?? "");
}

export const englishProblem = (found: Problem): string => formatProblem(found, english);
export const englishMessage = (what: Message): string => formatMessage(what, english);
