/**
 * One manifest, two builds: `vite build --mode chrome` writes dist/chrome and `--mode firefox`
 * writes dist/firefox. The only differences are the ones each browser insists on.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { crx, type ManifestV3Export } from "@crxjs/vite-plugin";
import preact from "@preact/preset-vite";
import { minify } from "terser";
import { defineConfig, type Plugin } from "vite";

type Target = "chrome" | "firefox";
type Manifest = Record<string, unknown> & { background: { service_worker: string; type?: string } };

function manifestFor(target: Target): ManifestV3Export {
  const manifest = JSON.parse(readFileSync(new URL("./manifest.json", import.meta.url), "utf8")) as Manifest;
  if (target === "chrome") {
    // Chrome rejects keys it does not know in some store checks; the Gecko block is Firefox's alone.
    delete manifest.browser_specific_settings;
    return manifest as unknown as ManifestV3Export;
  }
  // Firefox runs MV3 backgrounds as event pages; crxjs crashes on service_worker for Firefox.
  const { service_worker, type } = manifest.background;
  return { ...manifest, background: { scripts: [service_worker], type } } as unknown as ManifestV3Export;
}

/**
 * The content script runs on every page and has a budget (30 kB gzipped, see the bench): once built,
 * terser's second look at it finds what the bundler's minifier left, about 360 bytes gzipped.
 */
function minifyContentScript(outDir: string): Plugin {
  return {
    name: "backstory-minify-content-script",
    apply: "build",
    async closeBundle() {
      const file = `${outDir}/src/content/index.js`;
      const { code } = await minify(readFileSync(file, "utf8"), { compress: { passes: 2 }, module: false });
      if (code) writeFileSync(file, code);
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode !== "chrome" && mode !== "firefox")
    throw new Error(`Build with --mode chrome or --mode firefox, not "${mode}".`);
  return {
    publicDir: "assets",
    plugins: [
      preact(),
      crx({
        manifest: manifestFor(mode),
        browser: mode,
        // One self-contained content script: no loader, so no web_accessible_resources a page could probe.
        contentScripts: { standaloneFiles: ["src/content/index.ts"] },
      }),
      minifyContentScript(`dist/${mode}`),
    ],
    build: { outDir: `dist/${mode}`, emptyOutDir: true, target: "es2022", sourcemap: false },
  };
});
