/**
 * The explainer card: a labelled, non-modal dialog showing one glossary entry, a timeline with the
 * article's date marked and what changed since set apart, and related entries that open in place with
 * a way back.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { Entry } from "../glossary/schema";
import { formatDate, heldOn, timelineAround } from "../shared/dates";
import { categoryName, plural, t } from "../shared/i18n";
import type { Settings } from "../shared/settings";
import { LocatorMap } from "./LocatorMap";

/** What the card's buttons do; a card given none of one (the options page's preview) leaves its button out. */
export interface PopoverActions {
  onClose?: () => void;
  /** Pins the card open (it stays until closed) or unpins it. */
  onPin?: (pinned: boolean) => void;
  /** "Don't mark again": the reader hides this entry from every page. */
  onHideEntry?: (id: string) => void;
  onOpenGlossary?: (id: string) => void;
}

export interface PopoverProps extends PopoverActions {
  entry: Entry;
  /** The article's publication day (YYYY-MM-DD), or null when the page does not say. */
  published: string | null;
  titleOf: (id: string) => string | undefined;
  loadEntry: (id: string) => Promise<Entry | null>;
  loadMap: (id: string) => Promise<string | null>;
  /** The link the term sits in, when a tap opened the card instead of following it. */
  link?: { href: string; text: string } | null;
  pinned?: boolean;
  theme?: Settings["theme"];
  /** Rendered ahead of the dwell's end, unseen, so that opening it is only a reveal. */
  preparing?: boolean;
}

