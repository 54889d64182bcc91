/** Instant search over every glossary entry by title, alias and summary, best matches first. */
import { aliasText, type Entry } from "../glossary/schema";

/** Lower-case, without accents or runs of space, so "Dnipro" finds "Dnípro". */
export function normalise(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

interface Searchable {
  entry: Entry;
  title: string;
  aliases: string[];
  summary: string;
}

export function searchable(entries: readonly Entry[]): Searchable[] {
  return entries.map((entry) => ({
    entry,
    title: normalise(entry.title),
    aliases: entry.aliases.map((alias) => normalise(aliasText(alias))),
    summary: normalise(entry.summary),
  }));
}

/**
 * Entries matching every word of the query, ranked: title starts with it, title holds it, an alias
 * holds it, then only the summary. An empty query lists every entry by title.
 */
export function searchEntries(items: readonly Searchable[], query: string): Entry[] {
  const wanted = normalise(query);
  const byTitle = (a: Searchable, b: Searchable) => a.title.localeCompare(b.title);
  if (!wanted) return [...items].sort(byTitle).map((item) => item.entry);
  const words = wanted.split(" ");
  const rank = (item: Searchable): number => {
    const haystack = `${item.title} ${item.aliases.join(" ")} ${item.summary}`;
    if (!words.every((word) => haystack.includes(word))) return -1;
    if (item.title.startsWith(wanted)) return 0;
    if (item.title.includes(wanted)) return 1;
    if (item.aliases.some((alias) => alias.includes(wanted))) return 2;
    return 3;
  };
  return items
    .map((item) => ({ item, rank: rank(item) }))
    .filter(({ rank }) => rank >= 0)
    .sort((a, b) => a.rank - b.rank || byTitle(a.item, b.item))
    .map(({ item }) => item.entry);
}
