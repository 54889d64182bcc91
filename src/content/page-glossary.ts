/**
 * The glossary a page is marked with: the bundled index joined with the reader's own when they have
 * one, as the background holds it. The background finds the terms in a page's text (see scanTexts)
 * and sends the page the rows of the entries it found there; the page holds only those. So a page
 * where no term occurs loads no glossary at all, and a 50,000-entry glossary costs a page no more
 * than the bundled one.
 */
import type { EntryRows, PageScanAnswer, ScanAnswer } from "../engine/text-scan";
import type { ContextRule, IndexEntry } from "../glossary/entry-table";
import type { Category } from "../glossary/schema";
import { extension } from "../shared/extension";
import { callBackground } from "../shared/messages";
import { watchReaderGlossaries } from "../shared/user-glossaries";

/** The entries found on a page so far, by their numbers in the background's index. */
export class PageEntries {
  private readonly rows = new Map<number, IndexEntry>();
  /** The context rules of those that have any, by entry number (see ContextWords). */
  readonly rules: Record<string, ContextRule> = {};

  add(rows: EntryRows): void {
    for (const [entry, row] of rows) {
      this.rows.set(entry, row);
      if (row.require || row.exclude) this.rules[entry] = row;
    }
  }

  /** The numbers of the entries held: the background sends their rows no more (scans made together may). */
  numbers(): number[] {
    return [...this.rows.keys()];
  }

  id(entry: number): string | undefined {
    return this.rows.get(entry)?.id;
  }

  title(entry: number): string | undefined {
    return this.rows.get(entry)?.title;
  }

  category(entry: number): Category | undefined {
    return this.rows.get(entry)?.category;
  }

  /** The number of the entry with this id, or -1 when the page holds none. */
  number(id: string): number {
    for (const [entry, row] of this.rows) if (row.id === id) return entry;
    return -1;
  }
}

export interface PageGlossary {
  entries: PageEntries;
  /** Finds the terms in some of the page's texts (see scanTexts); null once the entries are out of date. */
  scan: ScanTexts;
}

export type ScanTexts = (texts: string[]) => Promise<ScanAnswer | null>;

/** Asks for a scan of texts, saying which entries the page holds already. */
export type AskToScan = (texts: string[], held: number[]) => Promise<PageScanAnswer | null>;

/** Which version of the background's index a page's entries are from (null until it answers), and the entries. */
interface Held {
  version: string | null;
  entries: PageEntries;
}

let held: Held | null = null;
/** Told when the page's entries are out of date (see watchPageGlossary). */
let outOfDate: (() => void) | null = null;

/** The glossary for a page published on `published` (YYYY-MM-DD), or, when it does not say, today. */
export function pageGlossary(published: string | null): PageGlossary {
  return glossaryOfVersion((texts, version, numbers) => askToScan(texts, published, version, numbers));
}

/** Asks for a scan of texts, saying which version of the index the page's entries are from, if any. */
export type AskWithVersion = (
  texts: string[],
  version: string | null,
  held: number[],
) => Promise<PageScanAnswer | null>;

/**
 * The page's glossary, over answers of one version of the index: the first answer's. Sessions (a
 * change of settings starts one) share the entries until the index changes.
 */
export function glossaryOfVersion(ask: AskWithVersion): PageGlossary {
  held ??= { version: null, entries: new PageEntries() };
  const session = held;
  return glossaryOver(session.entries, async (texts, numbers) => {
    const answer = await ask(texts, session.version, numbers);
    // Answers from one version of the index only: another's entry numbers are not these.
    if (answer) session.version ??= answer.version;
    if (answer && answer.version === session.version) return answer;
    // The background's index changed with no change of the reader's glossaries seen here (its
    // storage failed a moment, say): start afresh, with entries from the new one.
    if (held === session) {
      held = null;
      outOfDate?.();
    }
    return null;
  });
}

/** A glossary whose entries are the rows the answers to `ask` bring. */
export function glossaryOver(entries: PageEntries, ask: AskToScan): PageGlossary {
  const scan = async (texts: string[]) => {
    const answer = await ask(texts, entries.numbers());
    if (answer) entries.add(answer.rows);
    return answer;
  };
  return { entries, scan };
}

/**
 * Calls back after the reader's glossaries changed, or the background's index turned out not to be
 * the one the page's entries came from, with the next pageGlossary() starting afresh.
 */
export function watchPageGlossary(callback: () => void, signal: AbortSignal): void {
  const changed = () => {
    held = null;
    callback();
  };
  outOfDate = callback;
  signal.addEventListener("abort", () => {
    if (outOfDate === callback) outOfDate = null;
  });
  watchReaderGlossaries(extension.storage.onChanged, changed, signal);
}

/**
 * The terms in texts, found by the background. Right after the browser starts, a restored tab can ask
 * before the background listens ("Receiving end does not exist"), and Chromium stops an idle
 * background: ask again for a few seconds before giving up on these texts.
 */
async function askToScan(
  texts: string[],
  published: string | null,
  version: string | null,
  numbers: number[],
): Promise<PageScanAnswer | null> {
  for (let wait = 100; ; wait *= 2) {
    try {
      return await callBackground("scanTexts", texts, published, version, numbers);
    } catch (error) {
      if (wait > 3200) throw error;
    }
    await new Promise((done) => setTimeout(done, wait));
  }
}
