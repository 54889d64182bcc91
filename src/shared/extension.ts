/**
 * The extension API for the modules the content script uses: Firefox's own `browser`, or Chromium's
 * `chrome`, whose Manifest V3 calls return promises too. The rest of Backstory goes through
 * webextension-polyfill; the content script does not, because the polyfill is a tenth of its
 * size budget (issue 3: 30 kB gzipped) and every call it makes here behaves the same natively.
 */
import type { Browser } from "webextension-polyfill";

const scope = globalThis as { browser?: Browser; chrome?: Browser };

export const extension = (scope.browser ?? scope.chrome) as Browser;

/**
 * Answers runtime messages until the signal aborts. The answer goes through sendResponse, which both
 * browsers take natively, later when it is a promise (the listener then returns true to keep the
 * channel open); a promise returned from the listener is Firefox's way, and only the polyfill makes
 * older Chromium take it.
 * `answer` returns undefined for a message it does not take, leaving it to other listeners.
 */
export function answerMessages(
  answer: (message: unknown) => { value: unknown } | undefined,
  signal?: AbortSignal,
): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
    const answered = answer(message);
    if (!answered) return undefined;
    if (!(answered.value instanceof Promise)) {
      sendResponse(answered.value);
      return undefined;
    }
    answered.value.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  const onMessage = extension.runtime.onMessage as unknown as {
    addListener(callback: typeof listener): void;
    removeListener(callback: typeof listener): void;
  };
  onMessage.addListener(listener);
  signal?.addEventListener("abort", () => onMessage.removeListener(listener), { once: true });
}
