/**
 * The explainer card: a labelled, non-modal dialog showing one glossary entry, what changed since the
 * article was published, and related entries that open in place with a way back.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { Entry } from "../glossary/schema";
import { eventsSince, formatDate, latestEvents } from "../shared/dates";
import { t } from "../shared/i18n";
import { LocatorMap } from "./LocatorMap";

export interface PopoverProps {
  entry: Entry;
  /** The article's publication day (YYYY-MM-DD), or null when the page does not say. */
  published: string | null;
  titleOf: (id: string) => string | undefined;
  loadEntry: (id: string) => Promise<Entry | null>;
  loadMap: (id: string) => Promise<string | null>;
  onClose: () => void;
}

export function Popover({ entry: first, published, titleOf, loadEntry, loadMap, onClose }: PopoverProps) {
  const [trail, setTrail] = useState<Entry[]>([first]);
  useEffect(() => setTrail([first]), [first]);
  const entry = trail[trail.length - 1] ?? first;
  const card = useRef<HTMLDivElement>(null);
  // A newly opened entry starts at its top, like a new page.
  useEffect(() => card.current?.scrollTo({ top: 0 }), [entry]);
  const [map, setMap] = useState<{ id: string; svg: string } | null>(null);
  useEffect(() => {
    if (!entry.coordinates) return;
    let current = true;
    void loadMap(entry.id).then((svg) => current && svg && setMap({ id: entry.id, svg }));
    return () => {
      current = false;
    };
  }, [entry, loadMap]);
  const open = async (id: string) => {
    const next = await loadEntry(id);
    if (next) setTrail([...trail, next]);
  };

  return (
    <div class="card" ref={card} tabIndex={-1} role="dialog" aria-labelledby="backstory-title" lang="en">
      <div class="header">
        {trail.length > 1 && (
          <button
            type="button"
            class="icon"
            aria-label={t("popoverBack")}
            onClick={() => setTrail(trail.slice(0, -1))}
          >
            ‹
          </button>
        )}
        <div class="heading">
          <h2 class="title" id="backstory-title">
            {entry.title}
          </h2>
          <span class="category">{t(`category_${entry.category.replace("-", "_")}`)}</span>
        </div>
        <button type="button" class="icon" aria-label={t("popoverClose")} onClick={onClose}>
          ×
        </button>
      </div>
      {entry.coordinates && <LocatorMap svg={map?.id === entry.id ? map.svg : ""} label={t("popoverMap")} />}
      <p class="summary">{entry.summary}</p>
      {entry.facts && entry.facts.length > 0 && (
        <dl class="facts">
          {entry.facts.map((fact) => [
            <dt key={`${fact.label}-t`}>{fact.label}</dt>,
            <dd key={fact.label}>{fact.value}</dd>,
          ])}
        </dl>
      )}
      <Since entry={entry} published={published} />
      {entry.wordingNote && (
        <p class="note">
          <strong>{t("popoverWording")}</strong> {entry.wordingNote}
        </p>
      )}
      {entry.related?.some(titleOf) && (
        <div class="related">
          <span class="label">{t("popoverRelated")}</span>
          {entry.related.map((id) => {
            const title = titleOf(id);
            return title ? (
              <button type="button" class="chip" key={id} onClick={() => void open(id)}>
                {title}
              </button>
            ) : null;
          })}
        </div>
      )}
      <div class="footer">
        {t("popoverSources")}{" "}
        {entry.sources.map((source, i) => [
          i > 0 ? " · " : "",
          <a key={source.url} href={source.url} target="_blank" rel="noopener noreferrer">
            {source.title}
          </a>,
        ])}
        <br />
        {t("popoverReviewed", formatDate(entry.reviewed))}
      </div>
    </div>
  );
}

function Since({ entry, published }: { entry: Entry; published: string | null }) {
  const timeline = entry.timeline ?? [];
  if (timeline.length === 0) return null;
  const events = published ? eventsSince(timeline, published) : latestEvents(timeline);
  if (events.length === 0) return null;
  return (
    <section class="since" aria-labelledby="backstory-since">
      <h3 id="backstory-since">
        {published ? t("popoverSinceArticle", formatDate(published)) : t("popoverLatest")}
      </h3>
      <ol>
        {events.map((event) => (
          <li key={`${event.date}${event.text}`}>
            <time dateTime={event.date}>{formatDate(event.date)}</time> {event.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
