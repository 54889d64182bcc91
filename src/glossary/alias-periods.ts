/**
 * Aliases that name an entry only in articles published in a period (see Alias in schema.ts): "Pope
 * Leo" is Leo XIV only from the day he took the name. The background hands each page the index with
 * the aliases outside the page's date switched off, so the content script carries none of this.
 */
import type { CompiledIndex } from "./compile";
import type { Alias } from "./schema";

/** An alias's first day and the day it stops applying (YYYY-MM-DD), "" where it has no limit. */
export type Period = [since: string, before: string];

/** Whether date is in period: on or after its first day, and before the day it stops. */
export function inPeriod([since, before]: Period, date: string): boolean {
  return (!since || date >= since) && (!before || date < before);
}

/** An alias's period; ["", ""] for an alias of every time. */
export function periodOf(alias: Alias): Period {
  return typeof alias === "string" ? ["", ""] : [alias.since ?? "", alias.before ?? ""];
}

/** Today as YYYY-MM-DD: the date of a page that does not say when it was published. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** The numbers of the aliases a page published on date has switched off. */
function switchedOff(index: CompiledIndex, date: string): string[] {
  return Object.entries(index.periods ?? {})
    .filter(([, period]) => !inPeriod(period, date))
    .map(([n]) => n);
}

/**
 * The index as a page published on date marks with: each alias outside its period gets the exact
 * text "", which no text's letter case matches (see acceptedEntries), so it is never found and a
 * shorter alias inside it still can be. The index itself when no alias is switched off.
 */
export function indexOnDate(index: CompiledIndex, date: string): CompiledIndex {
  const off = switchedOff(index, date);
  if (off.length === 0) return index;
  const exact = { ...index.aliases.exact };
  for (const n of off) exact[n] = "";
  return { ...index, aliases: { ...index.aliases, exact } };
}

/** Which aliases a page published on date has switched off, as a key: pages with the same key share an index. */
export const periodKey = (index: CompiledIndex, date: string): string => switchedOff(index, date).join(",");
