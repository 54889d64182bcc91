/**
 * Decides what an entry's locator map shows: the shapes to shade, the area to frame, and the sentence
 * that describes it. Everything comes from the entry's coordinates and facts and from Natural Earth;
 * where those cannot settle a question (disputed ground, open water) the map names no owner.
 */
import { geoCircle } from "d3-geo";
import type { Feature, FeatureCollection, Polygon } from "geojson";
import type { Entry } from "../src/glossary/schema";
import type { Atlas, Country, Point } from "./map-atlas";
import { byDistance, direction, EARTH_KM, homeOf, list, partsNear, spokenName } from "./map-nearby";

/** Entries whose map is not simply "this place, in the country around it". */
type Special =
  /** Shade nothing and name no owner: disputed ground, or open water. View radius in degrees. */
  | { kind: "area"; radius: number; aroundFact?: string }
  /** Shade only the piece of land around the point, and name no owner. */
  | { kind: "part"; nearbyKm: number }
  /** Shade several countries: named by a fact of the entry, or listed here. */
  | { kind: "group"; fact?: string; countries?: string[]; shownAs: string };

const SPECIAL: Record<string, Special> = {
  "golan-heights": { kind: "area", radius: 1.6 },
  jerusalem: { kind: "area", radius: 1.2 },
  kashmir: { kind: "area", radius: 3 },
  "line-of-control": { kind: "area", radius: 3 },
  "senkaku-islands": { kind: "area", radius: 5 },
  "south-china-sea": { kind: "area", radius: 12, aroundFact: "Claimants" },
  "strait-of-hormuz": { kind: "area", radius: 3 },
  "taiwan-strait": { kind: "area", radius: 3 },
  "nord-stream": { kind: "area", radius: 4 },
  crimea: { kind: "part", nearbyKm: 250 },
  "baltic-states": { kind: "group", fact: "Countries", shownAs: "" },
  sahel: { kind: "group", fact: "Often counted in it", shownAs: "the countries often counted in it: " },
  // The glossary says only "15 at its dissolution"; these are those 15 republics, today's states.
  "soviet-union": {
    kind: "group",
    shownAs: "the 15 countries that were its republics: ",
    countries:
      "Russia Ukraine Belarus Moldova Estonia Latvia Lithuania Georgia Armenia Azerbaijan Kazakhstan Uzbekistan Turkmenistan Kyrgyzstan Tajikistan".split(
        " ",
      ),
  },
};

export interface Place {
  point: Point;
  /** Shaded as the place itself or the country it lies in. */
  shade: FeatureCollection | null;
  /** The area the view is fitted to. */
  frame: FeatureCollection | Feature;
  /** Whether the view may close in on the point when the frame is a whole big country. */
  narrowable: boolean;
  /** Whether the shading is the place itself (a country, a territory), so the marker can step back. */
  shaped: boolean;
  /** The text alternative. */
  description: string;
}

type Located = Entry & { coordinates: { lat: number; lon: number } };

const collection = (features: Feature[]): FeatureCollection => ({ type: "FeatureCollection", features });
const normalise = (name: string) =>
  name
    .toLowerCase()
    .replace(/^the /, "")
    .replace(/\s*\(.*\)$/, "");
const factOf = (entry: Entry, label?: string) => entry.facts?.find((fact) => fact.label === label)?.value;

/** The closest countries, up to three: within `km`, or else about as close as the closest. */
function nearby(
  atlas: Atlas,
  point: Point,
  { skip, exclude, km }: { skip?: Feature<Polygon>; exclude?: Country; km?: number },
) {
  const sorted = byDistance(atlas, point, skip).filter((c) => c.country !== exclude);
  const nearest = sorted[0]?.km ?? 0;
  const limit = km ?? Math.max(2 * nearest, nearest + 60);
  const close = sorted.filter((c) => c.km <= limit).slice(0, 3);
  return list(close.map((c) => spokenName(c.country)));
}

function area(atlas: Atlas, entry: Located, point: Point, special: Special & { kind: "area" }): Place {
  const around = factOf(entry, special.aroundFact);
  const km = (special.radius * Math.PI * EARTH_KM) / 180;
  const description = around
    ? `Map: ${entry.title}, with ${around} around it.`
    : `Map: ${entry.title}, with ${nearby(atlas, point, { km })} nearby.`;
  const frame: Feature = {
    type: "Feature",
    properties: {},
    geometry: geoCircle().center(point).radius(special.radius)(),
  };
  return { point, shade: null, frame, narrowable: false, shaped: false, description };
}

function group(atlas: Atlas, entry: Located, point: Point, special: Special & { kind: "group" }): Place {
  // A fact lists "Estonia (Tallinn), Latvia (Riga)" or "Mali, Niger and Chad"; "northern Nigeria" is no match.
  const fact = factOf(entry, special.fact) ?? "";
  const named = special.countries ?? fact.split(/,| and /).map((item) => item.replace(/\(.*?\)/g, "").trim());
  const countries = named.flatMap((name) => atlas.countries.filter((country) => country.name === name));
  if (countries.length === 0) throw new Error(`${entry.id}: no countries found for its map`);
  const shade = collection(countries.map((c) => c.feature));
  const description = `Map: ${entry.title}, shown as ${special.shownAs}${list(countries.map(spokenName))}.`;
  return { point, shade, frame: shade, narrowable: false, shaped: true, description };
}

/** Works out what the map of `entry` shows. */
export function placeOf(atlas: Atlas, entry: Located): Place {
  const point: Point = [entry.coordinates.lon, entry.coordinates.lat];
  const special = SPECIAL[entry.id];
  if (special?.kind === "area") return area(atlas, entry, point, special);
  if (special?.kind === "group") return group(atlas, entry, point, special);
  const home = homeOf(atlas, point);
  if (!home)
    throw new Error(`${entry.id}: no country at ${point}; fix its coordinates or give it a special case`);
  const { country, part } = home;
  const map = `Map: ${entry.title}`;
  if (special?.kind === "part") {
    const description = `${map}, with ${nearby(atlas, point, { skip: part, km: special.nearbyKm })} nearby.`;
    return { point, shade: collection([part]), frame: part, narrowable: false, shaped: true, description };
  }
  const shade = collection([country.feature]);
  const name = spokenName(country);
  if (normalise(entry.title) === normalise(name)) {
    // A country: frame its mainland and the islands near it, and name what borders it.
    const borders = byDistance(atlas, point)
      .map((c) => c.country)
      .filter((c) => country.neighbours.some((i) => atlas.countries[i] === c));
    const around =
      borders.length > 0
        ? `bordered by ${list(borders.map(spokenName))}`
        : `with ${nearby(atlas, point, { exclude: country })} nearby`;
    const frame = collection(partsNear(country, point, 1500));
    return { point, shade, frame, narrowable: false, shaped: true, description: `${map}, ${around}.` };
  }
  const closest = byDistance(atlas, point).find((c) => c.country !== country);
  const near = closest && closest.km < 60 ? `, near ${spokenName(closest.country)}` : "";
  // "in the eastern United States", "in north-western Syria"
  const where = `${name.startsWith("the ") ? "the " : ""}${direction(country, point)} ${name.replace(/^the /, "")}`;
  return {
    point,
    shade,
    frame: part,
    narrowable: true,
    shaped: false,
    description: `${map}, in ${where}${near}.`,
  };
}
