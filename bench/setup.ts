/** What the benchmark needs before it runs: the page script, the content script's size, the machine. */
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { ROOT } from "../tests/support/paths";

/** page-entry.ts and everything it imports from src/, as one script to inject into a page. */
export const bundlePageScript = () => bundle("page-entry.ts", "backstoryBench");

/** scan-worker.ts, the background's stand-in, as one script for a worker the page starts. */
export const bundleWorkerScript = () => bundle("scan-worker.ts", "backstoryScanWorker");

async function bundle(file: string, name: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: "warn",
    resolve: { alias: { "webextension-polyfill": join(import.meta.dirname, "browser-stub.ts") } },
    build: {
      write: false,
      target: "es2022",
      // Readable names in profiles; minifying does not change how fast V8 runs it.
      minify: false,
      lib: {
        entry: join(import.meta.dirname, file),
        formats: ["iife"],
        name,
        fileName: () => `${name}.js`,
      },
    },
  });
  const [first] = Array.isArray(output) ? output : [output];
  const chunk = first && "output" in first ? first.output[0] : undefined;
  if (!chunk) throw new Error(`vite produced no bundle for bench/${file}`);
  return `${chunk.code}\n//# sourceURL=${name === "backstoryBench" ? "backstory-bench.js" : `${name}.js`}`;
}

export const highlightCss = () => readFileSync(join(ROOT, "src/content/highlights.css"), "utf8");

export interface ScriptSize {
  bytes: number;
  gzip: number;
}

/**
 * The built Chrome content script, as built and gzipped. It no longer embeds the glossary index (pages
 * ask the background for it), so the issue's "index excluded" is the whole script.
 */
export function contentScriptSize(): ScriptSize {
  const path = join(ROOT, "dist/chrome/src/content/index.js");
  let code: string;
  try {
    code = readFileSync(path, "utf8");
  } catch {
    throw new Error(`No content script at ${path}: run "npm run build" first.`);
  }
  return { bytes: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  /** The 1-minute load average when the run started and when it ended: other work skews timings. */
  load: { start: number; end: number };
}

export function machine(chromium: string, loadAtStart: number): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${process.platform} ${release()}`,
    node: process.version,
    chromium,
    load: { start: loadAtStart, end: loadavg()[0] as number },
  };
}
