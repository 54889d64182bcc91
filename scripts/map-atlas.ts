/**
 * The world as the locator maps draw it: Natural Earth 1:50m countries (via world-atlas) for the
 * regional view, 1:110m land for the inset globe, with a little bookkeeping per country.
 */
import { createRequire } from "node:module";
import { geoArea, geoCentroid, geoContains, geoDistance } from "d3-geo";
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from "geojson";
import { feature, merge, mesh, neighbors } from "topojson-client";
import type {
  GeometryCollection,
  Topology,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
} from "topojson-specification";

export type Point = [number, number];
type Countries = GeometryCollection<{ name: string }>;
/** Natural Earth countries are all polygons or multipolygons. */
type Shapes = (TopoPolygon | TopoMultiPolygon)[];

export interface Country {
  /** The Natural Earth map name, e.g. "Dem. Rep. Congo". */
  name: string;
  feature: Feature<Polygon | MultiPolygon>;
  /** Each separate piece of land: mainland, islands, exclaves. */
  parts: Feature<Polygon>[];
  /** The largest piece, the one "north-western" and "central" refer to. */
  mainland: Feature<Polygon>;
  reach: Reach;
  /** Indexes of the countries it shares a land border with. */
  neighbours: number[];
}

/** A circle around a shape (centre, radius in radians), to leave out far shapes quickly. */
export interface Reach {
  center: Point;
  radius: number;
}

export interface Atlas {
  countries: Country[];
  /** The land of the countries that may show in a view of `radius` radians around `center`. */
  landNear: (center: Point, radius: number) => MultiPolygon;
  /** Land borders between countries, each drawn once. */
  borders: { line: LineString; reach: Reach }[];
  /** Coarser land for the inset globe. */
  globe: FeatureCollection;
}

function reachOf(shape: Polygon | MultiPolygon | LineString): Reach {
  const points = (
    shape.type === "LineString" ? shape.coordinates : shape.coordinates.flat(shape.type === "Polygon" ? 1 : 2)
  ) as Point[];
  const center = geoCentroid(shape) as Point;
  return { center, radius: Math.max(...points.map((point) => geoDistance(center, point))) };
}

/** Whether a shape may show in a view of `radius` radians around `center`. */
export const inView = (reach: Reach, center: Point, radius: number): boolean =>
  geoDistance(reach.center, center) - reach.radius < radius;

const require = createRequire(import.meta.url);

/**
 * Natural Earth 4.1 draws Crimea as part of Russia. Backstory describes it as most states recognise
 * it (see the crimea entry and UN General Assembly resolution 68/262), so the peninsula moves to
 * Ukraine, and with it the line across the Perekop isthmus stops being drawn as a border.
 */
function crimeaToUkraine(topology: Topology<{ countries: Countries }>): void {
  const geometries = topology.objects.countries.geometries;
  const named = (name: string) => geometries.find((g) => nameOf(g) === name);
  const russia = named("Russia") as TopoMultiPolygon;
  const ukraine = named("Ukraine") as TopoMultiPolygon;
  const simferopol: Point = [34.1, 44.95];
  const index = russia.arcs.findIndex((arcs) =>
    geoContains(feature(topology, { type: "Polygon", arcs }), simferopol),
  );
  if (index < 0 || ukraine?.type !== "MultiPolygon") throw new Error("Crimea is not where it was expected");
  ukraine.arcs.push(...russia.arcs.splice(index, 1));
}

/**
 * Natural Earth draws the West Bank and the Gaza Strip as one country, "Palestine". The glossary
 * names them apart, so the maps do too: the same outlines, each under its own name.
 */
function splitPalestine(topology: Topology<{ countries: Countries }>): void {
  const geometries = topology.objects.countries.geometries;
  const palestine = geometries.find((g) => nameOf(g) === "Palestine") as TopoMultiPolygon;
  const gazaCity: Point = [34.45, 31.5];
  const gaza = palestine.arcs.findIndex((arcs) =>
    geoContains(feature(topology, { type: "Polygon", arcs }), gazaCity),
  );
  if (gaza < 0 || palestine.arcs.length !== 2) throw new Error("Palestine is not drawn as expected");
  const [gazaArcs] = palestine.arcs.splice(gaza, 1) as [number[][]];
  palestine.properties = { name: "West Bank" };
  geometries.push({ type: "Polygon", arcs: gazaArcs, properties: { name: "Gaza Strip" } });
}

const nameOf = (geometry: { properties?: object }): string =>
  (geometry.properties as { name?: string } | undefined)?.name ?? "";

function partsOf(shape: Feature<Polygon | MultiPolygon>): Feature<Polygon>[] {
  const polygons =
    shape.geometry.type === "Polygon" ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  return polygons.map((coordinates) => ({
    type: "Feature",
    properties: {},
    geometry: { type: "Polygon", coordinates },
  }));
}

/** Natural Earth as world-atlas ships it, with the two changes above; loaded once per build. */
export function loadAtlas(): Atlas {
  const world = require("world-atlas/countries-50m.json") as Topology<{ countries: Countries }>;
  const topology = structuredClone(world);
  crimeaToUkraine(topology);
  splitPalestine(topology);
  const collection = topology.objects.countries;
  const adjacency = neighbors(collection.geometries);
  const countries = collection.geometries.map((geometry, i): Country => {
    const shape = feature(topology, geometry) as Feature<Polygon | MultiPolygon>;
    const parts = partsOf(shape);
    const areas = parts.map((part) => geoArea(part));
    const mainland = parts[areas.indexOf(Math.max(...areas))] as Feature<Polygon>;
    const neighbours = (adjacency[i] ?? []).filter((j) => j !== i);
    const name = nameOf(geometry);
    return { name, feature: shape, parts, mainland, reach: reachOf(shape.geometry), neighbours };
  });
  const borders = mesh(topology, collection, (a, b) => a !== b);
  const globeWorld = require("world-atlas/land-110m.json") as Topology;
  return {
    countries,
    // Merging only the countries near the view is much faster than clipping the whole world's land.
    landNear: (center, radius) =>
      merge(
        topology,
        collection.geometries.filter((_, i) =>
          inView((countries[i] as Country).reach, center, radius),
        ) as Shapes,
      ),
    borders: borders.coordinates.map((coordinates) => {
      const line: LineString = { type: "LineString", coordinates };
      return { line, reach: reachOf(line) };
    }),
    globe: feature(globeWorld, globeWorld.objects.land as GeometryCollection),
  };
}

/** The country whose outline contains the point, if any. */
export function countryAt(atlas: Atlas, point: Point): Country | undefined {
  return atlas.countries.find(
    (country) => inView(country.reach, point, 0) && geoContains(country.feature, point),
  );
}
