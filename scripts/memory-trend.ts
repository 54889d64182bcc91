/** The trend of a series of memory samples, for `npm run memory`'s "flat" check. */

/**
 * How much the values rose from the first point to the last along their least-squares line: one
 * sample can be off by a megabyte (a scan under way holds its text blocks), a leak shows as a slope.
 */
export function rise(points: readonly { at: number; value: number }[]): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 2) return 0;
  const meanAt = points.reduce((sum, point) => sum + point.at, 0) / points.length;
  const meanValue = points.reduce((sum, point) => sum + point.value, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const { at, value } of points) {
    covariance += (at - meanAt) * (value - meanValue);
    variance += (at - meanAt) ** 2;
  }
  return variance > 0 ? (covariance / variance) * (last.at - first.at) : 0;
}
