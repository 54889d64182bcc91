/**
 * The content script: marks glossary terms on the page and explains them on hover. Everything it
 * starts hangs on one AbortSignal, so switching Backstory off is one abort() and leaves the page as it was.
 */
import { findArticleRoot } from "../engine/article-root";
import type { Mark } from "../engine/marks";
import { warmUpCard } from "../popover/host";
import type { Settings } from "../shared/settings";
import { siteAllowed } from "../shared/sites";
import { loadSettings, watchSettings } from "../shared/storage";
import { readPublishedDate } from "./article-date";
import { Explainer } from "./explainer";
import { listenFirst, onWindow } from "./first-listen";
import { watchPointer } from "./hover";
import { type PageEntries, pageGlossary, watchPageGlossary } from "./page-glossary";
import { HIGHLIGHT_ACTIVE, HIGHLIGHT_FOR_STYLE, PageMarker } from "./page-marker";
import { forcedColors, isDarkPage, ON_DARK } from "./page-tone";
import { answerPageCalls, answerReaderCalls } from "./reader-calls";
import { watchTaps } from "./tap";

/** How long to wait for a page to finish parsing before marking what is there. */
const STALLED_MS = 3000;

let session: AbortController | null = null;
/** The tone the current session's marks are drawn in, and the article date they are read for. */
let drawnTone = "";
let drawnDate: string | null = null;

async function activate(settings: Settings): Promise<void> {
  if (session || !("highlights" in CSS)) return;
  session = new AbortController();
  const { signal } = session;
  // Bundled entries and the reader's own, as the background finds them in the page (see
  // page-glossary.ts). Where the background never answers, nothing is marked; the next change of
  // settings or glossaries tries again.
  const published = readPublishedDate(document);
  drawnDate = published;
  const glossary = pageGlossary(published);
  const { entries, scan } = glossary;
  const tone = pageTone();
  drawnTone = tone;
  const active = HIGHLIGHT_ACTIVE + tone;

  const setActive = (mark: Mark | null) => {
    if (mark) CSS.highlights.set(active, new Highlight(mark.range));
    else CSS.highlights.delete(active);
  };
  const explainer = new Explainer(
    (mark) => entries.id(mark.entry) ?? "",
    published,
    settings,
    setActive,
    signal,
  );
  const marker = new PageMarker(
    entries,
    scan,
    {
      firstOnly: !settings.everyOccurrence,
      findRoot: () => (settings.articleOnly ? findArticleRoot(document) : document.body),
      highlight: HIGHLIGHT_FOR_STYLE[settings.markingStyle] + tone,
      skip: hiddenBy(settings, entries),
      // Text the page removed: an explainer open on it closes, and lets go of it.
      onDropped: () => explainer.letGoOfRemoved(),
    },
    signal,
  );
  // A page with marks will likely open a card: do the slow parts of the first one while the page idles.
  void marker.markAll().then(() => marker.marks.size > 0 && whenIdle(warmUpCard, signal));
  watchPointer(marker.marks, settings.modifierKey, explainer, signal);
  watchTaps(marker.marks, explainer, signal);
  answerReaderCalls(glossary, marker, explainer, signal);
  onWindow<KeyboardEvent>("keydown", (event) => event.key === "Escape" && explainer.close(), signal);
  signal.addEventListener("abort", () => CSS.highlights.delete(active));
}

/** On a dark page, marks in colours that show on it (see page-tone.ts); in forced colours the browser chooses. */
function pageTone(): string {
  return isDarkPage(document) && !forcedColors() ? ON_DARK : "";
}

function whenIdle(task: () => void, signal: AbortSignal): void {
  const id = requestIdleCallback(task, { timeout: 5000 });
  signal.addEventListener("abort", () => cancelIdleCallback(id), { once: true });
}

/** Whether the reader hid an entry, by itself or by its category. */
function hiddenBy(settings: Settings, table: PageEntries): (entry: number) => boolean {
  const entries = new Set(settings.hiddenEntries);
  const categories = new Set(settings.hiddenCategories);
  // Most readers hide nothing: then the entries' ids and categories need not be read at all.
  return (entry) =>
    (entries.size > 0 && entries.has(table.id(entry) ?? "")) ||
    (categories.size > 0 && categories.has(table.category(entry) ?? ""));
}

function deactivate(): void {
  session?.abort();
  session = null;
}

async function main(): Promise<void> {
  // Any change of settings starts marking afresh with the new ones: no reload, nothing left behind.
  // Before anything is awaited: our window listeners go in ahead of the page's own (see first-listen.ts).
  listenFirst();
  let settings = await loadSettings();
  const apply = (next: Settings) => {
    settings = next;
    deactivate();
    if (settings.enabled && siteAllowed(settings, location.hostname)) void activate(settings);
  };
  answerPageCalls();
  const stalled = !(await pageParsed());
  apply(settings);
  watchSettings(apply, new AbortController().signal);
  // The reader's own glossaries changed in the options page: mark afresh with them, no reload.
  watchPageGlossary(() => void loadSettings().then(apply), new AbortController().signal);
  // A page that follows the system's light or dark mode turns with it, a site's own switch turns it
  // (a class or attribute on the root or the body), and high contrast may be turned on or off: marks
  // afresh in colours that show. A frame later, once the page's script has turned its theme, and once
  // however many attributes it changed.
  let looking = 0;
  const lookAgain = () => {
    if (looking) return;
    looking = requestAnimationFrame(() => {
      looking = 0;
      if (session && pageTone() !== drawnTone) apply(settings);
    });
  };
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", lookAgain);
  const themes = new MutationObserver(lookAgain);
  for (const element of [document.documentElement, document.body])
    if (element) themes.observe(element, { attributes: true });
  // A theme that fades in is looked at again once it has.
  document.addEventListener("transitionend", ({ target }) => {
    if (target === document.body || target === document.documentElement) lookAgain();
  });
  matchMedia("(forced-colors: active)").addEventListener("change", () => session && apply(settings));
  // A single-page site that moves to another article (a new address, its head rewritten) is marked
  // afresh as of that article's date, and its explainers count events from it. Until the head gives a
  // new date, each change to it is looked at: the address often changes first.
  let address = location.href;
  new MutationObserver(() => {
    if (!session || location.href === address || readPublishedDate(document) === drawnDate) return;
    address = location.href;
    apply(settings);
  }).observe(document.head ?? document.documentElement, { childList: true, subtree: true, attributes: true });
  // Started on a page held up mid-parse: once it does finish, find its article again and mark afresh.
  if (stalled) document.addEventListener("DOMContentLoaded", () => apply(settings), { once: true });
}

/**
 * Waits until the page's DOM is parsed (true), or gives up waiting after STALLED_MS (false): some pages
 * never finish parsing because a script they wait for never arrives (a blocked ad server, a closed
 * network), and their readers still deserve explainers for the text already there. Starting at
 * document_start and waiting here, rather than running at document_idle, is what lets Backstory work
 * on such pages at all; new text parsed later reaches the page marker as mutations.
 */
function pageParsed(): Promise<boolean> {
  if (document.readyState !== "loading") return Promise.resolve(true);
  return new Promise((done) => {
    document.addEventListener("DOMContentLoaded", () => done(true), { once: true });
    setTimeout(() => done(document.readyState !== "loading"), STALLED_MS);
  });
}

void main();
