/** Reset to defaults, after the reader confirms: every setting, the site lists and hidden terms. */
import { useState } from "preact/hooks";
import { t } from "../shared/i18n";
import { DEFAULT_SETTINGS } from "../shared/settings";
import type { SectionProps } from "./Options";

export function ResetSection({ save }: SectionProps) {
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <>
      <p>{t("optionsResetHint")}</p>
      {!asking ? (
        <button
          type="button"
          class="danger"
          onClick={() => {
            setAsking(true);
            setDone(false);
          }}
        >
          {t("optionsResetButton")}
        </button>
      ) : (
        <fieldset class="confirm">
          <legend>{t("optionsResetConfirmQuestion")}</legend>
          <button
            type="button"
            class="danger"
            onClick={async () => {
              if (await save({ ...DEFAULT_SETTINGS })) setDone(true);
              setAsking(false);
            }}
          >
            {t("optionsResetConfirm")}
          </button>{" "}
          <button type="button" onClick={() => setAsking(false)}>
            {t("optionsResetCancel")}
          </button>
        </fieldset>
      )}
      <p role="status" class="hint">
        {done ? t("optionsResetDone") : ""}
      </p>
    </>
  );
}
