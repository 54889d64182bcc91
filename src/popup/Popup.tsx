/** The toolbar popup: Backstory on or off here and everywhere, the terms on this page, and the settings. */
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { t } from "../shared/i18n";
import { callTab } from "../shared/messages";
import { toggleSite } from "../shared/site-toggle";
import { siteAllowed } from "../shared/sites";
import { useSettings } from "../ui/use-settings";
import { findReadingTab, type ReadingTab } from "./reading-tab";

/** Marking starts a moment after a site is switched on: ask for its terms a few times. */
const RETRIES = 6;

/** The keys the reader's browser has for stepping through terms, as pressed ("Alt+Shift+."); unset ones undefined. */
async function stepKeys(): Promise<{ next?: string; previous?: string }> {
  const commands = await browser.commands.getAll().catch(() => []);
  const key = (name: string) =>
    commands
      .find((command) => command.name === name)
      ?.shortcut?.replace(/Period$/, ".")
      .replace(/Comma$/, ",") || undefined;
  return { next: key("explain-next"), previous: key("explain-previous") };
}

export function Popup() {
  const [settings, save] = useSettings();
  const [reading, setReading] = useState<ReadingTab | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [keys, setKeys] = useState<{ next?: string; previous?: string } | undefined>(undefined);
  useEffect(() => void stepKeys().then(setKeys), []);
  const allowed = settings && reading ? siteAllowed(settings, reading.host) : true;
  const running = Boolean(settings?.enabled && allowed);
  useEffect(() => {
    if (!settings) return;
    let current = true;
    const look = async (attempt: number) => {
      const found = await findReadingTab();
      if (!current) return;
      setReading(found);
      const expectTerms = found && settings.enabled && siteAllowed(settings, found.host);
      if (expectTerms && found.terms.length === 0 && attempt < RETRIES)
        setTimeout(() => void look(attempt + 1), 300);
    };
    void look(0);
    return () => {
      current = false;
    };
  }, [settings]);
  if (!settings) return null;
  const { enabled } = settings;

  const attempt = (change: Parameters<typeof save>[0] | null) => {
    if (change)
      save(change).then(
        () => setFailed(false),
        () => setFailed(true),
      );
  };
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
        <button type="button" name="global" onClick={() => attempt({ enabled: !enabled })}>
          {t(enabled ? "popupTurnOff" : "popupTurnOn")}
        </button>
      </div>
      {/* Off everywhere, this site's own switch changes nothing: not shown, not to contradict. */}
      {reading && enabled && (
        <div class="status site">
          <span class={`dot ${running ? "on" : "off"}`} aria-hidden="true" />
          <span class="site-state" role="status">
            {t(allowed ? "popupSiteOn" : "popupSiteOff", reading.host)}
          </span>
          <button type="button" name="site" onClick={() => attempt(toggleSite(settings, reading.host))}>
            {t(allowed ? "popupSiteTurnOff" : "popupSiteTurnOn")}
          </button>
        </div>
      )}
      {failed && (
        <p class="error" role="alert">
          {t("popupSaveFailed")}
        </p>
      )}
      {running && reading !== undefined && (
        <section class="terms" aria-labelledby="terms-heading">
          <h2 id="terms-heading">
            {t("popupTermsHeading")}
            {reading && reading.terms.length > 0 && <span class="count"> · {reading.terms.length}</span>}
          </h2>
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
              {keys && !keys.next && !keys.previous && <p class="hint">{t("popupNoKeys")}</p>}
              {(keys?.next || keys?.previous) && (
                <p class="hint keys">
                  {keys.next && [t("popupKeyNext"), " ", <kbd key="next">{keys.next}</kbd>]}
                  {keys.next && keys.previous && " · "}
                  {keys.previous && [t("popupKeyPrevious"), " ", <kbd key="previous">{keys.previous}</kbd>]}
                </p>
              )}
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
