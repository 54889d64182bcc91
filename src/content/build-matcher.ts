/** Builds a matcher a slice at a time, so even a 50,000-term glossary never blocks the page. */
import type { IndexAlias } from "../engine/matcher";
import { Matcher } from "../engine/matcher";
import { Slicer } from "./slicer";

export async function buildMatcher(aliases: readonly IndexAlias[]): Promise<Matcher> {
  const matcher = new Matcher();
  const slicer = new Slicer();
  for (const alias of aliases) {
    matcher.add(alias);
    await slicer.pause();
  }
  return matcher;
}
