/**
 * Whether a name an entry's aliases stand within (notWithin, see schema.ts) can do its job: it must
 * hold one of the entry's aliases as whole words ("Michelle Obama" holds "Obama") and be none of them.
 */
import { foldAlias, isWordCode } from "../engine/fold";
import { type Message, message } from "./problems";
import { type Alias, aliasText } from "./schema";

/** What is wrong with name for an entry with these aliases: "own" alias, "none" held, or null. */
export function notWithinFault(aliases: readonly Alias[], name: string): "own" | "none" | null {
  const folded = foldAlias(name);
  const own = aliases.map((alias) => foldAlias(aliasText(alias)));
  if (own.includes(folded)) return "own";
  return own.some((alias) => standsWithin(alias, folded)) ? null : "none";
}

/** Whether alias stands in name as whole words (both folded): "obama" in "michelle obama". */
function standsWithin(alias: string, name: string): boolean {
  for (let at = name.indexOf(alias); at >= 0; at = name.indexOf(alias, at + 1)) {
    const end = at + alias.length;
    const before = at === 0 || !isWordCode(name.charCodeAt(at - 1));
    if (before && (end === name.length || !isWordCode(name.charCodeAt(end)))) return true;
  }
  return false;
}

/** notWithinFault as a reader's problem (the importer's and the entry form's), or null. */
export function notWithinProblem(aliases: readonly Alias[], name: string): Message | null {
  const fault = notWithinFault(aliases, name);
  if (!fault) return null;
  return message(fault === "own" ? "problemNotWithinOwn" : "problemNotWithinNone", name);
}
