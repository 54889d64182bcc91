/**
 * A static server on loopback for tests and the demo: the demo article at /demo, our fixtures under
 * /fixtures/, the saved news pages under /pages/<name>/, and a script that is slow to come (/slow.js).
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { demoPageHtml } from "./demo-page";
import { ROOT, SHARED } from "./paths";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".js": "text/javascript",
};

/** How long /slow.js keeps the page waiting: longer than the content script waits for a parse (3 s). */
const SLOW_MS = 4000;

export interface TestServer {
  url: (path: string) => string;
  close: () => Promise<void>;
}

function resolvePath(pathname: string): string | null {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  if (safe.startsWith("/fixtures/")) return join(ROOT, "tests", safe);
  if (safe.startsWith("/pages/")) return join(SHARED, safe.endsWith("/") ? `${safe}source.html` : safe);
  return null;
}

/** Extra response headers for a fixture, from `<file>.headers.json` beside it (e.g. a strict CSP). */
async function sidecarHeaders(file: string): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(`${file}.headers.json`, "utf8")) as Record<string, string>;
  } catch {
    return {};
  }
}

export async function startServer(port = 0): Promise<TestServer> {
  const server: Server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    if (pathname === "/" || pathname === "/demo") {
      response.writeHead(200, { "content-type": TYPES[".html"] });
      response.end(demoPageHtml());
      return;
    }
    // A script that takes a while, as a slow ad server's does: the page's parse waits for it.
    if (pathname === "/slow.js") {
      setTimeout(() => {
        response.writeHead(200, { "content-type": TYPES[".js"] });
        response.end("");
      }, SLOW_MS);
      return;
    }
    const file = resolvePath(pathname);
    try {
      if (!file) throw new Error("not found");
      const body = await readFile(file);
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        ...(await sidecarHeaders(file)),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("Not found");
    }
  });
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", done));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${actual}${path}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
