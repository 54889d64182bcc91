/**
 * One harness, two real browsers: Chromium through playwright-core and Firefox ESR through
 * puppeteer-core over WebDriver BiDi, both with the built extension loaded. Scenarios are written
 * once against `TestBrowser` and `Tab` and run in both.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, type CDPSession, chromium, type Page as PlaywrightPage } from "playwright-core";
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from "puppeteer-core";
import { DIST, requireBuild } from "../support/paths";

export type BrowserName = "chromium" | "firefox";
export const BROWSERS: BrowserName[] = ["chromium", "firefox"];

/** What the reader sees in the open explainer, read from inside its closed shadow root. */
export interface ExplainerView {
  title: string;
  text: string;
  role: string | null;
  label: string | null;
  rect: { x: number; y: number; width: number; height: number };
  /** Every button, by its visible text or accessible name, with its centre in viewport pixels. */
  buttons: { label: string; x: number; y: number }[];
}

export interface Tab {
  /** When the tab was opened (Date.now()). */
  opened: number;
  goto(url: string): Promise<void>;
  /** Uncaught errors the page has thrown since the tab opened. */
  errors(): string[];
  /** Makes this the tab the reader is looking at (background tabs run their timers slowly). */
  bringToFront(): Promise<void>;
  /** Runs fn in the page's own world (what the page's scripts see). */
  evaluate<R, A extends unknown[]>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>>;
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  explainer(): Promise<ExplainerView | null>;
  /** Scrolls the explainer's button with this label into view (as a reader would), then reads it. */
  revealInExplainer(label: string): Promise<ExplainerView | null>;
  /** Resizes the viewport (CSS pixels), as a narrow window or a phone would have it. */
  setViewport(width: number, height: number): Promise<void>;
  /** Lays the page out as for printing (print media), or for the screen again; Chromium only. */
  printMedia(on: boolean): Promise<void>;
  /** Turns the system's light or dark mode as the page sees it (prefers-color-scheme); Chromium only. */
  colorScheme(scheme: "light" | "dark"): Promise<void>;
  /** Saves a PNG of the viewport, or of one rectangle of it (viewport pixels). */
  screenshot(path: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void>;
  close(): Promise<void>;
  // Touch, held keys and buttons, the wheel, and privileged reads inside the explainer.
  /** A tap of one finger at (x, y), as on a touch screen. */
  tap(x: number, y: number): Promise<void>;
  keyDown(key: string): Promise<void>;
  keyUp(key: string): Promise<void>;
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  /** Turns the mouse wheel where the pointer is. */
  wheel(deltaX: number, deltaY: number): Promise<void>;
  /**
   * Calls a function declaration in the page's main world with the explainer's closed shadow root as
   * `this` (through the driver's privileged protocol, as the page cannot) and an optional string
   * argument; awaits it and parses the JSON string it returns. Null when no explainer is open.
   */
  inExplainer<R>(fn: string, arg?: string): Promise<R | null>;
  /** A screenshot of the first element matching a selector (for the docs' pictures of small pages). */
  screenshotOf(selector: string, path: string): Promise<void>;
  /** Chooses a file from disk in the page's file input (as a reader does in the file picker). */
  chooseFile(selector: string, path: string): Promise<void>;
  // Memory (Chromium only): what the tab holds after a full garbage collection.
  /**
   * Forces a full garbage collection in the tab's renderer, then reads its JS heap (every world in it:
   * the page's and the content script's) and its live DOM objects, through the DevTools protocol.
   * Null in Firefox, whose drivers cannot read a tab's heap.
   */
  memory(): Promise<MemorySample | null>;
}

export interface TestBrowser {
  name: BrowserName;
  /** Settles when the reader closes the browser (used by the demo). */
  closed?: Promise<void>;
  newTab(url?: string): Promise<Tab>;
  /** The URL of a page inside the extension, e.g. "src/options/index.html". */
  extensionUrl(path: string): string;
  close(): Promise<void>;
  // Privacy: every request the browser makes, and which of them came from the extension.
  /**
   * Starts recording every network request made in this browser from now on: by pages, frames,
   * workers and the extension's own pages and background, each attributed to the extension or not
   * (by the extension's scheme in its document, worker or initiating script).
   */
  recordRequests(): Promise<RequestRecorder>;
  /** Makes the extension's background (service worker, or Firefox's background page) fetch a URL: a control. */
  backgroundFetch(url: string): Promise<void>;
  /**
   * Stops the extension's background, as a browser does once it has idled a while (Chromium stops its
   * service worker; Firefox's background page is loaded afresh, which forgets its state the same way).
   * The next message starts it again.
   */
  restartBackground(): Promise<void>;
}

/** One request seen on the wire. */
export interface SeenRequest {
  url: string;
  /** What made it: the document, worker or script URL the browser attributes it to. */
  by: string[];
  /** True when any of `by` is one of the extension's own (chrome-extension:, moz-extension:). */
  extension: boolean;
}

export interface RequestRecorder {
  requests(): SeenRequest[];
  stop(): Promise<void>;
}

const EXTENSION_SCHEME = /^(chrome-extension|moz-extension):/;

function seen(url: string, by: (string | undefined)[]): SeenRequest {
  const known = [...new Set(by.filter((item): item is string => Boolean(item)))];
  return { url, by: known, extension: known.some((item) => EXTENSION_SCHEME.test(item)) };
}

const GECKO_ID = "backstory@backstory.example";
const FIREFOX_UUID = "6b1d2f0e-6c1a-4f5e-9d0b-5a8f3c2e7d41";

/** Reads the explainer card; runs with the closed shadow root as `this` (and a button label to reveal). */
const READ_EXPLAINER = `function (reveal) {
  if (reveal) [...this.querySelectorAll("button")].find((b) => (b.getAttribute("aria-label") || b.textContent.trim()) === reveal)?.scrollIntoView({ block: "nearest" });
  const card = this.querySelector(".card:not(.preparing)"); // a card rendered ahead of its dwell is not open yet
  if (!card) return "null";
  const r = card.getBoundingClientRect();
  return JSON.stringify({
    title: this.querySelector(".title")?.textContent ?? "",
    text: card.textContent ?? "",
    role: card.getAttribute("role"),
    label: card.getAttribute("aria-labelledby"),
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    buttons: [...card.querySelectorAll("button")].map((b) => {
      const box = b.getBoundingClientRect();
      return { label: b.getAttribute("aria-label") || b.textContent.trim(), x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }),
  });
}`;

export function browserPath(name: BrowserName): string {
  const [variable, fallback, pkg] =
    name === "chromium"
      ? ["CHROMIUM_PATH", "/usr/bin/chromium", "chromium"]
      : ["FIREFOX_PATH", "/usr/bin/firefox-esr", "firefox-esr"];
  const path = process.env[variable] ?? fallback;
  if (!existsSync(path)) {
    throw new Error(
      `${name} was not found at ${path}. Install it with "sudo apt-get install -y ${pkg}", ` +
        `or point ${variable} at the browser's executable.`,
    );
  }
  return path;
}

/** How a browser is launched; each left out is the default: headless, with Backstory, motion as usual. */
export interface LaunchOptions {
  /** False opens a window (Chromium only: Firefox always runs headless). */
  headless?: boolean;
  /** False launches a plain browser, without Backstory, to compare with. */
  extension?: boolean;
  /** True makes it a browser whose reader asked for less motion (prefers-reduced-motion). */
  reducedMotion?: boolean;
  /** The reader's default text size in px (the browser's font size setting); 16 unless given. */
  fontSize?: number;
  /**
   * True makes it a browser in forced-colors mode, as Windows High Contrast does: Chromium emulates
   * it, and Firefox overrides every page's colours with its own, as "Override the colours specified
   * by the page: Always" does, which is what turns forced colors on where there is no system theme.
   */
  forcedColors?: boolean;
}

/** Launches a browser with the built extension (or, as the options say, without it). */
export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<TestBrowser> {
  requireBuild();
  return name === "chromium" ? launchChromium(options) : launchFirefox(options);
}

/**
 * Chromium as Playwright drives it, with the built extension loaded (or none): for the tests, and for
 * the scripts that trace it (bench/popover.ts, scripts/own-tasks.ts).
 */
export async function launchChromiumContext({
  headless = true,
  extension = true,
  dist = DIST.chromium,
  reducedMotion = false,
  fontSize = 16,
  forcedColors = false,
} = {}): Promise<BrowserContext> {
  // A profile of its own only to carry a text size other than the default (as chrome://settings/fonts does).
  let profile = "";
  if (fontSize !== 16) {
    profile = mkdtempSync(join(tmpdir(), "backstory-profile-"));
    mkdirSync(join(profile, "Default"));
    const preferences = { webkit: { webprefs: { default_font_size: fontSize } } };
    writeFileSync(join(profile, "Default", "Preferences"), JSON.stringify(preferences));
  }
  const removeProfile = () => profile && rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  const context = await chromium
    .launchPersistentContext(profile, {
      executablePath: browserPath("chromium"),
      headless,
      reducedMotion: reducedMotion ? "reduce" : "no-preference",
      forcedColors: forcedColors ? "active" : "none",
      viewport: { width: 1280, height: 800 },
      args: [
        ...(extension ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : []),
        "--disable-background-networking",
        // Saved pages name hosts this closed network cannot reach: fail those at once instead of waiting on DNS.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    })
    .catch((error: unknown) => {
      removeProfile();
      throw error;
    });
  // The profile made for a text size goes with the browser (Playwright removes only its own), once
  // the browser has quit: at the context's close event it is still writing there.
  if (profile) {
    const close = context.close.bind(context);
    context.close = (options) => close(options).finally(removeProfile);
  }
  return context;
}

/** Chromium; `dist` loads a copy of the extension other than the built one. */
async function launchChromium(options: LaunchOptions & { dist?: string }): Promise<TestBrowser> {
  const { extension = true } = options;
  const context = await launchChromiumContext(options);
  const worker = extension
    ? (context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker")))
    : null;
  const extensionId = worker ? new URL(worker.url()).host : "none";
  return {
    name: "chromium",
    closed: new Promise((done) => context.on("close", () => done())),
    async newTab(url) {
      const tab = chromiumTab(context, await context.newPage());
      if (url) await tab.goto(url);
      return tab;
    },
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    close: () => context.close(),
    recordRequests: () => recordChromium(context),
    async restartBackground() {
      // As Chrome's own guide to testing service worker termination does: close the worker's target.
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const workers = async () =>
        (await cdp.send("Target.getTargets")).targetInfos.filter(
          (target) => target.type === "service_worker" && target.url.startsWith("chrome-extension://"),
        );
      for (const worker of await workers())
        await cdp.send("Target.closeTarget", { targetId: worker.targetId });
      await waitFor(async () => (await workers()).length === 0, "the service worker to stop");
      await page.close();
    },
    async backgroundFetch(url) {
      const background = context.serviceWorkers()[0];
      if (!background) throw new Error("the extension's service worker is not running");
      await background.evaluate(
        (target: string) =>
          fetch(target).then(
            () => undefined,
            () => undefined,
          ),
        url,
      );
    },
  };
}

function chromiumTab(context: BrowserContext, page: PlaywrightPage): Tab {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    opened: Date.now(),
    errors: () => [...errors],
    goto: async (url) => void (await page.goto(url)),
    bringToFront: () => page.bringToFront(),
    evaluate: (fn, ...args) => page.evaluate(fn as never, args.length > 1 ? args : args[0]) as never,
    mouseMove: (x, y, steps = 5) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    explainer: () => readChromium(undefined),
    revealInExplainer: (label) => readChromium(label),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    printMedia: (on) => page.emulateMedia({ media: on ? "print" : "screen" }),
    colorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    screenshot: async (path, clip) => void (await page.screenshot(clip ? { path, clip } : { path })),
    close: () => page.close(),
    tap: (x, y) => chromiumTap(context, page, x, y),
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    wheel: (deltaX, deltaY) => page.mouse.wheel(deltaX, deltaY),
    inExplainer: (fn, arg) => callInChromiumExplainer(context, page, fn, arg),
    screenshotOf: async (selector, path) => void (await page.locator(selector).first().screenshot({ path })),
    chooseFile: (selector, path) => page.setInputFiles(selector, path),
    memory: () => chromiumMemory(context, page),
  };

  async function readChromium(reveal: string | undefined): Promise<ExplainerView | null> {
    const cdp = await context.newCDPSession(page);
    try {
      const shadow = await explainerShadow(cdp);
      if (!shadow) return null;
      const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: shadow.backendNodeId });
      const { result } = await cdp.send("Runtime.callFunctionOn", {
        objectId: object.objectId as string,
        functionDeclaration: READ_EXPLAINER,
        arguments: [{ value: reveal }],
        returnByValue: true,
      });
      return JSON.parse(result.value as string) as ExplainerView | null;
    } finally {
      await cdp.detach();
    }
  }
}

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * The explainer's closed shadow root, seen through the protocol. Only the top of the document is
 * asked for (the host is a child of <html>): the whole tree of a 200,000-node page takes the page's
 * main thread half a second to describe, a long task that would be counted against Backstory.
 */
async function explainerShadow(cdp: CDPSession): Promise<CdpNode | undefined> {
  const { root } = await cdp.send("DOM.getDocument", { depth: 2 });
  const html = root.children?.find((node) => node.nodeName === "HTML");
  const host = html?.children?.find((node) => node.nodeName === "BACKSTORY-EXPLAINER");
  if (!host) return undefined;
  const { node } = await cdp.send("DOM.describeNode", {
    backendNodeId: host.backendNodeId,
    depth: 1,
    pierce: true,
  });
  return (node as CdpNode).shadowRoots?.[0];
}

async function launchFirefox({
  extension = true,
  reducedMotion = false,
  fontSize = 16,
  forcedColors = false,
}: LaunchOptions = {}): Promise<TestBrowser> {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: browserPath("firefox"),
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // As for Chromium: requests to other hosts go to a closed local port and fail at once.
      "network.proxy.type": 1,
      "network.proxy.http": "127.0.0.1",
      "network.proxy.http_port": 9,
      "network.proxy.share_proxy_settings": true,
      "network.proxy.no_proxies_on": "127.0.0.1,localhost",
      "ui.prefersReducedMotion": reducedMotion ? 1 : 0,
      "font.size.variable.x-western": fontSize,
      // 2 is "never use the page's colours" (0, the default, is "only with a high contrast theme").
      "browser.display.document_color_use": forcedColors ? 2 : 0,
    },
  });
  if (extension) {
    await browser.installExtension(DIST.firefox).catch(async (error: Error) => {
      const version = await browser.version();
      await browser.close();
      if (!error.message.includes("not compatible")) throw error;
      throw new Error(
        `${version} is older than the Firefox Backstory needs (manifest.json's strict_min_version). ` +
          `Update it with "sudo apt-get update && sudo apt-get install -y firefox-esr", or point FIREFOX_PATH at a newer Firefox.`,
      );
    });
  }
  return {
    name: "firefox",
    async newTab(url) {
      const tab = firefoxTab(browser, await browser.newPage());
      if (url) await tab.goto(url);
      return tab;
    },
    extensionUrl: (path) => `moz-extension://${FIREFOX_UUID}/${path}`,
    close: () => browser.close(),
    recordRequests: () => recordFirefox(browser),
    async backgroundFetch(url) {
      // The options page is the extension's own: from it, reach the background page and fetch there.
      const tab = firefoxTab(browser, await browser.newPage());
      await tab.goto(`moz-extension://${FIREFOX_UUID}/src/options/index.html`);
      await tab.evaluate(async (target: string) => {
        const api = (
          globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }
        ).browser;
        const background = await api.runtime.getBackgroundPage();
        await background.fetch(target).then(
          () => undefined,
          () => undefined,
        );
      }, url);
      await tab.close();
    },
    async restartBackground() {
      const tab = firefoxTab(browser, await browser.newPage());
      await tab.goto(`moz-extension://${FIREFOX_UUID}/src/options/index.html`);
      await tab.evaluate(async () => {
        const api = (
          globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }
        ).browser;
        const before = (await api.runtime.getBackgroundPage()) as Window & { backstoryOld?: boolean };
        before.backstoryOld = true;
        before.location.reload();
        // Loaded afresh once the background page's global is a new one and its script has run.
        for (let tries = 0; tries < 100; tries++) {
          await new Promise((done) => setTimeout(done, 50));
          const now = (await api.runtime.getBackgroundPage().catch(() => before)) as typeof before;
          if (!now.backstoryOld && now.document.readyState === "complete") return;
        }
        throw new Error("Firefox's background page did not load again");
      });
      await tab.close();
    },
  };
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

