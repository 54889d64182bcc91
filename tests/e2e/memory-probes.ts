/** Readings of Backstory's marks that the page itself could take (serialised by the driver). */

/**
 * The ranges in Backstory's highlights (every marking style, and the open term's), and how many of
 * them lie on text the page has removed: those would be memory held for content that is gone.
 */
export function highlightRanges(): { ranges: number; detached: number } {
  let ranges = 0;
  let detached = 0;
  for (const name of [
    "backstory",
    "backstory-solid",
    "backstory-tint",
    "backstory-none",
    "backstory-active",
  ]) {
    for (const range of CSS.highlights.get(name) ?? []) {
      ranges++;
      const { startContainer, endContainer } = range as StaticRange;
      if (!startContainer.isConnected || !endContainer.isConnected) detached++;
    }
  }
  return { ranges, detached };
}
