/**
 * "My glossaries" on the options page: the reader's own entries, imported files and subscriptions,
 * with a form, import with a preview, export of everything the reader made, and subscribe by URL.
 */
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { bundledIndex } from "../glossary/bundled";
import { type EntryFields, emptyFields, fieldsOf, keepUnshown } from "../glossary/entry-form";
import { entryRows } from "../glossary/entry-table";
import { exportText } from "../glossary/import";
import { OWN_GLOSSARY_ID, type ReaderGlossary, takenIds } from "../glossary/reader-glossary";
import type { Entry } from "../glossary/schema";
import { plural, problemText, t } from "../shared/i18n";
import { loadSettings } from "../shared/storage";
import { originPattern } from "../shared/subscriptions";
import { MyEntryForm } from "./MyEntryForm";
import { MyGlossaryImport } from "./MyGlossaryImport";
import { MySubscribe } from "./MySubscribe";
import { saveFailureText } from "./save-failure";
import { useFocusAfterRemoval } from "./use-focus-after-removal";
import { store, useReaderGlossaries } from "./use-reader-glossaries";
import "./my-glossaries.css";

const bundledIds = entryRows(bundledIndex.entries).map((entry) => entry.id);
const today = () => new Date().toISOString().slice(0, 10);

export function MyGlossaries() {
  const glossaries = useReaderGlossaries();
  const [editing, setEditing] = useState<{ glossary: string; entry: Entry } | null>(null);
  const removing = useFocusAfterRemoval();
  // What the last save did, said in a status message; focus goes back to the (emptied) form's title.
  const [saved, setSaved] = useState<{ text: string } | null>(null);
  useEffect(() => {
    if (saved) document.getElementById("entry-title")?.focus();
  }, [saved]);
  if (!glossaries) return null;

  const saveEntry = async (edited: Entry): Promise<string | null> => {
    const into = editing?.glossary ?? OWN_GLOSSARY_ID;
    const entry = editing ? keepUnshown(editing.entry, edited) : edited;
    let name = "";
    try {
      await store.update((list) => {
        const own: ReaderGlossary = list.find((g) => g.id === into) ?? {
          id: OWN_GLOSSARY_ID,
          name: t("myEntriesName"),
          source: { kind: "made" },
          entries: [],
        };
        const entries = own.entries.some((e) => e.id === entry.id)
          ? own.entries.map((e) => (e.id === entry.id ? entry : e))
          : [...own.entries, entry];
        const next = { ...own, entries };
        name = own.name;
        return list.includes(own) ? list.map((g) => (g === own ? next : g)) : [...list, next];
      });
      setEditing(null);
      setSaved({ text: t("myEntrySaved", [entry.title, name]) });
      return null;
    } catch (error) {
      return saveFailureText(error);
    }
  };

  const remove = async (glossary: ReaderGlossary, entry?: Entry) => {
    const rest = await store.update((list) =>
      entry
        ? list.map((g) =>
            g.id === glossary.id ? { ...g, entries: g.entries.filter((e) => e.id !== entry.id) } : g,
          )
        : list.filter((g) => g.id !== glossary.id),
    );
    // Unsubscribed: give back the site's permission unless another subscription still needs it.
    const { source } = glossary;
    if (entry || source.kind !== "subscription") return;
    const origin = originPattern(source.url);
    const needed = rest.some(
      (g) => g.source.kind === "subscription" && originPattern(g.source.url) === origin,
    );
    if (!needed) await browser.permissions.remove({ origins: [origin] }).catch(() => undefined);
  };

  const initial: EntryFields = editing ? fieldsOf(editing.entry) : emptyFields();
  return (
    // The options page heads the section ("My glossaries"); this is its content.
    <section aria-labelledby="section-heading" class="my-glossaries">
      <p class="hint">{t("myGlossariesIntro")}</p>
      {glossaries.length === 0 ? (
        // Focus comes here when the reader removes the last glossary.
        <p data-none tabIndex={-1}>
          {t("myGlossariesNone")}
        </p>
      ) : (
        <ul class="glossaries">
          {glossaries.map((glossary) => (
            <GlossaryItem
              key={glossary.id}
              glossary={glossary}
              onEdit={(entry) => {
                setSaved(null);
                setEditing({ glossary: glossary.id, entry });
              }}
              onRemove={(button, entry) => {
                const item = `[data-glossary="${glossary.id}"]`;
                const own = (selector: string) => document.querySelector<HTMLElement>(selector);
                if (entry)
                  removing(button, `${item} button[name="deleteEntry"]`, () =>
                    own(`${item} button[name="removeGlossary"]`),
                  );
                else removing(button, 'button[name="removeGlossary"]', () => own("[data-none]"));
                void remove(glossary, entry);
              }}
            />
          ))}
        </ul>
      )}
      <h3>{editing ? t("myEntryEdit") : t("myEntryNew")}</h3>
      <MyEntryForm
        key={editing?.entry.id ?? "new"}
        initial={initial}
        editing={editing?.entry.id}
        taken={takenIds(bundledIds, glossaries)}
        today={today()}
        onSave={saveEntry}
        onCancel={() => setEditing(null)}
      />
      <p role="status" class="done" data-entry-status>
        {saved?.text}
      </p>
      <MyGlossaryImport glossaries={glossaries} bundledIds={bundledIds} today={today()} />
      <h3>{t("myExportHeading")}</h3>
      <p class="hint">{t("myExportHint")}</p>
      <button type="button" name="exportAll" onClick={() => void exportAll(glossaries)}>
        {t("myExport")}
      </button>
      <MySubscribe glossaries={glossaries} bundledIds={bundledIds} today={today()} />
    </section>
  );
}

