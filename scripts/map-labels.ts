/**
 * Country names on a locator map: as many as fit, shaded countries first, none over the marker, the
 * inset globe or each other. Natural Earth's short map names ("Dem. Rep. Congo") keep them small.
 */
import { type GeoProjection, geoPath } from "d3-geo";
import type { Country } from "./map-atlas";

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Text as XML character data or a quoted attribute value. */
export const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&#39;");

const inside = (b: Box, frame: Box) =>
  b.x > frame.x && b.x + b.w < frame.x + frame.w && b.y > frame.y && b.y + b.h < frame.y + frame.h;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Names the countries with room for a name, largest first, skipping any that would collide. */
export function labels(
  countries: Country[],
  projection: GeoProjection,
  taken: Box[],
  shaded: Set<unknown>,
  frame: Box,
): string {
  const first = new Set(countries.filter((country) => shaded.has(country.feature)));
  const path = geoPath(projection);
  const placed: string[] = [];
  // Countries with room for a name: shaded ones first, then by how much of them shows.
  const rank = ({ country, area }: { country: Country; area: number }) =>
    area + (first.has(country) ? 1e6 : 0);
  const candidates = countries
    .map((country) => ({ country, area: path.area(country.feature) }))
    .filter(({ area }) => area > 700)
    .sort((a, b) => rank(b) - rank(a));
  for (const { country } of candidates) {
    const [x, y] = path.centroid(country.feature);
    const w = country.name.length * 6 + 4;
    // At the centre of what shows, or just below or above it when that spot is taken.
    const box = [0, 11, -11]
      .map((dy) => ({ x: x - w / 2, y: y + dy - 7, w, h: 11 }))
      .find((b) => inside(b, frame) && !taken.some((other) => overlaps(b, other)));
    if (!box) continue;
    taken.push(box);
    const strong = first.has(country) ? ` class='strong'` : "";
    placed.push(
      `<text${strong} x='${x.toFixed(1)}' y='${(box.y + 10).toFixed(1)}'>${escapeXml(country.name)}</text>`,
    );
    if (placed.length === 6) break;
  }
  return placed.join("");
}
