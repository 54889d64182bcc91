/** The toolbar popup: is Backstory on, a one-click switch, the terms on this page, and the settings. */
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { t } from "../shared/i18n";
import { callTab } from "../shared/messages";
import { useSettings } from "../ui/use-settings";
import { findReadingTab, type ReadingTab } from "./reading-tab";

export function Popup() {
  const [settings, save] = useSettings();
  const [reading, setReading] = useState<ReadingTab | null | undefined>(undefined);
  useEffect(() => {
    if (settings?.enabled) void findReadingTab().then(setReading);
    else setReading(null);
  }, [settings?.enabled]);
  if (!settings) return null;
  const { enabled } = settings;

  const explain = async (id: string) => {
    if (!reading) return;
    await callTab(reading.tabId, "explain", id);
    await browser.tabs.update(reading.tabId, { active: true });
    window.close();
  };

  return (
    <>
      <h1 class="brand">
        <img src="/icons/icon-32.png" alt="" width="20" height="20" />
        Backstory
      </h1>
      <div class="status">
        <span class={`dot ${enabled ? "on" : "off"}`} aria-hidden="true" />
        <strong role="status">{t(enabled ? "popupOn" : "popupOff")}</strong>
        <button type="button" onClick={() => void save({ enabled: !enabled })}>
          {t(enabled ? "popupTurnOff" : "popupTurnOn")}
        </button>
      </div>
      {enabled && reading !== undefined && (
        <section class="terms" aria-labelledby="terms-heading">
          <h2 id="terms-heading">{t("popupTermsHeading")}</h2>
          {reading === null && <p class="hint">{t("popupNotHere")}</p>}
          {reading?.terms.length === 0 && <p class="hint">{t("popupNoTerms")}</p>}
          {reading && reading.terms.length > 0 && (
            <>
              <ul>
                {reading.terms.map((term) => (
                  <li key={term.id}>
                    <button type="button" class="term" onClick={() => void explain(term.id)}>
                      <span>{term.title}</span>
                      <span class="count">{t("popupOccurrences", String(term.count))}</span>
                    </button>
                  </li>
                ))}
              </ul>
              <p class="hint">{t("popupTermHint")}</p>
            </>
          )}
        </section>
      )}
      <a
        href={browser.runtime.getURL("src/options/index.html")}
        onClick={(event) => {
          event.preventDefault();
          void browser.runtime.openOptionsPage().then(() => window.close());
        }}
      >
        {t("popupOpenOptions")}
      </a>
    </>
  );
}
