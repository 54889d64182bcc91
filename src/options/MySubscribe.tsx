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

interface Props {
  glossaries: ReaderGlossary[];
  bundledIds: readonly string[];
  today: string;
}

export function MySubscribe({ glossaries, bundledIds, today }: Props) {
  const [url, setUrl] = useState("");
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  // While the browser asks for permission and the glossary is fetched, a second click would only ask twice.
  const [busy, setBusy] = useState(false);
  const subscriptions = glossaries.filter((glossary) => glossary.source.kind === "subscription");

  const subscribe = async (event: Event) => {
    event.preventDefault();
    const address = url.trim();
    const problem = subscriptionUrlProblem(address);
    if (problem) return setStatus({ error: true, text: problemText(problem) });
    setBusy(true);
    try {
      await subscribeTo(address);
    } finally {
      setBusy(false);
    }
  };

  const subscribeTo = async (address: string) => {
    const host = new URL(address).host;
    // The browser's question may stay open a while: an earlier error must not read as its answer.
    setStatus({ error: false, text: t("mySubscribeAsking", host) });
    // First thing in the click: browsers grant permission requests only while handling the gesture.
    const granted = await browser.permissions
      .request({ origins: [originPattern(address)] })
      .catch(() => false);
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

  const updateNow = async () => {
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
        <button type="submit" name="subscribe" disabled={busy}>
          {t("mySubscribe")}
        </button>
        {subscriptions.length > 0 && (
          <button type="button" name="updateSubscriptions" onClick={() => void updateNow()}>
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
