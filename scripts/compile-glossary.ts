/**
 * Build step: validates the bundled glossary and writes what the extension loads into
 * src/glossary/generated/: index.json for the content script, bodies.json and maps.json (locator maps,
 * drawn here so the extension carries no map code) for the background.
 * Fails the build, with every problem listed, when the glossary does not pass its checks.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkGlossary } from "../src/glossary/checks";
import { compileBodies, compileIndex } from "../src/glossary/compile";
import { commonEnglishWords, readGlossaryFiles, todayIso } from "../src/glossary/load-files";
import { writeMaps } from "./build-maps";

const out = join(import.meta.dirname, "../src/glossary/generated");
const { entries, problems } = checkGlossary(readGlossaryFiles(), commonEnglishWords(), todayIso());
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  console.error(`\nThe glossary has ${problems.length} problem(s); fix them, then build again.`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "index.json"), JSON.stringify(compileIndex(entries)));
writeFileSync(join(out, "bodies.json"), JSON.stringify(compileBodies(entries)));
writeMaps(entries, out);
console.log(`Glossary compiled: ${entries.length} entries.`);
