/** Reads the bundled glossary files from disk: for the build, the CLI and the tests (Node only). */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { GlossaryFile } from "./checks";

/** The bundled glossary; GLOSSARY_DIR points the build and the tools at another folder of files. */
export const DATA_DIR = process.env.GLOSSARY_DIR ?? join(import.meta.dirname, "data");

export function readGlossaryFiles(dir = DATA_DIR): GlossaryFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
}

export function commonEnglishWords(): Set<string> {
  const words = createRequire(import.meta.url)("an-array-of-english-words") as string[];
  return new Set(words);
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);
