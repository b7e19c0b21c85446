// Finds, installs and launches the two Debian browsers the tests and the demo drive.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

export const BROWSERS: Record<BrowserName, { bin: string; pkg: string }> = {
  chromium: { bin: '/usr/bin/chromium', pkg: 'chromium' },
  firefox: { bin: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
};

/** Installs the named browsers from Debian's packages when missing (as root), or explains. */
export function ensureBrowsers(names: BrowserName[] = ['chromium', 'firefox']): void {
  const missing = names.map((n) => BROWSERS[n]).filter((b) => !existsSync(b.bin));
  if (missing.length === 0) return;
  const pkgs = missing.map((b) => b.pkg);
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing browsers. Install them with: sudo apt-get install -y ${pkgs.join(' ')}`);
  }
  console.log(`Installing ${pkgs.join(', ')} from Debian's packages…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env });
}

// Saved pages name hosts nothing here can reach: make every lookup fail at once.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

/** Chromium with the built extension; returns the browser and the extension's id. */
export interface LaunchOptions {
  extensionDir: string;
  headless?: boolean;
  /** Chromium only: more command-line switches. */
  args?: string[];
  /** Firefox only: the port of the HTTP proxy every non-local request goes to (9, the discard port, refuses them). */
  proxyPort?: number;
  /** Firefox only: more preferences. */
  prefs?: Record<string, unknown>;
}

export async function launchChromium({
  extensionDir,
  headless = true,
  args = [],
}: LaunchOptions): Promise<{ browser: Browser; extensionId: string }> {
  const browser = await puppeteer.launch({
    executablePath: BROWSERS.chromium.bin,
    pipe: true,
    enableExtensions: true,
    headless,
    defaultViewport: headless ? { width: 1280, height: 900 } : null,
    args: [...CHROMIUM_ARGS, ...args],
  });
  const extensionId = await browser.installExtension(extensionDir);
  return { browser, extensionId };
}

/** Firefox ESR with the built extension, over WebDriver BiDi. */
export async function launchFirefox({
  extensionDir,
  headless = true,
  proxyPort = 9,
  prefs = {},
}: LaunchOptions): Promise<{ browser: Browser; extensionId: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: BROWSERS.firefox.bin,
    headless,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      ...prefs,
    },
  });
  const extensionId = await browser.installExtension(extensionDir);
  return { browser, extensionId };
}

/** The extension's background service worker (Chromium), to read tab ids and state. */
export async function extensionWorker(browser: Browser, extensionId: string): Promise<WebWorker> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
  );
  const worker = await target.worker();
  if (!worker) throw new Error('The extension has no service worker');
  return worker;
}

/**
 * The id of the tab whose address is exactly `url`, asked of the extension's worker; give tabs
 * showing the same page a fragment each to tell them apart.
 */
export async function tabIdOf(worker: WebWorker, url: string): Promise<number | null> {
  return worker.evaluate(async (u: string) => {
    const tabs: { id?: number; url?: string }[] = await (globalThis as any).chrome.tabs.query({ url: u.split('#')[0] });
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
}

/** The id of the tab `page` shows (it is brought to the front to be found). */
export async function activeTabId(worker: WebWorker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await worker.evaluate(async () => {
    const [tab] = await (globalThis as any).chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return (tab?.id as number | undefined) ?? null;
  });
  if (id === null) throw new Error('No active tab');
  return id;
}
