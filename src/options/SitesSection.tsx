/** Sites: where Backstory runs, as a block list or an "only on these sites" list of patterns. */
import { useState } from "preact/hooks";
import { t } from "../shared/i18n";
import { SITE_MODES } from "../shared/settings";
import { normalisePattern } from "../shared/sites";
import type { SectionProps } from "./Options";
import { useFocusAfterRemoval } from "./use-focus-after-removal";

export function SitesSection({ settings, save }: SectionProps) {
  const only = settings.siteMode === "only";
  const key = only ? "onlySites" : "blockedSites";
  const list = settings[key];
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const removing = useFocusAfterRemoval();

  const add = async () => {
    const pattern = normalisePattern(text);
    if (!pattern) return setProblem(t(text.trim() ? "optionsSiteInvalid" : "optionsSiteEmpty", text.trim()));
    if (list.includes(pattern)) return setProblem(t("optionsSiteDuplicate", pattern));
    setProblem(null);
    if (await save({ [key]: [...list, pattern] })) setText("");
  };

  return (
    <>
      <fieldset>
        <legend>{t("optionsSiteMode")}</legend>
        {SITE_MODES.map((mode) => (
          <label key={mode} class="choice">
            <input
              type="radio"
              name="siteMode"
              value={mode}
              checked={settings.siteMode === mode}
              onChange={() => void save({ siteMode: mode })}
            />
            {t(`optionsSiteMode_${mode}`)}
          </label>
        ))}
      </fieldset>
      <h3 id="site-list-heading">{t(only ? "optionsOnlySites" : "optionsBlockedSites")}</h3>
      <p class="hint">{t(only ? "optionsOnlySitesHint" : "optionsBlockedSitesHint")}</p>
      <form
        class="add-site"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label for="site-pattern">{t("optionsSitePattern")}</label>
        <input
          id="site-pattern"
          name="sitePattern"
          type="text"
          spellcheck={false}
          autocomplete="off"
          placeholder="example.com"
          value={text}
          aria-invalid={problem !== null}
          aria-describedby={problem ? "site-problem" : undefined}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit">{t("optionsSiteAdd")}</button>
      </form>
      {problem && (
        <p class="error" id="site-problem" role="alert">
          {problem}
        </p>
      )}
      {list.length === 0 ? (
        <p class="hint empty">{t(only ? "optionsOnlySitesEmpty" : "optionsBlockedSitesEmpty")}</p>
      ) : (
        <ul class="site-list" aria-labelledby="site-list-heading">
          {list.map((pattern) => (
            <li key={pattern}>
              <span class="pattern">{pattern}</span>
              <button
                type="button"
                aria-label={t("optionsSiteRemoveLabel", pattern)}
                onClick={(event) => {
                  removing(event.currentTarget, ".site-list button", () =>
                    document.getElementById("site-pattern"),
                  );
                  void save({ [key]: list.filter((item) => item !== pattern) });
                }}
              >
                {t("optionsSiteRemove")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
