/** The bundled glossary's compiled index, written at build time by scripts/compile-glossary.ts. */
import type { CompiledIndex } from "./compile";
import index from "./generated/index.json";

export const bundledIndex = index as CompiledIndex;
