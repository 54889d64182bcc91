/**
 * npm run reliability: runs the reliability and privacy e2e files (real pages, hostile pages, privacy)
 * in Chromium and Firefox through vitest, then prints pages × browsers × checks as a table with ✓/✗
 * and writes it to build/reliability.md. The 1,000-mutations-a-second page runs its full 30 s here.
 * Before that, it traces Backstory's own work per task on the hostile pages in Chromium (scripts/own-tasks.ts).
 * Exits non-zero when a check failed that is not a known gap, or Backstory ran over 50 ms in one task.
 * With --report-only, rebuilds the table from the last run's build/reliability.json and
 * build/reliability-output.txt without running anything (and without the trace).
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../tests/support/paths";
import { LIMIT_MS, measureOwnTasks, ownTasksTable } from "./own-tasks";

const FILES = [
  "tests/e2e/real-pages.test.ts",
  "tests/e2e/hostile-pages.test.ts",
  "tests/e2e/privacy.test.ts",
  "tests/e2e/memory.test.ts",
];
const BUILD = join(ROOT, "build");
const JSON_OUT = join(BUILD, "reliability.json");

interface Assertion {
  ancestorTitles: string[];
  title: string;
  status: "passed" | "failed" | "skipped" | "pending" | "todo";
}

interface Report {
  testResults: { name: string; assertionResults: Assertion[] }[];
}

mkdirSync(BUILD, { recursive: true });
const OUTPUT = join(BUILD, "reliability-output.txt");
const reportOnly = process.argv.includes("--report-only");
// First, while the machine is quiet: the end-to-end run leaves browsers closing behind it.
if (!reportOnly) console.log("Tracing Backstory's own work per task in Chromium…");
const ownTasks = reportOnly ? [] : await measureOwnTasks();
const output = reportOnly ? readFileSync(OUTPUT, "utf8") : await run();
writeFileSync(OUTPUT, output);
/** Pages that crash their tab without Backstory (logged by the hostile-pages test). */
const crashing = new Set(
  [
    ...output.matchAll(/^(chromium|firefox) hostile-([a-z-]+): the page crashes the tab without Backstory/gm),
  ].map((match) => `${match[1]} ${match[2]}`),
);
const report = JSON.parse(readFileSync(JSON_OUT, "utf8")) as Report;

/** One row per file, page and check; one cell per browser. */
const rows = new Map<string, { file: string; page: string; check: string; cells: Map<string, string> }>();
let unexpected = 0;
for (const file of report.testResults) {
  const area = file.name.replace(/.*\/tests\/e2e\//, "").replace(".test.ts", "");
  for (const test of file.assertionResults) {
    const { browser, page, check: title } = place(test);
    const known = /known gap/.test(title);
    const check = title.replace(/ \(known gap, see README\)/, "");
    const crashed = browser !== null && crashing.has(`${browser} ${page}`);
    const mark =
      test.status === "passed"
        ? known
          ? "✗ known gap"
          : crashed
            ? "– the page crashes its tab without Backstory too"
            : "✓"
        : test.status === "failed"
          ? "✗"
          : "–";
    if (test.status === "failed") unexpected++;
    const key = `${area}|${page}|${check}`;
    const row = rows.get(key) ?? {
      file: area,
      page,
      check,
      cells: new Map(),
    };
    for (const name of browser ? [browser] : ["chromium", "firefox"]) row.cells.set(name, mark);
    rows.set(key, row);
  }
}

/** Which browser, page and check a test is, from its describe titles and its own title. */
function place(test: Assertion): { browser: string | null; page: string; check: string } {
  const [suite = "", ...inner] = test.ancestorTitles;
  const match = /^(chromium|firefox): (.*)$/.exec(suite);
  if (!match) {
    // "privacy: the built manifests" › "chrome has no web_accessible_resources"
    const [first = "", ...rest] = test.title.split(" ");
    const browser = first === "chrome" ? "chromium" : first === "firefox" ? "firefox" : null;
    return { browser, page: "manifest", check: browser ? rest.join(" ") : test.title };
  }
  const [, browser = "", group = ""] = match;
  if (inner.length > 0) return { browser, page: inner.join(" › ").replace(/^'|'$/g, ""), check: test.title };
  if (group === "real news pages") {
    const [page = "", ...rest] = test.title.split(" ");
    return { browser, page, check: rest.join(" ") };
  }
  return { browser, page: "all pages", check: test.title };
}

const overLimit = ownTasks.filter((row) => row.totalMs === 0 || row.mostInOneTaskMs > LIMIT_MS).length;

const lines = [
  "# Reliability and privacy",
  "",
  `Run ${new Date().toISOString()} with \`npm run reliability\`. ✓ passed, ✗ failed, – not run here.`,
  "",
  "| area | page | check | Chromium | Firefox |",
  "| --- | --- | --- | --- | --- |",
  ...[...rows.values()].map(
    (row) =>
      `| ${row.file} | ${row.page} | ${row.check} | ${row.cells.get("chromium") ?? "–"} | ${row.cells.get("firefox") ?? "–"} |`,
  ),
  "",
  `## Backstory's own work per task (Chromium): never over ${LIMIT_MS} ms`,
  "",
  "From a trace with the sampling profiler, from the content script's start to an explainer opened by",
  "hovering and the toolbar popup's list of the page's terms (scripts/own-tasks.ts). \"That task in all\"",
  "includes the page's own work and the browser's rendering in the same task.",
  "",
  ...(reportOnly ? ["Not measured with --report-only."] : ownTasksTable(ownTasks)),
  "",
  "## Longest tasks (Chromium's long-task timing; Firefox has none)",
  "",
  "Not attributable to a script: the page's own work counts too. Measured with Backstory and without.",
  "",
  ...output
    .split("\n")
    .filter((line) => /^chromium hostile-.*(longest task|crashes)/.test(line))
    .map((line) => `- ${line}`),
  "",
];
const table = lines.join("\n");
writeFileSync(join(BUILD, "reliability.md"), table);
console.log(`\n${table}`);
const failed = [
  unexpected ? `${unexpected} check(s) failed` : "",
  overLimit
    ? `Backstory ran over ${LIMIT_MS} ms in one task (or was not measured) on ${overLimit} page(s)`
    : "",
].filter(Boolean);
console.log(`Written to build/reliability.md${failed.length ? `; ${failed.join("; ")}` : ""}.`);
process.exitCode = failed.length > 0 ? 1 : 0;

/** The text without terminal colour codes (ESC [ … m). */
function stripColours(text: string): string {
  return text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");
}

/** Runs vitest on the files with a JSON report, echoing and keeping its output (the tests log figures). */
function run(): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(
      "npx",
      [
        "vitest",
        "run",
        "--config",
        "tests/e2e/vitest.config.ts",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${JSON_OUT}`,
        ...FILES,
      ],
      { cwd: ROOT, env: { ...process.env, HOSTILE_MUTATION_SECONDS: "30" } },
    );
    let text = "";
    const keep = (chunk: Buffer) => {
      text += chunk.toString();
      process.stdout.write(chunk);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", fail);
    child.on("close", () => done(stripColours(text)));
  });
}
