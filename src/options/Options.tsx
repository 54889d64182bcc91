/** The options page. */
import { t } from "../shared/i18n";
import { useSettings } from "../ui/use-settings";
import { MyGlossaries } from "./MyGlossaries";

export function Options() {
  const [settings, save] = useSettings();
  if (!settings) return null;
  return (
    <>
      <header class="masthead">
        <img src="/icons/icon-48.png" alt="" width="32" height="32" />
        <h1>{t("optionsTitle")}</h1>
      </header>
      <section aria-labelledby="general">
        <h2 id="general">{t("optionsGeneral")}</h2>
        <label class="switch">
          <input
            type="checkbox"
            name="enabled"
            checked={settings.enabled}
            onChange={(event) => void save({ enabled: event.currentTarget.checked })}
          />
          <span>
            {t("optionsEnabled")}
            <br />
            <span class="hint">{t("optionsEnabledHint")}</span>
          </span>
        </label>
        <label class="switch">
          <input
            type="checkbox"
            name="everyOccurrence"
            checked={settings.everyOccurrence}
            onChange={(event) => void save({ everyOccurrence: event.currentTarget.checked })}
          />
          <span>
            {t("optionsEveryOccurrence")}
            <br />
            <span class="hint">{t("optionsEveryOccurrenceHint")}</span>
          </span>
        </label>
      </section>
      <MyGlossaries />
    </>
  );
}