function firefoxTab(browser: PuppeteerBrowser, page: PuppeteerPage): Tab {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const context = () => (page.mainFrame() as unknown as { _id: string })._id;
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error instanceof Error ? error.message : String(error)));
  return {
    opened: Date.now(),
    errors: () => [...errors],
    async goto(url) {
      if (url.startsWith("moz-extension:")) {
        // Over BiDi, goto never resolves for extension pages although they load: wait for the DOM.
        void page.goto(url).catch(() => undefined);
        // Polled by hand: Firefox can fail an evaluation racing the navigation, which is no answer yet.
        const loaded = () =>
          page
            .evaluate(
              (expected: string) => location.href === expected && document.readyState === "complete",
              url,
            )
            .catch(() => false);
        await waitFor(loaded, `${url} to load`, 15_000);
        return;
      }
      // A saved page may try to leave for its real site, which this closed network rejects: stay put.
      await page.goto(url, { waitUntil: "load" }).catch((error: Error) => {
        if (!/Address rejected|NS_BINDING_ABORTED/.test(error.message)) throw error;
      });
    },
    // Right after another tab closes itself (the popup does, on a click), Firefox can answer
    // "no such frame" for a tab that is still there: ask again.
    bringToFront: async () => {
      await waitFor(() => page.bringToFront().then(() => true), "the tab to come to the front");
    },
    evaluate: (fn, ...args) => page.evaluate(fn as never, ...(args as unknown as never[])) as never,
    mouseMove: (x, y, steps = 5) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
    explainer: () => readFirefox(undefined),
    revealInExplainer: (label) => readFirefox(label),
    setViewport: (width, height) => page.setViewport({ width, height }),
    // WebDriver BiDi has no way to emulate media (puppeteer's calls need CDP).
    printMedia: () => Promise.reject(new Error("Firefox's driver cannot emulate print media")),
    colorScheme: () => Promise.reject(new Error("Firefox's driver cannot emulate a colour scheme")),
    screenshot: async (path, clip) => void (await page.screenshot(clip ? { path, clip } : { path })),
    close: () => page.close(),
    tap: (x, y) => page.touchscreen.tap(x, y),
    keyDown: (key) => page.keyboard.down(key as never),
    keyUp: (key) => page.keyboard.up(key as never),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    wheel: (deltaX, deltaY) => page.mouse.wheel({ deltaX, deltaY }),
    inExplainer: (fn, arg) => callInFirefoxExplainer(connection, context(), fn, arg),
    async screenshotOf(selector, path) {
      const element = await page.$(selector);
      if (!element) throw new Error(`No element matches ${selector} to take a screenshot of.`);
      await element.screenshot({ path: path as `${string}.png` });
    },
    async chooseFile(selector, path) {
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector} on the page`);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
    },
    memory: async () => null,
  };

  async function readFirefox(reveal: string | undefined): Promise<ExplainerView | null> {
    const found = await connection.send("script.evaluate", {
      expression: 'document.querySelector("backstory-explainer")',
      target: { context: context() },
      awaitPromise: false,
      resultOwnership: "none",
      serializationOptions: { includeShadowTree: "all", maxDomDepth: 0 },
    });
    const value = (found.result.result as { value?: { shadowRoot?: { sharedId?: string } } }).value;
    const sharedId = value?.shadowRoot?.sharedId;
    if (!sharedId) return null;
    const read = await connection.send("script.callFunction", {
      functionDeclaration: READ_EXPLAINER,
      this: { sharedId },
      arguments: [reveal === undefined ? { type: "undefined" } : { type: "string", value: reveal }],
      target: { context: context() },
      awaitPromise: false,
      resultOwnership: "none",
    });
    const result = read.result.result as { value?: string };
    return JSON.parse(result.value ?? "null") as ExplainerView | null;
  }
}

/** Polls fn in the page until it returns something truthy, or fails with what it last saw. */
export async function waitFor<R>(
  probe: () => Promise<R>,
  what: string,
  timeout = 5000,
): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeout;
  let last: R | undefined;
  let failure: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      failure = undefined;
      if (last) return last as NonNullable<R>;
    } catch (error) {
      // A page in the middle of loading can fail an evaluation; that is not an answer yet.
      failure = error;
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  const seen = failure ? `last error: ${(failure as Error).message}` : `last saw ${JSON.stringify(last)}`;
  throw new Error(`Timed out after ${timeout} ms waiting for ${what} (${seen})`);
}

/** Polls a page reading until it holds still (the same twice, 300 ms apart); by default also non-empty. */
export async function settled<R>(
  probe: () => Promise<R[]>,
  what: string,
  { timeout = 10_000, allowEmpty = false } = {},
): Promise<R[]> {
  let last = JSON.stringify(await probe());
  return waitFor(
    async () => {
      await new Promise((done) => setTimeout(done, 300));
      const now = await probe();
      const same = JSON.stringify(now) === last && (allowEmpty || now.length > 0);
      last = JSON.stringify(now);
      return same ? now : null;
    },
    what,
    timeout,
  );
}

/** One CDP session per tab with touch emulation on, so that taps reach the page as touches. */
const touchSessions = new WeakMap<PlaywrightPage, ReturnType<BrowserContext["newCDPSession"]>>();

async function chromiumTap(
  context: BrowserContext,
  page: PlaywrightPage,
  x: number,
  y: number,
): Promise<void> {
  let session = touchSessions.get(page);
  if (!session) {
    session = context.newCDPSession(page).then(async (cdp) => {
      await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 1 });
      return cdp;
    });
    touchSessions.set(page, session);
  }
  const cdp = await session;
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

async function callInChromiumExplainer<R>(
  context: BrowserContext,
  page: PlaywrightPage,
  fn: string,
  arg: string | undefined,
): Promise<R | null> {
  const cdp = await context.newCDPSession(page);
  try {
    const shadow = await explainerShadow(cdp);
    if (!shadow) return null;
    const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send("Runtime.callFunctionOn", {
      objectId: object.objectId as string,
      functionDeclaration: fn,
      arguments: [{ value: arg }],
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return JSON.parse(result.value as string) as R;
  } finally {
    await cdp.detach();
  }
}

async function callInFirefoxExplainer<R>(
  connection: BidiConnection,
  context: string,
  fn: string,
  arg: string | undefined,
): Promise<R | null> {
  const found = await connection.send("script.evaluate", {
    expression: 'document.querySelector("backstory-explainer")',
    target: { context },
    awaitPromise: false,
    resultOwnership: "none",
    serializationOptions: { includeShadowTree: "all", maxDomDepth: 0 },
  });
  const value = (found.result.result as { value?: { shadowRoot?: { sharedId?: string } } }).value;
  const sharedId = value?.shadowRoot?.sharedId;
  if (!sharedId) return null;
  const called = await connection.send("script.callFunction", {
    functionDeclaration: fn,
    this: { sharedId },
    arguments: [arg === undefined ? { type: "undefined" } : { type: "string", value: arg }],
    target: { context },
    awaitPromise: true,
    resultOwnership: "none",
  });
  const result = called.result as {
    type: string;
    result?: { value?: string };
    exceptionDetails?: { text: string };
  };
  if (result.type === "exception") throw new Error(result.exceptionDetails?.text ?? "the call failed");
  return JSON.parse(result.result?.value ?? "null") as R;
}

/**
 * Chromium: playwright's context-wide request events (pages, frames, the extension's pages and its
 * service worker), plus the DevTools protocol's Network domain in every page for the initiating
 * script's stack, which is how a content script's request is told from the page's own.
 */
async function recordChromium(context: BrowserContext): Promise<RequestRecorder> {
  const log: SeenRequest[] = [];
  let recording = true;
  const frameUrl = (request: import("playwright-core").Request) => {
    try {
      return request.frame().url();
    } catch {
      return undefined; // a worker's request has no frame
    }
  };
  const onRequest = (request: import("playwright-core").Request) => {
    if (!recording || !/^https?:/.test(request.url())) return;
    log.push(seen(request.url(), [frameUrl(request), request.serviceWorker()?.url()]));
  };
  context.on("request", onRequest);
  const sessions: import("playwright-core").CDPSession[] = [];
  const watch = async (page: PlaywrightPage) => {
    const cdp = await context.newCDPSession(page).catch(() => null);
    if (!cdp) return;
    sessions.push(cdp);
    cdp.on("Network.requestWillBeSent", (event) => {
      if (!recording || !/^https?:/.test(event.request.url)) return;
      const stack: string[] = [];
      for (let at = event.initiator.stack; at; at = at.parent)
        for (const frame of at.callFrames) stack.push(frame.url);
      log.push(seen(event.request.url, [event.documentURL, event.initiator.url, ...stack]));
    });
    await cdp.send("Network.enable").catch(() => undefined);
  };
  await Promise.all(context.pages().map(watch));
  context.on("page", (page) => void watch(page));
  return {
    requests: () => [...log],
    async stop() {
      recording = false;
      context.off("request", onRequest);
      await Promise.all(sessions.map((cdp) => cdp.detach().catch(() => undefined)));
    },
  };
}

interface BidiEvents {
  on(event: string, handler: (params: never) => void): void;
  off(event: string, handler: (params: never) => void): void;
}

interface BeforeRequestSent {
  context: string | null;
  request: { url: string };
  initiator?: { stackTrace?: { callFrames: { url: string }[] } };
}

/**
 * Firefox: WebDriver BiDi's network.beforeRequestSent for every context, attributed by the URL of the
 * context that made it (tracked from navigation events) and by the initiating script's stack.
 */
async function recordFirefox(browser: PuppeteerBrowser): Promise<RequestRecorder> {
  const connection = (browser as unknown as { connection: BidiConnection & BidiEvents }).connection;
  const contextUrls = new Map<string, string>();
  const log: SeenRequest[] = [];
  const tree = await connection.send("browsingContext.getTree", {});
  const remember = (contexts: { context: string; url: string; children?: unknown[] | null }[]) => {
    for (const item of contexts) {
      contextUrls.set(item.context, item.url);
      remember((item.children ?? []) as typeof contexts);
    }
  };
  remember((tree.result.contexts ?? []) as { context: string; url: string }[]);
  const onNavigation = (event: { context: string; url: string }) => contextUrls.set(event.context, event.url);
  const onCreated = (event: { context: string; url: string }) => contextUrls.set(event.context, event.url);
  const onRequest = (event: BeforeRequestSent) => {
    if (!/^https?:/.test(event.request.url)) return;
    const stack = event.initiator?.stackTrace?.callFrames.map((frame) => frame.url) ?? [];
    const where = event.context
      ? (contextUrls.get(event.context) ?? `context ${event.context}`)
      : "no context";
    log.push(seen(event.request.url, [where, ...stack]));
  };
  const events = [
    "network.beforeRequestSent",
    "browsingContext.navigationStarted",
    "browsingContext.contextCreated",
  ];
  const subscribed = await connection.send("session.subscribe", { events });
  connection.on("browsingContext.navigationStarted", onNavigation);
  connection.on("browsingContext.contextCreated", onCreated);
  connection.on("network.beforeRequestSent", onRequest);
  return {
    requests: () => [...log],
    async stop() {
      connection.off("network.beforeRequestSent", onRequest);
      connection.off("browsingContext.navigationStarted", onNavigation);
      connection.off("browsingContext.contextCreated", onCreated);
      const id = (subscribed.result as { subscription?: string }).subscription;
      if (id) await connection.send("session.unsubscribe", { subscriptions: [id] }).catch(() => undefined);
    },
  };
}

// Host permissions granted ahead, for subscribing in Chromium.
/**
 * Launches like `launch`, with these origins' permission already granted, as when the reader accepts
 * the prompt of `permissions.request`. Chromium shows that prompt in browser UI that automation
 * cannot answer (playwright#32755), and resolves a request for an origin already granted at once
 * with true, without a prompt. So Chromium loads a copy of dist/chrome whose manifest also lists the
 * origins in `host_permissions` (granted at install): the only difference from the built extension.
 * Firefox's automation profile grants optional permission requests itself: it launches as usual.
 */
export async function launchWithHostPermissions(name: BrowserName, origins: string[]): Promise<TestBrowser> {
  requireBuild();
  if (name === "firefox") return launchFirefox();
  const dist = mkdtempSync(join(tmpdir(), "backstory-granted-"));
  cpSync(DIST.chromium, dist, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dist, "manifest.json"), "utf8"));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  writeFileSync(join(dist, "manifest.json"), JSON.stringify(manifest, null, 2));
  const browser = await launchChromium({ dist });
  return {
    ...browser,
    async close() {
      await browser.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** A tab's memory after a forced garbage collection (see Tab.memory). */
export interface MemorySample {
  /** Bytes in use on the JS heap. */
  jsHeap: number;
  /** Bytes the DOM itself holds outside the JS heap (nodes, ranges, highlights). */
  domHeap: number;
  /** Live DOM nodes, attached or not, and JS event listeners. */
  nodes: number;
  listeners: number;
}

/** One CDP session per tab for memory readings, kept so that repeated samples cost no attach. */
const memorySessions = new WeakMap<PlaywrightPage, ReturnType<BrowserContext["newCDPSession"]>>();

async function chromiumMemory(context: BrowserContext, page: PlaywrightPage): Promise<MemorySample> {
  let session = memorySessions.get(page);
  if (!session) {
    session = context.newCDPSession(page);
    memorySessions.set(page, session);
  }
  const cdp = await session;
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const dom = await cdp.send("Memory.getDOMCounters");
  return {
    jsHeap: heap.usedSize,
    domHeap: heap.embedderHeapUsedSize,
    nodes: dom.nodes,
    listeners: dom.jsEventListeners,
  };
}
