/**
 * Where a point is, in words: which country it lies in, which countries are near, and which part of
 * its country it is in. All measured on Natural Earth outlines, nothing looked up elsewhere.
 */
import { geoBounds, geoContains, geoDistance } from "d3-geo";
import type { Feature, Polygon } from "geojson";
import { type Atlas, type Country, countryAt, type Point } from "./map-atlas";

export const EARTH_KM = 6371;
/** A point this close to a country's outline counts as in it: 1:50m coastlines are that coarse. */
const COAST_KM = 15;

/** Names as a sentence says them: Natural Earth abbreviates for maps ("Dem. Rep. Congo"). */
const SPOKEN: Record<string, string> = {
  "Dem. Rep. Congo": "the Democratic Republic of the Congo",
  "Central African Rep.": "the Central African Republic",
  "S. Sudan": "South Sudan",
  "United States of America": "the United States",
  "United Arab Emirates": "the United Arab Emirates",
  "United Kingdom": "the United Kingdom",
  Philippines: "the Philippines",
  Netherlands: "the Netherlands",
  "West Bank": "the West Bank",
  "Gaza Strip": "the Gaza Strip",
  "Siachen Glacier": "the Siachen Glacier",
  "W. Sahara": "Western Sahara",
  "Eq. Guinea": "Equatorial Guinea",
  "Bosnia and Herz.": "Bosnia and Herzegovina",
  "Dominican Rep.": "the Dominican Republic",
  "N. Cyprus": "Northern Cyprus",
  Macedonia: "North Macedonia",
  Bahamas: "the Bahamas",
};

/** "Cayman Is." → "the Cayman Islands"; others from the table above, or as Natural Earth has them. */
export const spokenName = ({ name }: Country): string =>
  SPOKEN[name] ?? (name.endsWith(" Is.") ? `the ${name.replace(/ Is\.$/, " Islands")}` : name);

/** "A", "A and B", "A, B and C". */
export const list = (names: string[]): string =>
  names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

const unit = ([lon, lat]: Point): [number, number, number] => {
  const [l, p] = [(lon * Math.PI) / 180, (lat * Math.PI) / 180];
  return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)];
};

/** Each piece's vertices as unit vectors, so distances are dot products rather than trigonometry. */
const vectors = new WeakMap<Feature<Polygon>, Float64Array>();
function vectorsOf(part: Feature<Polygon>): Float64Array {
  let found = vectors.get(part);
  if (!found) {
    found = new Float64Array(part.geometry.coordinates.flat().flatMap((vertex) => unit(vertex as Point)));
    vectors.set(part, found);
  }
  return found;
}

/** Distance in km from the point to the nearest vertex of the pieces. */
function kmTo(point: Point, parts: Feature<Polygon>[]): number {
  const [x, y, z] = unit(point);
  let closest = -1;
  for (const part of parts) {
    const v = vectorsOf(part);
    for (let i = 0; i < v.length; i += 3)
      closest = Math.max(closest, x * (v[i] ?? 0) + y * (v[i + 1] ?? 0) + z * (v[i + 2] ?? 0));
  }
  return Math.acos(Math.min(1, closest)) * EARTH_KM;
}

/** Countries by distance from the point, leaving out one piece of land (the place itself). */
export function byDistance(atlas: Atlas, point: Point, skip?: Feature<Polygon>) {
  return atlas.countries
    .map((country) => {
      // Nothing 2,000 km away is "near"; the circle around a country rules most out at once.
      const { center, radius } = country.reach;
      if ((geoDistance(point, center) - radius) * EARTH_KM > 2000)
        return { country, km: Number.POSITIVE_INFINITY };
      return {
        country,
        km: kmTo(
          point,
          country.parts.filter((part) => part !== skip),
        ),
      };
    })
    .sort((a, b) => a.km - b.km);
}

/** The pieces of a country (islands, exclaves) within `km` of the point. */
export const partsNear = (country: Country, point: Point, km: number) =>
  country.parts.filter((part) => kmTo(point, [part]) < km);

/** The country around the point, or on whose coast it lies, and the piece of land it is on. */
export function homeOf(atlas: Atlas, point: Point): { country: Country; part: Feature<Polygon> } | undefined {
  const country = countryAt(atlas, point);
  if (country) return { country, part: country.parts.find((p) => geoContains(p, point)) as Feature<Polygon> };
  const [nearest] = byDistance(atlas, point);
  if (!nearest || nearest.km > COAST_KM) return undefined;
  const [part] = nearest.country.parts.map((p) => ({ p, km: kmTo(point, [p]) })).sort((a, b) => a.km - b.km);
  return { country: nearest.country, part: part?.p as Feature<Polygon> };
}

/** "north-western", "central"…: where the point sits in the bounding box of the country's mainland. */
export function direction(country: Country, [lon, lat]: Point): string {
  const [[west, south], [east, north]] = geoBounds(country.mainland);
  const span = east >= west ? east - west : east + 360 - west;
  // Measured from the middle, so an exclave beyond the western edge (Kaliningrad) reads as western.
  const offset = ((((lon - (west + span / 2)) % 360) + 540) % 360) - 180;
  const x = 0.5 + offset / span;
  const y = (lat - south) / (north - south);
  const ns = y > 2 / 3 ? "north" : y < 1 / 3 ? "south" : "";
  const ew = x > 2 / 3 ? "east" : x < 1 / 3 ? "west" : "";
  if (!ns && !ew) return "central";
  return ns && ew ? `${ns}-${ew}ern` : `${ns || ew}ern`;
}
