/** Shared steps of the e2e tests: build locations, the fixture server, page probes. */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, launchFirefox } from '../../scripts/lib/browsers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const CHROME_DIR = `${root}.output/chrome-mv3`;
export const FIREFOX_DIR = `${root}.output/firefox-mv2`;
export const FIXTURES_DIR = `${root}tests/fixtures`;

export type BrowserName = 'chromium' | 'firefox';

export async function launch(name: BrowserName): Promise<{ browser: Browser; extensionId: string }> {
  return name === 'chromium' ? launchChromium({ extensionDir: CHROME_DIR }) : launchFirefox({ extensionDir: FIREFOX_DIR });
}

/**
 * A page for the popup, in a window of its own, as a browser shows it: over the tab it describes,
 * which stays visible. Opened as another tab instead, it hides the article's tab, whose animation
 * frames then stop, and a wait on that tab with puppeteer's default polling (one check per frame)
 * checks once and never again: the popup's reveal test timed out that way whenever the focus
 * arrived after the first check.
 */
export function newPopupPage(browser: Browser): Promise<Page> {
  return browser.newPage({ type: 'window' });
}

/**
 * Counts DOM mutations from the page's own world once the parser is done (DOMContentLoaded
 * fires before the content script runs at document_idle). With page scripts blocked, every
 * mutation counted is the extension's.
 */
export async function watchMutations(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { __mutations: number; __mutationLog: string[] };
    w.__mutations = 0;
    w.__mutationLog = [];
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => {
        w.__mutations += records.length;
        for (const r of records.slice(0, 5)) w.__mutationLog.push(`${r.type} on ${(r.target as Element).nodeName}`);
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
}

export async function mutationCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __mutations: number }).__mutations);
}

export interface HighlightInfo {
  name: string;
  text: string;
  /** Tag names of the highlighted text's ancestors, nearest first. */
  ancestors: string[];
}

/** Every highlighted range on the page with where it sits. */
export async function highlightsOn(page: Page): Promise<HighlightInfo[]> {
  return page.evaluate(() => {
    const out: { name: string; text: string; ancestors: string[] }[] = [];
    for (const [name, hl] of CSS.highlights) {
      for (const range of hl as unknown as Iterable<Range>) {
        const ancestors: string[] = [];
        for (let n: Node | null = range.commonAncestorContainer; n; n = n.parentNode) {
          if (n.nodeType === 1) {
            const el = n as Element;
            ancestors.push(el.className ? `${el.localName}.${String(el.className).split(' ')[0]}` : el.localName);
          }
        }
        out.push({ name, text: range.toString(), ancestors });
      }
    }
    return out;
  });
}

export async function measures(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .map((m) => m.name)
      .filter((n) => n.startsWith('dramatis:')),
  );
}

export async function waitForPageDone(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('dramatis:page').length > 0, { timeout, polling: 50 });
}

/**
 * Navigates, retrying once when Firefox's WebDriver BiDi reports "Address rejected": an
 * intermittent driver error on a fresh tab's first navigation, not something the page or the
 * extension did (the retry loads the same address in the same tab).
 */
export async function visit(
  page: Page,
  url: string,
  { waitUntil = 'domcontentloaded', timeout = 30_000 }: { waitUntil?: 'load' | 'domcontentloaded'; timeout?: number } = {},
): Promise<void> {
  try {
    await page.goto(url, { waitUntil, timeout });
  } catch (error) {
    if (!/Address rejected/.test(String(error))) throw error;
    console.warn(`Retrying ${url} after a driver navigation error: ${String(error).split('\n')[0]}`);
    await page.goto(url, { waitUntil, timeout });
  }
}
