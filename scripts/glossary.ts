/**
 * Glossary tool for authors.
 *   npm run glossary -- check    validate every file and print each problem
 *   npm run glossary -- stats    entries by category, and totals
 *   npm run glossary -- format [file.json …]   rewrite files (default: all) in canonical form
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalText, checkGlossary } from "../src/glossary/checks";
import { commonEnglishWords, DATA_DIR, readGlossaryFiles, todayIso } from "../src/glossary/load-files";

const command = process.argv[2] ?? "check";
const files = readGlossaryFiles();

if (command === "format") {
  const only = process.argv.slice(3).map((name) => name.split("/").pop());
  for (const file of files.filter((f) => only.length === 0 || only.includes(f.name))) {
    let formatted: string;
    try {
      formatted = canonicalText(JSON.parse(file.text));
    } catch (error) {
      console.error(`✗ ${file.name}: not valid JSON (${(error as Error).message})`);
      process.exitCode = 1;
      continue;
    }
    if (formatted !== file.text) {
      writeFileSync(join(DATA_DIR, file.name), formatted);
      console.log(`formatted ${file.name}`);
    }
  }
} else if (command === "check" || command === "stats") {
  const { entries, problems } = checkGlossary(files, commonEnglishWords(), todayIso());
  if (command === "stats") {
    const byCategory = new Map<string, number>();
    for (const entry of entries) byCategory.set(entry.category, (byCategory.get(entry.category) ?? 0) + 1);
    for (const [category, count] of [...byCategory].sort((a, b) => b[1] - a[1])) {
      console.log(`${category.padEnd(14)} ${String(count).padStart(4)}`);
    }
    const dated = entries.filter((entry) => (entry.timeline?.length ?? 0) > 0).length;
    console.log(
      `${"total".padEnd(14)} ${String(entries.length).padStart(4)}  (${dated} with dated events, ${files.length} files)`,
    );
  }
  for (const problem of problems) console.error(`✗ ${problem}`);
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) in the glossary.`);
    process.exit(1);
  }
  if (command === "check") console.log(`✓ ${entries.length} entries in ${files.length} files, no problems.`);
} else {
  console.error(`Unknown command "${command}". Use check, stats or format.`);
  process.exit(2);
}
