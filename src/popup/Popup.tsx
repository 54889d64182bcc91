/** The toolbar popup: is Backstory on, a one-click switch, and the way to the settings. */
import browser from "webextension-polyfill";
import { t } from "../shared/i18n";
import { useSettings } from "../ui/use-settings";

export function Popup() {
  const [settings, save] = useSettings();
  if (!settings) return null;
  const { enabled } = settings;
  return (
    <>
      <div class="status">
        <span class={`dot ${enabled ? "on" : "off"}`} aria-hidden="true" />
        <strong role="status">{t(enabled ? "popupOn" : "popupOff")}</strong>
        <button type="button" onClick={() => void save({ enabled: !enabled })}>
          {t(enabled ? "popupTurnOff" : "popupTurnOn")}
        </button>
      </div>
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
