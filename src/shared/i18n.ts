/** Every UI string goes through browser.i18n, so _locales/en/messages.json holds the whole wording. */
import browser from "webextension-polyfill";

/** Strings without substitutions, looked up once: a card asks for the same labels every time it opens. */
const plain = new Map<string, string>();

export function t(key: string, substitutions?: string | string[]): string {
  if (substitutions === undefined) {
    let message = plain.get(key);
    if (message === undefined) {
      message = browser.i18n.getMessage(key) || key;
      plain.set(key, message);
    }
    return message;
  }
  return browser.i18n.getMessage(key, substitutions) || key;
}
