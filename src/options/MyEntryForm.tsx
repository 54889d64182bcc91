/** Create or edit one of the reader's entries; each field says what is wrong with it. */
import { useEffect, useRef, useState } from "preact/hooks";
import { CATEGORY_LIST } from "../glossary/categories";
import { type EntryFields, emptyFields, entryFromFields, type FieldErrors } from "../glossary/entry-form";
import type { Entry } from "../glossary/schema";
import { categoryName, messageText, t } from "../shared/i18n";

interface Props {
  /** The fields to start from, and the id of the entry being edited (none for a new one). */
  initial: EntryFields;
  editing?: string;
  taken: ReadonlyMap<string, unknown>;
  today: string;
  onSave: (entry: Entry) => Promise<string | null>;
  onCancel: () => void;
}

const FIELDS: { name: keyof EntryFields; label: string; multiline?: boolean }[] = [
  { name: "title", label: "myEntryTitle" },
  { name: "summary", label: "myEntrySummary", multiline: true },
  { name: "aliases", label: "myEntryAliases" },
  { name: "source", label: "myEntrySource" },
];

/** When to mark it: most entries need none of these, so they wait behind a disclosure. */
const WHEN_FIELDS: typeof FIELDS = [
  { name: "require", label: "myEntryRequire" },
  { name: "exclude", label: "myEntryExclude" },
  { name: "notWithin", label: "myEntryNotWithin" },
];

export function MyEntryForm({ initial, editing, taken, today, onSave, onCancel }: Props) {
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  // Each refused save moves focus to the first field that says what is wrong with it.
  const [refusals, setRefusals] = useState(0);
  const [whenOpen, setWhenOpen] = useState(WHEN_FIELDS.some(({ name }) => initial[name] !== ""));
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [refusals]);
  const set = (name: keyof EntryFields, value: string) => setFields({ ...fields, [name]: value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = entryFromFields(fields, taken, today, editing);
    if (!result.ok) {
      setErrors(result.errors);
      // A field out of sight cannot say what is wrong with it.
      if (WHEN_FIELDS.some(({ name }) => result.errors[name])) setWhenOpen(true);
      setRefusals((n) => n + 1);
      return;
    }
    setErrors({});
    const problem = await onSave(result.entry);
    setFailure(problem);
    if (!problem && !editing) setFields(emptyFields());
  };

  const field = ({ name, label, multiline }: (typeof FIELDS)[number]) => {
    const id = `entry-${name}`;
    const error = errors[name];
    const common = {
      id,
      name,
      value: fields[name],
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `${id}-error` : `${id}-hint`,
      onInput: (event: Event) => set(name, (event.currentTarget as HTMLInputElement).value),
    };
    return (
      <div class="field" key={name}>
        <label for={id}>{t(label)}</label>
        {multiline ? (
          <textarea rows={3} {...common} />
        ) : name === "source" ? (
          <input type="url" {...common} />
        ) : (
          <input type="text" {...common} />
        )}
        {error ? (
          <p class="field-error" id={`${id}-error`}>
            {messageText(error)}
          </p>
        ) : (
          <p class="hint" id={`${id}-hint`}>
            {t(`${label}Hint`)}
          </p>
        )}
      </div>
    );
  };

  return (
    <form
      ref={form}
      class="entry-form"
      onSubmit={submit}
      noValidate
      aria-label={editing ? t("myEntryEdit") : t("myEntryNew")}
    >
      {field(FIELDS[0] as (typeof FIELDS)[number])}
      <div class="field">
        <label for="entry-category">{t("myEntryCategory")}</label>
        <select
          id="entry-category"
          name="category"
          value={fields.category}
          onChange={(event) => set("category", event.currentTarget.value)}
        >
          {CATEGORY_LIST.map((category) => (
            <option key={category} value={category}>
              {categoryName(category)}
            </option>
          ))}
        </select>
      </div>
      {FIELDS.slice(1).map(field)}
      <details
        class="when"
        open={whenOpen}
        onToggle={(event) => setWhenOpen((event.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>{t("myEntryWhen")}</summary>
        <p class="hint">{t("myEntryWhenHint")}</p>
        {WHEN_FIELDS.map(field)}
      </details>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="submit" name="saveEntry">
          {t("myEntrySave")}
        </button>
        {editing && (
          <button type="button" name="cancelEntry" onClick={onCancel}>
            {t("myCancel")}
          </button>
        )}
      </div>
    </form>
  );
}
