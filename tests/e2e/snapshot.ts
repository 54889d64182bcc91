/**
 * Screenshot comparison: a PNG taken in the test against one committed under tests/e2e/snapshots/,
 * within a tolerance for anti-aliasing. `UPDATE_SNAPSHOTS=1` writes the committed images afresh; a
 * mismatch leaves the actual image and a diff under build/snapshots/ to look at.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { ROOT } from "../support/paths";

const COMMITTED = join(ROOT, "tests", "e2e", "snapshots");
const OUTPUT = join(ROOT, "build", "snapshots");

export interface Comparison {
  /** Share of pixels that differ beyond anti-aliasing, 0–1. */
  differing: number;
  /** What differs in size, or null when both images have the same size. */
  sizeChange: string | null;
  /** Where the committed image is, or where the new one was written. */
  path: string;
}

export function compareWithCommitted(name: string, actualPath: string): Comparison {
  const path = join(COMMITTED, `${name}.png`);
  if (process.env.UPDATE_SNAPSHOTS || !existsSync(path)) {
    if (!process.env.UPDATE_SNAPSHOTS && process.env.CI)
      throw new Error(`No committed snapshot ${path}; run the test with UPDATE_SNAPSHOTS=1 and commit it.`);
    mkdirSync(COMMITTED, { recursive: true });
    writeFileSync(path, readFileSync(actualPath));
    return { differing: 0, sizeChange: null, path };
  }
  const expected = PNG.sync.read(readFileSync(path));
  const actual = PNG.sync.read(readFileSync(actualPath));
  if (expected.width !== actual.width || expected.height !== actual.height) {
    keep(name, actualPath);
    const size = (image: PNG) => `${image.width}×${image.height}`;
    return { differing: 1, sizeChange: `${size(expected)} → ${size(actual)}`, path };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const count = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: 0.15,
  });
  if (count > 0) {
    keep(name, actualPath);
    writeFileSync(join(OUTPUT, `${name}-diff.png`), PNG.sync.write(diff));
  }
  return { differing: count / (actual.width * actual.height), sizeChange: null, path };
}

function keep(name: string, actualPath: string): void {
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(join(OUTPUT, `${name}-actual.png`), readFileSync(actualPath));
}
