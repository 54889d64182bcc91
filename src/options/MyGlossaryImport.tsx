/**
 * Import a glossary file (JSON, CSV or a Backstory export) or pasted text: a preview first (new,
 * changed and invalid entries, with reasons), then merge or replace, all or nothing.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { checkImportSize, type ImportResult, parseImport } from "../glossary/import";
import {
  applyEntries,
  diffEntries,
  type ImportMode,
  newGlossaryId,
  type ReaderGlossary,
  takenIds,
} from "../glossary/reader-glossary";
import { plural, problemText, t } from "../shared/i18n";
import { saveSettings } from "../shared/storage";
import { saveFailureText } from "./save-failure";
import { store } from "./use-reader-glossaries";

interface Props {
  glossaries: ReaderGlossary[];
  bundledIds: readonly string[];
  today: string;
}

interface Pending {
  fileName: string;
  text: string;
  target: string;
  mode: ImportMode;
}

const NEW = "";

export function MyGlossaryImport({ glossaries, bundledIds, today }: Props) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [pasted, setPasted] = useState("");
  // After an import the preview and its button are gone: focus goes to the message saying it is done.
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (status && !status.error) statusRef.current?.focus();
  }, [status]);
  const own = glossaries.filter((glossary) => glossary.source.kind !== "subscription");

  const read = (fileName: string, text: string) => {
    setStatus(null);
    // A file whose entries a glossary already holds goes back into that glossary by default.
    const loose = parseImport(fileName, text, { taken: takenIds(bundledIds, []), today });
    const ids = new Set(loose.ok && loose.kind === "entries" ? loose.entries.map((entry) => entry.id) : []);
    const home = own.find((glossary) => glossary.entries.some((entry) => ids.has(entry.id)));
    setPending({ fileName, text, target: home?.id ?? NEW, mode: "merge" });
  };
  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    // Refused by its size alone: a huge file is never read into memory.
    const tooBig = checkImportSize(file.name, file.size);
    if (tooBig) {
      setPending(null);
      setStatus({ error: true, text: problemText(tooBig) });
      return;
    }
    read(file.name, await file.text());
  };

  const target = own.find((glossary) => glossary.id === pending?.target);
  const result: ImportResult | null = pending
    ? parseImport(pending.fileName, pending.text, {
        taken: takenIds(bundledIds, glossaries, target?.id),
        today,
      })
    : null;

  const confirm = async () => {
    if (!pending || !result?.ok || result.invalid.length > 0) return;
    const before = glossaries;
    try {
      if (result.kind === "backup") {
        await store.save(result.backup.glossaries);
        await saveSettings(result.backup.settings).catch(async (error: unknown) => {
          await store.save(before); // settings refused: put the glossaries back, all or nothing
          throw error;
        });
      } else if (target) {
        const entries = applyEntries(target.entries, result.entries, pending.mode);
        await store.save(
          glossaries.map((glossary) => (glossary === target ? { ...glossary, entries } : glossary)),
        );
      } else {
        const name = pending.fileName;
        const added = {
          id: newGlossaryId(glossaries, name.replace(/\.\w+$/, "")),
          name,
          source: { kind: "file" as const, fileName: name },
          entries: result.entries,
        };
        await store.save([...glossaries, added]);
      }
      setStatus({ error: false, text: t("myImportDone", pending.fileName) });
      setPending(null);
    } catch (error) {
      setStatus({ error: true, text: saveFailureText(error) });
    }
  };

  return (
    <div class="import">
      <h3 id="my-import">{t("myImportHeading")}</h3>
      <p class="hint">{t("myImportHint")}</p>
      <label class="file">
        {t("myImportChoose")}
        <input
          type="file"
          name="importFile"
          accept=".json,.csv,application/json,text/csv"
          onChange={onFile}
        />
      </label>
      <details class="paste">
        <summary>{t("myImportPaste")}</summary>
        <label for="import-text">{t("myImportPasteLabel")}</label>
        <textarea
          id="import-text"
          name="importText"
          rows={5}
          value={pasted}
          onInput={(e) => setPasted(e.currentTarget.value)}
        />
        <button type="button" name="readPasted" onClick={() => read(t("myImportPastedName"), pasted)}>
          {t("myImportRead")}
        </button>
      </details>
      {status && (
        <p
          class={status.error ? "error" : "done"}
          role={status.error ? "alert" : "status"}
          data-import-status
          ref={statusRef}
          tabIndex={-1}
        >
          {status.text}
        </p>
      )}
      {pending && result && (
        <Preview
          pending={pending}
          result={result}
          own={own}
          target={target}
          onChange={(change) => setPending({ ...pending, ...change })}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        />
      )}
    </div>
  );
}

interface PreviewProps {
  pending: Pending;
  result: ImportResult;
  own: ReaderGlossary[];
  target: ReaderGlossary | undefined;
  onChange: (change: Partial<Pending>) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

function Preview({ pending, result, own, target, onChange, onConfirm, onCancel }: PreviewProps) {
  if (!result.ok) {
    return (
      <div class="preview" data-preview>
        <p class="error" role="alert">
          {problemText(result.error)}
        </p>
        <p>{t("myImportNothingChanged")}</p>
      </div>
    );
  }
  const counts =
    result.kind === "backup"
      ? { added: result.backup.glossaries.length, changed: 0, unchanged: 0 }
      : (() => {
          const diff = diffEntries(target?.entries ?? [], result.entries);
          return { added: diff.added.length, changed: diff.changed.length, unchanged: diff.unchanged };
        })();
  const invalid = result.invalid.length;
  return (
    <section class="preview" data-preview aria-labelledby="my-preview">
      <h4 id="my-preview">{t("myPreviewHeading", pending.fileName)}</h4>
      {result.kind === "backup" ? (
        <p data-counts>
          {t("myPreviewBackup", [
            plural("myGlossaryNumber", result.backup.glossaries.length),
            plural("myGlossaryCount", result.total),
          ])}
        </p>
      ) : (
        <p data-counts>
          {t("myPreviewCounts", [
            String(counts.added),
            String(counts.changed),
            String(counts.unchanged),
            String(invalid),
          ])}
        </p>
      )}
      {invalid > 0 && (
        <>
          <p class="error" role="alert">
            {plural("myPreviewInvalid", invalid)}
          </p>
          <ul class="problems" data-problems>
            {result.invalid.slice(0, 50).map((problem, n) => (
              <li key={n}>{problemText(problem)}</li>
            ))}
          </ul>
        </>
      )}
      {result.kind === "entries" && invalid === 0 && (
        <fieldset>
          <legend>{t("myPreviewInto")}</legend>
          <select
            name="importTarget"
            aria-label={t("myPreviewInto")}
            value={pending.target}
            onChange={(e) => onChange({ target: e.currentTarget.value })}
          >
            <option value={NEW}>{t("myPreviewNewGlossary")}</option>
            {own.map((glossary) => (
              <option key={glossary.id} value={glossary.id}>
                {glossary.name}
              </option>
            ))}
          </select>
          {target &&
            (["merge", "replace"] as const).map((mode) => (
              <label key={mode} class="choice">
                <input
                  type="radio"
                  name="importMode"
                  value={mode}
                  checked={pending.mode === mode}
                  onChange={() => onChange({ mode })}
                />
                {t(mode === "merge" ? "myPreviewMerge" : "myPreviewReplace")}
              </label>
            ))}
        </fieldset>
      )}
      <div class="actions">
        <button type="button" name="confirmImport" disabled={invalid > 0} onClick={onConfirm}>
          {result.kind === "backup" ? t("myPreviewRestore") : t("myPreviewImport")}
        </button>
        <button type="button" name="cancelImport" onClick={onCancel}>
          {t("myCancel")}
        </button>
      </div>
    </section>
  );
}
