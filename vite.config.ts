/**
 * One manifest, two builds: `vite build --mode chrome` writes dist/chrome and `--mode firefox`
 * writes dist/firefox. The only differences are the ones each browser insists on.
 */
import { readFileSync } from "node:fs";
import { crx, type ManifestV3Export } from "@crxjs/vite-plugin";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

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
    ],
    build: { outDir: `dist/${mode}`, emptyOutDir: true, target: "es2022", sourcemap: false },
  };
});