interface ItemProps {
  glossary: ReaderGlossary;
  onEdit: (entry: Entry) => void;
  /** The button pressed, and the entry to delete (none: the whole glossary). */
  onRemove: (button: HTMLElement, entry?: Entry) => void;
}

function GlossaryItem({ glossary, onEdit, onRemove }: ItemProps) {
  const { source } = glossary;
  const subscribed = source.kind === "subscription";
  return (
    <li class="glossary" data-glossary={glossary.id}>
      <div class="glossary-head">
        <strong>{glossary.name}</strong>
        <span class="hint">{plural("myGlossaryCount", glossary.entries.length)}</span>
        <button type="button" name="removeGlossary" onClick={(e) => onRemove(e.currentTarget)}>
          {subscribed ? t("myUnsubscribe") : t("myRemoveGlossary")}
        </button>
      </div>
      <p class="hint source">
        {source.kind === "made" && t("myGlossarySourceMade")}
        {source.kind === "file" && t("myGlossarySourceFile", source.fileName)}
        {source.kind === "subscription" && (
          <>
            {t("myGlossarySourceUrl", source.url)}{" "}
            <span data-last-update>
              {source.lastUpdate ? t("myGlossaryUpdated", new Date(source.lastUpdate).toLocaleString()) : ""}
            </span>
          </>
        )}
      </p>
      {source.kind === "subscription" && source.lastError && (
        <p class="error" data-last-error>
          {t(
            "myGlossaryLastError",
            typeof source.lastError === "string" ? source.lastError : problemText(source.lastError),
          )}
        </p>
      )}
      {!subscribed && (
        <ul class="entries">
          {glossary.entries.map((entry) => (
            <li key={entry.id} data-entry={entry.id}>
              <span>{entry.title}</span>
              <button
                type="button"
                name="editEntry"
                aria-label={t("myEditNamed", entry.title)}
                onClick={() => onEdit(entry)}
              >
                {t("myEdit")}
              </button>
              <button
                type="button"
                name="deleteEntry"
                aria-label={t("myDeleteNamed", entry.title)}
                onClick={(e) => onRemove(e.currentTarget, entry)}
              >
                {t("myDelete")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** One JSON file of everything the reader made, settings included; importing it restores this state. */
async function exportAll(glossaries: ReaderGlossary[]): Promise<void> {
  const text = exportText({ settings: await loadSettings(), glossaries }, new Date().toISOString());
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `backstory-export-${today()}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
