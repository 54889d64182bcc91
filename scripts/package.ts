/**
 * npm run package: store-ready zips of both builds, plus the source archive addons.mozilla.org asks
 * for when a build is minified. Everything lands in build/packages/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { zipSync } from "fflate";
import { ROOT } from "../tests/support/paths";

const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const out = join(ROOT, "build/packages");
mkdirSync(out, { recursive: true });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function writeZip(name: string, base: string, files: string[]): void {
  // A fixed date keeps the archives byte-for-byte reproducible.
  const mtime = new Date("2020-01-01T00:00:00Z");
  const entries = Object.fromEntries(
    files.map((file) => [relative(base, file), [readFileSync(file), { mtime }]]),
  );
  const zip = zipSync(entries as never, { level: 9 });
  writeFileSync(join(out, name), zip);
  console.log(`${name.padEnd(36)} ${(zip.length / 1024).toFixed(1).padStart(7)} kB, ${files.length} files`);
}

writeZip(`backstory-${version}-chrome.zip`, join(ROOT, "dist/chrome"), filesUnder(join(ROOT, "dist/chrome")));
writeZip(
  `backstory-${version}-firefox.zip`,
  join(ROOT, "dist/firefox"),
  filesUnder(join(ROOT, "dist/firefox")),
);
// The source archive is what git tracks: reviewers rebuild it with the README's commands.
const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
  .split("\n")
  .filter(Boolean);
writeZip(
  `backstory-${version}-source.zip`,
  ROOT,
  tracked.map((file) => join(ROOT, file)),
);
console.log(`Packages written to ${out}`);
