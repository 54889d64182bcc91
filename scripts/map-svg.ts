/**
 * Draws one locator map as a small SVG string: land, borders, the place's country shaded, a few
 * country names, the place marked, and an inset globe showing where the view sits. Colours are left to
 * classes (src/popover/map.css), so the popover's light and dark themes both apply.
 */
import {
  type GeoPermissibleObjects,
  type GeoProjection,
  geoAzimuthalEqualArea,
  geoCentroid,
  geoCircle,
  geoDistance,
  geoOrthographic,
  geoPath,
} from "d3-geo";
import type { Feature, MultiLineString } from "geojson";
import { type Atlas, inView, type Point, type Reach } from "./map-atlas";
import { type Box, escapeXml, labels } from "./map-labels";
import { pathData } from "./map-path";
import type { Place } from "./map-place";

export const WIDTH = 320;
export const HEIGHT = 160;
const GLOBE = 20;
/** Narrowest view, in degrees across: a small territory shows its neighbours, a city its region. */
const MIN_SPAN = { shape: 3.5, point: 10 };
/** Widest view of a city's country before the map closes in around the city instead. */
const MAX_SPAN = 26;
const CLOSE_IN = 4;
const toDegrees = 180 / Math.PI;

const circle = (center: Point, radius: number): Feature => ({
  type: "Feature",
  properties: {},
  geometry: geoCircle().center(center).radius(radius)(),
});

/** An azimuthal view centred on the frame, fitted with room around it for the neighbours. */
function fitTo(frame: GeoPermissibleObjects): GeoProjection {
  const center = geoCentroid(frame as Feature);
  const projection = geoAzimuthalEqualArea()
    .rotate([-center[0], -center[1]])
    .clipAngle(90)
    .fitExtent(
      [
        [WIDTH * 0.2, HEIGHT * 0.16],
        [WIDTH * 0.8, HEIGHT * 0.84],
      ],
      frame as Feature,
    );
  return projection;
}

function projectionFor(place: Place): GeoProjection {
  let projection = fitTo(place.frame);
  const span = () => (WIDTH / projection.scale()) * toDegrees;
  if (place.narrowable && span() > MAX_SPAN) projection = fitTo(circle(place.point, CLOSE_IN));
  const min = place.shaped ? MIN_SPAN.shape : MIN_SPAN.point;
  if (span() < min) {
    const k = WIDTH / ((min / toDegrees) * projection.scale());
    const [tx, ty] = projection.translate();
    projection
      .scale(projection.scale() * k)
      .translate([WIDTH / 2 + (tx - WIDTH / 2) * k, HEIGHT / 2 + (ty - HEIGHT / 2) * k]);
  }
  return projection.clipExtent([
    [-2, -2],
    [WIDTH + 2, HEIGHT + 2],
  ]);
}

/** The inset: a small globe turned to the view, with the view's outline on it. */
function globe(atlas: Atlas, view: GeoProjection, [cx, cy]: Point): string {
  const center = view.invert?.([WIDTH / 2, HEIGHT / 2]) as Point;
  const projection = geoOrthographic().rotate([-center[0], -center[1]]).scale(GLOBE).translate([cx, cy]);
  const edge: Point[] = [];
  for (let i = 0; i <= 8; i++) edge.push([(WIDTH * i) / 8, 0]);
  for (let i = 0; i <= 8; i++) edge.push([WIDTH, (HEIGHT * i) / 8]);
  for (let i = 8; i >= 0; i--) edge.push([(WIDTH * i) / 8, HEIGHT]);
  for (let i = 8; i >= 0; i--) edge.push([0, (HEIGHT * i) / 8]);
  const outline = { type: "LineString" as const, coordinates: edge.map((p) => view.invert?.(p) as Point) };
  const land = pathData(projection, atlas.globe, { tolerance: 1.2, minArea: 6 });
  let box = `<path class='view' d='${pathData(projection, outline, { tolerance: 0.2 })}'/>`;
  const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(outline);
  if (x1 - x0 < 4 && y1 - y0 < 4) box = `<circle class='view' cx='${cx}' cy='${cy}' r='2.5'/>`;
  const sphere = `<circle class='sphere' cx='${cx}' cy='${cy}' r='${GLOBE}'/>`;
  return `<g class='inset'>${sphere}<path class='globe' d='${land}'/>${box}</g>`;
}

/** The finished SVG for one place. Attributes are single-quoted: in maps.json that saves escapes. */
export function renderMap(atlas: Atlas, place: Place): string {
  const projection = projectionFor(place);
  const draw = (object: GeoPermissibleObjects) =>
    pathData(projection, object, { tolerance: 0.9, minArea: 6, scale: 10 });
  // Only what can show is drawn: the view's centre, and the angle to its farthest corner.
  const center = projection.invert?.([WIDTH / 2, HEIGHT / 2]) as Point;
  const radius = Math.min(Math.PI / 2, geoDistance(center, projection.invert?.([0, 0]) as Point) * 1.05);
  const shown = <T extends { reach: Reach }>(items: T[]) =>
    items.filter((item) => inView(item.reach, center, radius));
  const borders: MultiLineString = {
    type: "MultiLineString",
    coordinates: shown(atlas.borders).map((border) => border.line.coordinates),
  };
  const [mx, my] = projection(place.point) as Point;
  const m = place.shaped ? 4 : 8;
  const frame = { x: 3, y: 3, w: WIDTH - 6, h: HEIGHT - 6 };
  const taken: Box[] = [{ x: mx - m, y: my - m, w: 2 * m, h: 2 * m }];
  // The globe goes in the corner farthest from the marker; a view of half the world needs none.
  const gx = mx < WIDTH / 2 ? WIDTH - GLOBE - 5 : GLOBE + 5;
  const gy = my < HEIGHT / 2 ? HEIGHT - GLOBE - 5 : GLOBE + 5;
  const inset = radius < 0.9;
  if (inset) taken.push({ x: gx - GLOBE - 3, y: gy - GLOBE - 3, w: 2 * GLOBE + 6, h: 2 * GLOBE + 6 });
  // Where the shading is the place itself, the marker steps back to a small ring.
  const marker = place.shaped ? { kind: "marker quiet", r: 2.2 } : { kind: "marker", r: 4 };
  return [
    `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ${WIDTH} ${HEIGHT}' role='img'>`,
    `<title>${escapeXml(place.description)}</title>`,
    `<rect class='sea' width='${WIDTH}' height='${HEIGHT}'/>`,
    // Drawn in tenths of a pixel, so the path data needs no decimal points.
    `<g class='geo' transform='scale(.1)'><path class='land' d='${draw(atlas.landNear(center, radius))}'/>`,
    place.shade ? `<path class='shade' d='${draw(place.shade)}'/>` : "",
    `<path class='borders' d='${draw(borders)}'/></g>`,
    `<g class='labels'>${labels(shown(atlas.countries), projection, taken, new Set(place.shade?.features), frame)}</g>`,
    inset ? globe(atlas, projection, [gx, gy]) : "",
    `<circle class='${marker.kind}' cx='${mx.toFixed(1)}' cy='${my.toFixed(1)}' r='${marker.r}'/>`,
    "</svg>",
  ].join("");
}
