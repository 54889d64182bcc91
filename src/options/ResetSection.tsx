/** Reset to defaults, after the reader confirms: every setting, the site lists and hidden terms. */
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../shared/i18n";
import { DEFAULT_SETTINGS } from "../shared/settings";
import type { SectionProps } from "./Options";

export function ResetSection({ save }: SectionProps) {
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const reset = useRef<HTMLButtonElement>(null);
  // Whether the question was answered: focus goes back to the button that asked it, not on opening.
  const answered = useRef(false);
  useEffect(() => {
    // The question opens on its safe answer; once answered, focus returns to where it was asked.
    if (asking) cancel.current?.focus();
    else if (answered.current) reset.current?.focus();
    answered.current = false;
  }, [asking]);
  const close = () => {
    answered.current = true;
    setAsking(false);
  };

  return (
    <>
      <p>{t("optionsResetHint")}</p>
      {!asking ? (
        <button
          type="button"
          class="danger"
          ref={reset}
          onClick={() => {
            setAsking(true);
            setDone(false);
          }}
        >
          {t("optionsResetButton")}
        </button>
      ) : (
        <fieldset
          class="confirm"
          onKeyDown={(event) => {
            if (event.key === "Escape") close();
          }}
        >
          <legend>{t("optionsResetConfirmQuestion")}</legend>
          <button
            type="button"
            class="danger"
            onClick={async () => {
              if (await save({ ...DEFAULT_SETTINGS })) setDone(true);
              close();
            }}
          >
            {t("optionsResetConfirm")}
          </button>{" "}
          <button type="button" ref={cancel} onClick={close}>
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
