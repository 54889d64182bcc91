/**
 * The glossary browser: instant search over every entry (the built-in ones and the reader's own), an
 * entry shown as the popover shows it, switching single entries off and on, and the terms hidden with
 * "Don't mark this again".
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { CATEGORY_LIST, type CategoryName } from "../glossary/categories";
import type { Entry } from "../glossary/schema";
import { categoryName, t } from "../shared/i18n";
import { callBackground } from "../shared/messages";
import { EntryPreview } from "./EntryPreview";
import { entryById, SEARCHABLE } from "./glossary-data";
import { searchable, searchEntries } from "./glossary-search";
import type { SectionProps } from "./Options";
import { type Route, routeHash } from "./route";
import { useReaderGlossaries } from "./use-reader-glossaries";

/** How many results are listed at first, and how many more each "Show more" adds. */
const SHOWN = 60;

const loadMap = (id: string) => callBackground("getMap", id).catch(() => null);

export function GlossarySection({ settings, save, route }: SectionProps & { route: Route }) {
  const [query, setQuery] = useState(route.search ?? "");
  const [selected, setSelected] = useState<string | null>(route.entry ?? null);
  const [kind, setKind] = useState<CategoryName | null>(null);
  useEffect(() => {
    // A search from a link looks through every kind.
    if (route.search !== undefined) {
      setQuery(route.search);
      setKind(null);
    }
    if (route.entry !== undefined) setSelected(route.entry);
  }, [route]);
  // The reader's own entries are listed with the built-in ones, each with its glossary's name. One
  // whose id a newer version's built-in entry has taken is left out: that id opens the built-in one
  // here, as it does in cards (see getEntry in the background).
  const glossaries = useReaderGlossaries();
  const own = useMemo(() => {
    const pairs = (glossaries ?? []).flatMap(({ name, entries }) =>
      entries.map((entry) => ({ entry, name })),
    );
    return new Map(pairs.filter(({ entry }) => !entryById(entry.id)).map((pair) => [pair.entry.id, pair]));
  }, [glossaries]);
  const everything = useMemo(
    () => [...SEARCHABLE, ...searchable([...own.values()].map(({ entry }) => entry))],
    [own],
  );
  const lookUp = (id: string): Entry | undefined => entryById(id) ?? own.get(id)?.entry;
  const titleOf = (id: string) => lookUp(id)?.title;
  const loadEntry = async (id: string) => lookUp(id) ?? null;
  const [shown, setShown] = useState(SHOWN);
  // A new search or kind starts from the top of its list again.
  useEffect(() => setShown(SHOWN), [query, kind]);
  const results = useMemo(
    () => searchEntries(everything, query).filter((item) => !kind || item.category === kind),
    [everything, query, kind],
  );
  const kindChip = (value: CategoryName | null, label: string) => (
    <button
      type="button"
      class="chip"
      key={value ?? "all"}
      aria-pressed={kind === value}
      onClick={() => setKind(value)}
    >
      {label}
    </button>
  );
  const hidden = new Set(settings.hiddenEntries);
  const setHidden = (id: string, hide: boolean) =>
    save({ hiddenEntries: hide ? [...hidden, id] : settings.hiddenEntries.filter((item) => item !== id) });
  const entry = selected ? lookUp(selected) : undefined;
  const viewer = useRef<HTMLDivElement>(null);
  const select = (id: string | null) => {
    setSelected(id);
    // On a narrow screen the entry shows under the whole list, out of sight: once drawn, bring it up.
    requestAnimationFrame(() => {
      const box = viewer.current?.getBoundingClientRect();
      if (box && (box.top < -1 || box.top > innerHeight / 3))
        viewer.current?.scrollIntoView({ block: "start" });
    });
    history.replaceState(null, "", id ? routeHash({ section: "glossary", entry: id }) : "#glossary");
  };

  return (
    <div class="glossary">
      <div class="browser">
        <label for="glossary-search">{t("optionsGlossarySearch")}</label>
        <input
          id="glossary-search"
          type="search"
          name="glossarySearch"
          value={query}
          autocomplete="off"
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            history.replaceState(
              null,
              "",
              routeHash({ section: "glossary", search: event.currentTarget.value }),
            );
          }}
        />
        <fieldset class="kinds">
          <legend>{t("optionsGlossaryKinds")}</legend>
          {kindChip(null, t("optionsGlossaryEveryKind"))}
          {CATEGORY_LIST.map((category) => kindChip(category, categoryName(category)))}
        </fieldset>
        <p class="hint" role="status">
          {results.length > 0 || !query.trim()
            ? t("optionsGlossaryCount", [String(results.length), String(everything.length)])
            : t(kind ? "optionsGlossaryNoMatchOfKind" : "optionsGlossaryNoMatch", query.trim())}
        </p>
        {results.length === 0 && kind && (
          <button type="button" name="everyKind" onClick={() => setKind(null)}>
            {t("optionsGlossarySearchEveryKind")}
          </button>
        )}
        <ul class="results" aria-label={t("optionsGlossaryResults")}>
          {results.slice(0, shown).map((item) => (
            <li key={item.id}>
              <button
                type="button"
                class="result"
                aria-current={item.id === selected ? "true" : undefined}
                onClick={() => select(item.id)}
              >
                <span class="result-title">{item.title}</span>
                <span class="result-meta">
                  {categoryName(item.category)}
                  {own.has(item.id) && ` · ${own.get(item.id)?.name}`}
                  {hidden.has(item.id) && ` · ${t("optionsGlossaryHiddenBadge")}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {results.length > shown && (
          <button
            type="button"
            name="showMore"
            onClick={() => {
              setShown(shown + SHOWN);
              // The button may go with this click: the reader's focus moves on to the first new entry.
              requestAnimationFrame(() =>
                document.querySelectorAll<HTMLButtonElement>(".result").item(shown)?.focus(),
              );
            }}
          >
            {t("optionsGlossaryMore", String(results.length - shown))}
          </button>
        )}
      </div>
      <div class="viewer" ref={viewer}>
        {selected && !entry && glossaries && (
          <p class="error" role="alert">
            {t("optionsGlossaryUnknown", selected)}
          </p>
        )}
        {entry && (
          <>
            <div class="entry-status">
              <span role="status">
                {t(hidden.has(entry.id) ? "optionsGlossaryEntryHidden" : "optionsGlossaryEntryShown")}
              </span>
              <button
                type="button"
                name="toggleEntry"
                onClick={() => void setHidden(entry.id, !hidden.has(entry.id))}
              >
                {t(hidden.has(entry.id) ? "optionsGlossaryMarkAgain" : "optionsGlossaryDontMark")}
              </button>
            </div>
            <EntryPreview
              entry={entry}
              published={null}
              theme={settings.theme}
              titleOf={titleOf}
              loadEntry={loadEntry}
              loadMap={loadMap}
            />
          </>
        )}
        {!selected && <p class="hint">{t("optionsGlossaryPick")}</p>}
      </div>
      <section class="hidden-terms" aria-labelledby="hidden-heading">
        <h3 id="hidden-heading">{t("optionsHiddenTerms")}</h3>
        {settings.hiddenEntries.length === 0 ? (
          <p class="hint">{t("optionsHiddenTermsEmpty")}</p>
        ) : (
          <ul class="hidden-list">
            {settings.hiddenEntries.map((id) => (
              <li key={id}>
                <span>{titleOf(id) ?? id}</span>
                <button
                  type="button"
                  aria-label={t("optionsGlossaryMarkAgainLabel", titleOf(id) ?? id)}
                  onClick={() => void setHidden(id, false)}
                >
                  {t("optionsGlossaryMarkAgain")}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
