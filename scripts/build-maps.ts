/**
 * Build step: draws a locator map for every glossary entry with coordinates and writes them, id →
 * SVG string, to src/glossary/generated/maps.json. The background hands one to the popover on request,
 * so the content script carries neither map code nor map data.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Entry } from "../src/glossary/schema";
import { loadAtlas } from "./map-atlas";
import { placeOf } from "./map-place";
import { renderMap } from "./map-svg";

/** Every entry's map, by id. */
export function buildMaps(entries: readonly Entry[]): Record<string, string> {
  const atlas = loadAtlas();
  const maps: Record<string, string> = {};
  for (const entry of entries) {
    const { coordinates } = entry;
    if (coordinates) maps[entry.id] = renderMap(atlas, placeOf(atlas, { ...entry, coordinates }));
  }
  return maps;
}

/** Writes maps.json into `out` and says how big the maps came to. */
export function writeMaps(entries: readonly Entry[], out: string): void {
  const maps = buildMaps(entries);
  const json = JSON.stringify(maps);
  writeFileSync(join(out, "maps.json"), json);
  const kB = (Buffer.byteLength(json) / 1024).toFixed(0);
  console.log(`Locator maps drawn: ${Object.keys(maps).length}, ${kB} kB.`);
}
