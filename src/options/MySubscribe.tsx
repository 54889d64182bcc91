/** Subscribe to a glossary by URL: the origin's permission is asked for only now, from the click. */
import { useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { newGlossaryId, type ReaderGlossary, takenIds } from "../glossary/reader-glossary";
import { plural, problemText, t } from "../shared/i18n";
import {
  fetchGlossary,
  originPattern,
  refreshSubscriptions,
  subscriptionUrlProblem,
} from "../shared/subscriptions";
import { saveFailureText } from "./save-failure";
import { store } from "./use-reader-glossaries";

/** How long the browser may take to answer before the page says it waits for the reader's answer. */
const ASKING_MS = 300;

interface Props {
  glossaries: ReaderGlossary[];
  bundledIds: readonly string[];
  today: string;
}

export function MySubscribe({ glossaries, bundledIds, today }: Props) {
  const [url, setUrl] = useState("");
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  // While the browser asks for permission and glossaries are fetched, a second click would only ask
  // twice. The buttons say so with aria-disabled: a disabled one would drop the keyboard's focus.
  const [busy, setBusy] = useState(false);
  const whileBusy = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  const subscriptions = glossaries.filter((glossary) => glossary.source.kind === "subscription");

  const subscribe = async (event: Event) => {
    event.preventDefault();
    const address = url.trim();
    const problem = subscriptionUrlProblem(address);
    if (problem) return setStatus({ error: true, text: problemText(problem) });
    await whileBusy(() => subscribeTo(address));
  };

  const subscribeTo = async (address: string) => {
    const host = new URL(address).host;
    // An earlier error must not read as the answer to the browser's question, which may stay open a
    // while; that it waits is said only if the browser does ask (no question once permission is given).
    setStatus(null);
    const asking = setTimeout(
      () => setStatus({ error: false, text: t("mySubscribeAsking", host) }),
      ASKING_MS,
    );
    // First thing in the click: browsers grant permission requests only while handling the gesture.
    const granted = await browser.permissions
      .request({ origins: [originPattern(address)] })
      .catch(() => false);
    clearTimeout(asking);
    if (!granted) return setStatus({ error: true, text: t("mySubscribeDenied", host) });
    setStatus({ error: false, text: t("mySubscribeFetching") });
    const result = await fetchGlossary(address, takenIds(bundledIds, glossaries), today, (u, i) =>
      fetch(u, i),
    );
    if (!result.ok) return setStatus({ error: true, text: problemText(result.error) });
    try {
      await store.update((list) => [
        ...list,
        {
          id: newGlossaryId(list, new URL(address).hostname),
          name: new URL(address).hostname,
          source: { kind: "subscription", url: address, lastUpdate: new Date().toISOString() },
          entries: result.entries,
        },
      ]);
      setUrl("");
      setStatus({ error: false, text: plural("mySubscribeDone", result.entries.length) });
    } catch (error) {
      setStatus({ error: true, text: saveFailureText(error) });
    }
  };

  const updateNow = () => whileBusy(refresh);

  const refresh = async () => {
    try {
      await refreshSubscriptions(store, bundledIds, (u, i) => fetch(u, i));
      // Each failure is shown on its glossary; say here that there are some.
      const failed = (await store.load()).filter(
        (glossary) => glossary.source.kind === "subscription" && glossary.source.lastError,
      ).length;
      setStatus(
        failed > 0
          ? { error: true, text: plural("mySubscribeUpdateFailed", failed) }
          : { error: false, text: t("mySubscribeUpdated") },
      );
    } catch (error) {
      setStatus({ error: true, text: saveFailureText(error) });
    }
  };

  return (
    <div class="subscribe">
      <h3>{t("mySubscribeHeading")}</h3>
      <p class="hint">{t("mySubscribeHint")}</p>
      <form onSubmit={subscribe} noValidate>
        <label for="subscribe-url">{t("mySubscribeUrl")}</label>
        <input
          id="subscribe-url"
          name="subscribeUrl"
          type="url"
          value={url}
          placeholder="https://"
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <button type="submit" name="subscribe" aria-disabled={busy}>
          {t("mySubscribe")}
        </button>
        {subscriptions.length > 0 && (
          <button
            type="button"
            name="updateSubscriptions"
            aria-disabled={busy}
            onClick={() => void updateNow()}
          >
            {t("mySubscribeUpdateNow")}
          </button>
        )}
      </form>
      {status && (
        <p
          class={status.error ? "error" : "done"}
          role={status.error ? "alert" : "status"}
          data-subscribe-status
        >
          {status.text}
        </p>
      )}
    </div>
  );
}
