/**
 * Glossaries readers subscribe to by URL: fetched when they subscribe, then daily from the background
 * (alarms). A fetch that fails or returns garbage records the error and keeps the entries of the last
 * good one. The fetch function is passed in so tests can stub the network.
 */
import { checkImportSize, parseImport } from "../glossary/import";
import { type Message, message, type Problem, problem } from "../glossary/problems";
import { type ReaderGlossary, takenIds } from "../glossary/reader-glossary";
import type { Entry } from "../glossary/schema";
import type { ReaderGlossaryStore } from "./user-glossaries";

export const SUBSCRIPTION_ALARM = "backstory-subscriptions";
export const UPDATE_MINUTES = 24 * 60;

/**
 * A glossary served from the reader's own machine over plain http (http://127.0.0.1 or localhost):
 * what glossary authors and Backstory's own end-to-end tests use before publishing over https. Any
 * other http address is refused.
 */
const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;

/** Why this URL cannot be subscribed to, or null. */
export function subscriptionUrlProblem(url: string): Problem | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return problem(undefined, message("problemNotAUrl", url));
  }
  if (parsed.protocol === "https:" || LOOPBACK_HTTP.test(parsed.href)) return null;
  return problem(url, message("problemSubscriptionHttps"));
}

/** The permission pattern for a URL's origin: the only host Backstory asks for, and only then. */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** Fetches and checks a glossary: every entry must be valid, as for an imported file. */
export async function fetchGlossary(
  url: string,
  taken: ReadonlyMap<string, Message>,
  today: string,
  fetchFn: Fetch,
): Promise<{ ok: true; entries: Entry[] } | { ok: false; error: Problem }> {
  const refused = subscriptionUrlProblem(url);
  if (refused) return { ok: false, error: refused };
  let text: string;
  try {
    const response = await fetchFn(url, {
      credentials: "omit",
      cache: "no-cache",
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      const status = `${response.status} ${response.statusText}`.trim();
      return { ok: false, error: problem(url, message("problemServerAnswered", status)) };
    }
    const tooBig = checkImportSize(url, Number(response.headers.get("content-length") ?? 0));
    if (tooBig) return { ok: false, error: tooBig };
    text = await response.text();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: problem(url, message("problemFetchFailed", detail)) };
  }
  const result = parseImport(url, text, { taken, today });
  if (!result.ok) return result;
  if (result.kind !== "entries") return { ok: false, error: problem(url, message("problemIsExport")) };
  const [first] = result.invalid;
  if (first) {
    const count = String(result.invalid.length);
    const what = message("problemSubscriptionInvalid", count, String(result.total), first);
    return { ok: false, error: problem(undefined, what) };
  }
  if (result.entries.length === 0) return { ok: false, error: problem(url, message("problemNoEntries")) };
  return { ok: true, entries: result.entries };
}

/** Fetches one subscription (or every one) and stores the outcome; failures keep the previous entries. */
export async function refreshSubscriptions(
  store: ReaderGlossaryStore,
  bundledIds: Iterable<string>,
  fetchFn: Fetch,
  only?: string,
  now = new Date(),
): Promise<void> {
  const glossaries = await store.load();
  const outcomes = new Map<string, ReaderGlossary>();
  for (const glossary of glossaries) {
    if (glossary.source.kind !== "subscription" || (only && glossary.id !== only)) continue;
    const result = await fetchGlossary(
      glossary.source.url,
      takenIds(bundledIds, glossaries, glossary.id),
      now.toISOString().slice(0, 10),
      fetchFn,
    );
    outcomes.set(
      glossary.id,
      result.ok
        ? {
            ...glossary,
            entries: result.entries,
            source: { kind: "subscription", url: glossary.source.url, lastUpdate: now.toISOString() },
          }
        : { ...glossary, source: { ...glossary.source, lastError: result.error } },
    );
  }
  if (outcomes.size === 0) return;
  // Re-read, so a glossary the reader removed meanwhile is not brought back.
  await store.update((current) => current.map((glossary) => outcomes.get(glossary.id) ?? glossary));
}
