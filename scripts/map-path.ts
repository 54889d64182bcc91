/**
 * Turns geometry into compact SVG path data: project and clip with d3-geo, simplify each line in
 * screen space (Douglas–Peucker), round (to 0.1 px for the map) and write relative moves. A locator map is ~320 px
 * wide, so detail finer than half a pixel only costs bytes.
 */
import { type GeoPermissibleObjects, type GeoProjection, geoStream } from "d3-geo";

type Point = [number, number];
interface Line {
  points: Point[];
  closed: boolean;
}

/** Projects and clips an object, collecting its lines and rings in pixels. */
function collect(projection: GeoProjection, object: GeoPermissibleObjects): Line[] {
  const lines: Line[] = [];
  let current: Point[] = [];
  let inPolygon = false;
  const sink = {
    point: (x: number, y: number) => {
      current.push([x, y]);
    },
    lineStart: () => {
      current = [];
    },
    lineEnd: () => {
      lines.push({ points: current, closed: inPolygon });
    },
    polygonStart: () => {
      inPolygon = true;
    },
    polygonEnd: () => {
      inPolygon = false;
    },
    sphere: () => undefined,
  };
  geoStream(object as Parameters<typeof geoStream>[0], projection.stream(sink));
  return lines;
}

function distanceToSegment([x, y]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Douglas–Peucker: keeps the points that stray more than `tolerance` px from the simplified line. */
export function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let worst = -1;
    let index = 0;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i] as Point, points[first] as Point, points[last] as Point);
      if (d > worst) [worst, index] = [d, i];
    }
    if (worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** Signed area in px², to drop islands smaller than a dot. */
function area(points: Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i] as Point;
    const [bx, by] = points[(i + 1) % points.length] as Point;
    sum += ax * by - bx * ay;
  }
  return Math.abs(sum / 2);
}

/** Joins whole numbers, leaving out the separator where a minus sign already separates them. */
const join = (values: number[]): string =>
  values.map((v, i) => (i > 0 && v >= 0 ? `,${v}` : `${v}`)).join("");

function encodeLine(points: Point[], closed: boolean, scale: number): string {
  const rounded = points.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)] as const);
  const [x0, y0] = rounded[0] as readonly [number, number];
  let d = `M${join([x0, y0])}`;
  const steps: string[] = [];
  for (let i = 1; i < rounded.length; i++) {
    const [px, py] = rounded[i - 1] as readonly [number, number];
    const [x, y] = rounded[i] as readonly [number, number];
    if (x !== px || y !== py) steps.push(join([x - px, y - py]));
  }
  if (steps.length > 0) d += `l${steps.map((s, i) => (i > 0 && !s.startsWith("-") ? ` ${s}` : s)).join("")}`;
  return closed ? `${d}z` : d;
}

export interface PathOptions {
  /** Douglas–Peucker tolerance in px. */
  tolerance: number;
  /** Rings smaller than this many px² are left out. */
  minArea?: number;
  /**
   * Units per px in the output, which is written in whole units: 10 writes tenths of a pixel as
   * "123" rather than "12.3" (a byte less per number), for a group drawn at scale(.1).
   */
  scale?: number;
}

/** SVG path data for `object` as drawn by `projection` (clipping included), simplified and compact. */
export function pathData(
  projection: GeoProjection,
  object: GeoPermissibleObjects,
  { tolerance, minArea = 0, scale = 1 }: PathOptions,
): string {
  let d = "";
  for (const { points, closed } of collect(projection, object)) {
    if (closed && points.length > 1) {
      const [first, last] = [points[0] as Point, points[points.length - 1] as Point];
      if (first[0] === last[0] && first[1] === last[1]) points.pop();
    }
    if (closed && (points.length < 3 || area(points) < minArea)) continue;
    // A closed ring is simplified as a line that returns to its start, so the start is always kept.
    const line = simplify(closed ? [...points, points[0] as Point] : points, tolerance);
    if (closed) line.pop();
    if (line.length < (closed ? 3 : 2)) continue;
    d += encodeLine(line, closed, scale);
  }
  return d;
}
