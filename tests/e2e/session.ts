/** The local server and a browser with Backstory, for the tests of one describe block. */
import { afterAll, beforeAll } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { type BrowserName, type LaunchOptions, launch, type TestBrowser } from "./harness";

export interface Session {
  browser: TestBrowser;
  server: TestServer;
}

/** Starts both before the block's tests and closes them after; read them inside the tests. */
export function useSession(name: BrowserName, options: LaunchOptions = {}): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.server = await startServer();
    session.browser = await launch(name, options);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
