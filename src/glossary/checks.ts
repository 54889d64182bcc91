/**
 * Checks the bundled glossary the way code is checked: beyond the schema, things that only make
 * sense across entries or against the calendar. Each problem names the file, the entry and the field.
 */
import { foldAlias } from "../engine/fold";
import { type Period, periodOf } from "./alias-periods";
import { notWithinFault } from "./not-within";
import { aliasText, type Entry, isCaseSensitive, validateGlossary } from "./schema";

export interface GlossaryFile {
  name: string;
  text: string;
}

export interface CheckResult {
  entries: Entry[];
  problems: string[];
}

/** The one canonical text of a glossary file: entries sorted by id, two-space JSON. */
export function canonicalText(entries: readonly unknown[]): string {
  const sorted = [...entries].sort((a, b) => String((a as Entry).id).localeCompare(String((b as Entry).id)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

export function checkGlossary(
  files: readonly GlossaryFile[],
  commonWords: ReadonlySet<string>,
  today: string,
): CheckResult {
  const problems: string[] = [];
  const entries: Entry[] = [];
  const fileOf = new Map<string, string>();

  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(file.text);
    } catch (error) {
      problems.push(`${file.name}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const result = validateGlossary(data);
    if (!result.ok) {
      problems.push(...result.errors.map((error) => `${file.name}: ${error}`));
      continue;
    }
    if (canonicalText(data as unknown[]) !== file.text) {
      problems.push(`${file.name}: not in canonical form (run: npm run glossary -- format)`);
    }
    for (const entry of result.entries) {
      if (fileOf.has(entry.id)) {
        problems.push(`${file.name}: ${entry.id}: id already used in ${fileOf.get(entry.id)}`);
        continue;
      }
      fileOf.set(entry.id, file.name);
      entries.push(entry);
    }
  }

  const where = (entry: Entry) => `${fileOf.get(entry.id)}: ${entry.id}`;
  const owners = new Map<string, { entry: Entry; period: Period }[]>();
  for (const entry of entries) {
    const seen = new Set<string>();
    for (const alias of entry.aliases) {
      const written = aliasText(alias);
      const folded = foldAlias(written);
      // Case-sensitive spellings may differ only in case ("NATO" and "Nato", but not "nato" in Italian).
      const cased = isCaseSensitive(alias);
      const key = cased ? `${folded}:${written}` : folded;
      if (seen.has(key) || (cased && seen.has(folded))) {
        problems.push(`${where(entry)} › aliases: "${written}" is listed twice`);
      }
      seen.add(key);
      const owner = { entry, period: periodOf(alias) };
      if (!owners.get(folded)?.some((other) => other.entry === entry))
        owners.set(folded, [...(owners.get(folded) ?? []), owner]);
      const gated = cased || entry.context?.require !== undefined;
      if (!gated && commonWords.has(folded)) {
        problems.push(
          `${where(entry)} › aliases: "${written}" is a common English word; make it case-sensitive or add context words`,
        );
      }
      if (!/^[\p{L}\p{N}]/u.test(written)) {
        problems.push(`${where(entry)} › aliases: "${written}" must start with a letter or digit`);
      }
    }
    for (const name of entry.notWithin ?? []) {
      const fault = notWithinFault(entry.aliases, name);
      if (fault === "own") {
        problems.push(`${where(entry)} › notWithin: "${name}" is one of the entry's own aliases`);
      } else if (fault === "none") {
        problems.push(
          `${where(entry)} › notWithin: "${name}" holds none of the entry's aliases as whole words`,
        );
      }
    }
    for (const id of entry.related ?? []) {
      if (!fileOf.has(id)) problems.push(`${where(entry)} › related: no entry has the id "${id}"`);
      if (id === entry.id) problems.push(`${where(entry)} › related: an entry cannot relate to itself`);
    }
    if (entry.reviewed > today)
      problems.push(`${where(entry)} › reviewed: ${entry.reviewed} is in the future`);
    for (const event of entry.timeline ?? []) {
      if (event.date > today) problems.push(`${where(entry)} › timeline: ${event.date} is in the future`);
    }
  }

  for (const [folded, sharing] of owners) {
    const untold = sharing.filter(({ entry }) => !entry.context?.require && !entry.context?.exclude);
    // Entries may share an alias in periods that do not meet ("Israel-Iran war" before and since 2026).
    const clash = untold.find((one, n) =>
      untold.slice(n + 1).some((other) => overlap(one.period, other.period)),
    );
    if (clash) {
      problems.push(
        `alias "${folded}" belongs to ${untold.map(({ entry }) => where(entry)).join(" and ")}; give them context words or periods to tell them apart`,
      );
    }
  }
  return { entries, problems };
}

/** Whether two periods share a day ("" is no limit; before is the first day after). */
function overlap([since1, before1]: Period, [since2, before2]: Period): boolean {
  return (!before2 || !since1 || since1 < before2) && (!before1 || !since2 || since2 < before1);
}
