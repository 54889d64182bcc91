/** The bundled glossary's compiled index, written at build time by scripts/compile-glossary.ts. */
import type { CompiledIndex } from "./compile";
import index from "./generated/index.json";

// The build writes exactly a CompiledIndex (scripts/compile-glossary.ts); JSON types cannot say so.
export const bundledIndex = index as unknown as CompiledIndex;
