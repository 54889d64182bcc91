/** General: the global switch, how terms are marked and explained, and how much of the page is read. */
import type { ComponentChildren } from "preact";
import { t } from "../shared/i18n";
import { MARKING_STYLES, MODIFIER_KEYS, type Settings, THEMES } from "../shared/settings";
import type { SectionProps } from "./Options";

export function GeneralSection({ settings, save }: SectionProps) {
  return (
    <>
      <Switch
        name="enabled"
        checked={settings.enabled}
        label={t("optionsEnabled")}
        hint={t("optionsEnabledHint")}
        onChange={(enabled) => void save({ enabled })}
      />
      <fieldset>
        <legend>{t("optionsMarkingStyle")}</legend>
        <div class="choices">
          {MARKING_STYLES.map((style) => (
            <label key={style} class="choice">
              <input
                type="radio"
                name="markingStyle"
                value={style}
                checked={settings.markingStyle === style}
                onChange={() => void save({ markingStyle: style })}
              />
              {t(`optionsMarking_${style}`)}
            </label>
          ))}
        </div>
        <p class="preview" aria-hidden="true">
          {t("optionsPreviewBefore")}{" "}
          <span class={`sample sample-${settings.markingStyle}`}>{t("optionsPreviewTerm")}</span>{" "}
          {t("optionsPreviewAfter")}
        </p>
        <p class="hint">{t("optionsMarkingHint")}</p>
      </fieldset>
      <Switch
        name="everyOccurrence"
        checked={settings.everyOccurrence}
        label={t("optionsEveryOccurrence")}
        hint={t("optionsEveryOccurrenceHint")}
        onChange={(everyOccurrence) => void save({ everyOccurrence })}
      />
      <fieldset>
        <legend>{t("optionsScope")}</legend>
        {(["article", "page"] as const).map((scope) => (
          <label key={scope} class="choice">
            <input
              type="radio"
              name="articleOnly"
              value={scope}
              checked={settings.articleOnly === (scope === "article")}
              onChange={() => void save({ articleOnly: scope === "article" })}
            />
            {t(`optionsScope_${scope}`)}
          </label>
        ))}
      </fieldset>
      <Field id="dwellMs" label={t("optionsDwell")} hint={t("optionsDwellHint")}>
        <input
          id="dwellMs"
          type="range"
          name="dwellMs"
          min={0}
          max={1000}
          step={50}
          value={settings.dwellMs}
          aria-describedby="dwellMs-hint"
          onChange={(event) => void save({ dwellMs: Number(event.currentTarget.value) })}
        />
        <output for="dwellMs">{t("optionsDwellValue", String(settings.dwellMs))}</output>
      </Field>
      <Field id="modifierKey" label={t("optionsModifier")} hint={t("optionsModifierHint")}>
        <Select
          id="modifierKey"
          value={settings.modifierKey}
          options={MODIFIER_KEYS}
          label={(key) => (key === "none" ? t("optionsModifier_none") : key)}
          onChange={(modifierKey) => void save({ modifierKey })}
        />
      </Field>
      <Field id="theme" label={t("optionsTheme")} hint={t("optionsThemeHint")}>
        <Select
          id="theme"
          value={settings.theme}
          options={THEMES}
          label={(theme) => t(`optionsTheme_${theme}`)}
          onChange={(theme) => void save({ theme })}
        />
      </Field>
    </>
  );
}

function Switch(props: {
  name: keyof Settings;
  checked: boolean;
  label: string;
  hint: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        name={props.name}
        checked={props.checked}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <span>
        {props.label}
        <br />
        <span class="hint">{props.hint}</span>
      </span>
    </label>
  );
}

function Field(props: { id: string; label: string; hint: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <div class="control">{props.children}</div>
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
    </div>
  );
}

function Select<T extends string>(props: {
  id: string;
  value: T;
  options: readonly T[];
  label: (value: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <select
      id={props.id}
      name={props.id}
      value={props.value}
      aria-describedby={`${props.id}-hint`}
      onChange={(event) => props.onChange(event.currentTarget.value as T)}
    >
      {props.options.map((option) => (
        <option key={option} value={option}>
          {props.label(option)}
        </option>
      ))}
    </select>
  );
}
