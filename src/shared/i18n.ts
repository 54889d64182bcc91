/** Every UI string goes through browser.i18n, so _locales/en/messages.json holds the whole wording. */
import browser from "webextension-polyfill";

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