export function Popover(props: PopoverProps) {
  const {
    entry: first,
    published,
    titleOf,
    loadEntry,
    loadMap,
    link,
    pinned = false,
    theme = "system",
    onClose,
    onPin,
    onHideEntry,
    onOpenGlossary,
  } = props;
  const [trail, setTrail] = useState<Entry[]>([first]);
  useEffect(() => setTrail([first]), [first]);
  const entry = trail[trail.length - 1] ?? first;
  const card = useRef<HTMLDivElement>(null);
  // A related entry opened in the card starts at its top, like a new page. Not on first show: the
  // card is at its top already, and scrolling asks the page for a fresh layout.
  const shown = useRef<Entry | null>(null);
  useEffect(() => {
    if (shown.current && shown.current !== entry) card.current?.scrollTo({ top: 0 });
    shown.current = entry;
  }, [entry]);
  const { scrolled, moreBelow } = useScrollEdges(card, entry);
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
    <div
      class={`card theme-${theme}${props.preparing ? " preparing" : ""}`}
      ref={card}
      tabIndex={-1}
      role="dialog"
      aria-labelledby="backstory-title"
      lang="en"
      dir="ltr"
    >
      <div class={scrolled ? "header scrolled" : "header"}>
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
          <span class="category">{categoryName(entry.category)}</span>
        </div>
        {onPin && (
          <button
            type="button"
            class="icon pin"
            aria-label={t("popoverPin")}
            aria-pressed={pinned}
            title={pinned ? t("popoverPinnedHint") : t("popoverPinHint")}
            onClick={() => onPin(!pinned)}
          >
            <PinIcon />
          </button>
        )}
        {onClose && (
          <button type="button" class="icon" aria-label={t("popoverClose")} onClick={onClose}>
            ×
          </button>
        )}
      </div>
      {link && trail.length === 1 && (
        <a class="link" href={link.href}>
          {t("popoverFollowLink", link.text)} →
        </a>
      )}
      <p class="summary">{entry.summary}</p>
      <Timeline entry={entry} published={published} />
      {entry.coordinates && <LocatorMap svg={map?.id === entry.id ? map.svg : ""} label={t("popoverMap")} />}
      <Offices entry={entry} published={published} />
      {entry.facts && entry.facts.length > 0 && (
        <dl class="facts">
          {entry.facts.map((fact) => [
            <dt key={`${fact.label}-t`}>{fact.label}</dt>,
            <dd key={fact.label}>{fact.value}</dd>,
          ])}
        </dl>
      )}
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
      {(onHideEntry || onOpenGlossary) && (
        <div class="actions">
          {onHideEntry && (
            <button type="button" class="action" onClick={() => onHideEntry(entry.id)}>
              {t("popoverHideEntry")}
            </button>
          )}
          {onOpenGlossary && (
            <button type="button" class="action" onClick={() => onOpenGlossary(entry.id)}>
              {t("popoverOpenGlossary")}
            </button>
          )}
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
      <div class={moreBelow ? "fade shown" : "fade"} />
    </div>
  );
}

/**
 * Whether the card's content is scrolled under its header (for the line under it), and whether it
 * holds more than it shows below its visible box (for the fade that says so). States of their own
 * elements rather than classes on the card: the host reveals a prepared card by taking a class off it
 * directly, which a re-rendered class attribute would put back.
 */
function useScrollEdges(
  card: { current: HTMLElement | null },
  entry: Entry,
): { scrolled: boolean; moreBelow: boolean } {
  const [scrolled, setScrolled] = useState(false);
  const [more, setMore] = useState(false);
  useEffect(() => {
    const element = card.current;
    if (!element) return;
    const check = () => {
      setScrolled(element.scrollTop > 0);
      setMore(element.scrollTop + element.clientHeight < element.scrollHeight - 1);
    };
    // The host sets the card's height once it has found its place, so its size is watched too.
    const observer = new ResizeObserver(check);
    observer.observe(element);
    element.addEventListener("scroll", check, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", check);
    };
  }, [card, entry]);
  return { scrolled, moreBelow: more };
}

/** People's roles and years in office, with the ones held when the article was written marked. */
function Offices({ entry, published }: { entry: Entry; published: string | null }) {
  if (!entry.offices?.length) return null;
  return (
    <ul class="offices" aria-label={t("popoverOffices")}>
      {entry.offices.map((office) => {
        const then = published !== null && heldOn(office, published);
        return (
          <li key={office.role + office.from} class={then ? "then" : undefined}>
            <span class="role">{office.role}</span>
            <span class="span">
              {office.to
                ? t("popoverOfficeSpan", [formatDate(office.from), formatDate(office.to)])
                : t("popoverOfficeSince", formatDate(office.from))}
              {then && <span class="badge">{t("popoverOfficeThen")}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A compact timeline: every event since the article first, set apart (what the reader most needs),
 * then a few events before it up to the article's own date, marked.
 */
function Timeline({ entry, published }: { entry: Entry; published: string | null }) {
  const timeline = entry.timeline ?? [];
  if (timeline.length === 0) return null;
  const { earlier, omitted, since } = timelineAround(timeline, published, published ? 2 : 3);
  const event = (item: { date: string; text: string }, kind: string) => (
    <li key={item.date + item.text} class={kind}>
      <time dateTime={item.date}>{formatDate(item.date)}</time>
      <span>{item.text}</span>
    </li>
  );
  const heading = !published
    ? t("popoverLatest", formatDate(entry.reviewed))
    : t(since.length > 0 ? "popoverUpToArticle" : "popoverTimeline");
  return (
    <>
      {since.length > 0 && (
        <section class="timeline since" aria-labelledby="backstory-since">
          <h3 id="backstory-since">{t("popoverSinceArticle", formatDate(published ?? ""))}</h3>
          <ol>{since.map((item) => event(item, "after"))}</ol>
        </section>
      )}
      <section class="timeline" aria-labelledby="backstory-timeline">
        <h3 id="backstory-timeline">{heading}</h3>
        <ol>
          {omitted > 0 && <li class="omitted">{plural("popoverEarlierEvents", omitted)}</li>}
          {earlier.map((item) => event(item, "before"))}
          {published && (
            <li class="article">
              <time dateTime={published}>{formatDate(published)}</time>
              <span>{t("popoverThisArticle")}</span>
            </li>
          )}
          {published && since.length === 0 && <li class="quiet">{t("popoverNothingSince")}</li>}
        </ol>
      </section>
    </>
  );
}

function PinIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d="M6 1.5h4l-.6 4.2 2.6 2.3v1.5H8.7V15h-1.4V9.5H4V8l2.6-2.3z"
        fill="currentColor"
        stroke="currentColor"
        stroke-linejoin="round"
      />
    </svg>
  );
}
