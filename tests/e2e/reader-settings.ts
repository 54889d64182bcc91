/** Writing the reader's settings straight into the extension's storage, as the options page saves them. */
import type { TestBrowser } from "./harness";

export async function setSettings(browser: TestBrowser, change: Record<string, unknown>): Promise<void> {
  const options = await browser.newTab(browser.extensionUrl("src/options/index.html"));
  await options.evaluate(async (values: Record<string, unknown>) => {
    type Area = { set: (values: object) => Promise<void> };
    const api = globalThis as unknown as {
      browser?: { storage: { sync: Area } };
      chrome: { storage: { sync: Area } };
    };
    await (api.browser ?? api.chrome).storage.sync.set(values);
  }, change);
  await options.close();
}
