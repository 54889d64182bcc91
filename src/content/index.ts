/**
 * The content script: marks glossary terms on the page and explains them on hover. Everything it
 * starts hangs on one AbortSignal, so switching Backstory off is one abort() and leaves the page as it was.
 */
import { findArticleRoot } from "../engine/article-root";
import type { Mark } from "../engine/marks";
import type { Settings } from "../shared/settings";
import { loadSettings, watchSettings } from "../shared/storage";
import { readPublishedDate } from "./article-date";
import { Explainer } from "./explainer";
import { watchPointer } from "./hover";
import { pageGlossary, watchPageGlossary } from "./page-glossary";
import { PageMarker } from "./page-marker";
import { answerReaderCalls } from "./reader-calls";

const ACTIVE = "backstory-active";

let session: AbortController | null = null;

async function activate(settings: Settings): Promise<void> {
  if (session || !("highlights" in CSS)) return;
  session = new AbortController();
  const { signal } = session;
  // Bundled entries and the reader's own (see page-glossary.ts).
  const { index, matcher } = await pageGlossary();
  if (signal.aborted) return;
  const marker = new PageMarker(
    index,
    matcher,
    { firstOnly: !settings.everyOccurrence, findRoot: () => findArticleRoot(document) },
    signal,
  );
  void marker.markAll();

  const setActive = (mark: Mark | null) => {
    if (mark) CSS.highlights.set(ACTIVE, new Highlight(mark.range));
    else CSS.highlights.delete(ACTIVE);
  };
  const titles = new Map(index.entries.map((entry) => [entry.id, entry.title]));
  const explainer = new Explainer(
    (mark) => index.entries[mark.entry]?.id ?? "",
    (id) => titles.get(id),
    readPublishedDate(document),
    settings,
    setActive,
    signal,
  );
  watchPointer(marker.marks, (sample) => explainer.onPointer(sample), signal);
  answerReaderCalls(index, matcher, marker, explainer, signal);
  window.addEventListener("keydown", (event) => event.key === "Escape" && explainer.close(), {
    capture: true,
    signal,
  });
  signal.addEventListener("abort", () => CSS.highlights.delete(ACTIVE));
}

function deactivate(): void {
  session?.abort();
  session = null;
}

async function main(): Promise<void> {
  // Any change of settings starts marking afresh with the new ones: no reload, nothing left behind.
  const apply = (settings: Settings) => {
    deactivate();
    if (settings.enabled) void activate(settings);
  };
  apply(await loadSettings());
  watchSettings(apply, new AbortController().signal);
  // The reader's own glossaries changed in the options page: mark afresh with them, no reload.
  watchPageGlossary(() => void loadSettings().then(apply), new AbortController().signal);
}

void main();
