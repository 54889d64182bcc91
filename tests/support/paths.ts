/** Where things are, for tests, the demo and the benchmark. */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const DIST = { chromium: join(ROOT, "dist/chrome"), firefox: join(ROOT, "dist/firefox") };

/** The shared fixtures folder beside the repository (CI puts a copy there too), or SHARED_DIR. */
export const SHARED = resolve(process.env.SHARED_DIR ?? join(ROOT, "../shared"));

export function requireBuild(): void {
  for (const dir of Object.values(DIST)) {
    if (!existsSync(join(dir, "manifest.json"))) {
      throw new Error(`No extension build in ${dir}. Run "npm run build" first (npm test does it for you).`);
    }
  }
}
