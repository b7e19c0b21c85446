/**
 * Single-page apps in both browsers: an SPA's navigation (history.pushState, the Navigation API,
 * back through popstate) drops the old article's highlights and reads the new one. And, in
 * Chromium, an extension reloaded while a page is open leaves nothing behind in that page.
 *
 * The living pages (tests/fixtures/living/) are served WITH their own scripts: an SPA's router
 * must be the page's own (its Navigation API intercept handler and its popstate listener answer
 * the browser's own events, back included), so these pages are real apps a reader can also
 * click through by hand. Nothing else in this folder runs a script, and the pages only fetch the
 * seed articles from this same local server.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extensionWorker } from '../../scripts/lib/browsers';
import { hoverHighlight } from '../../scripts/lib/highlight-point';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import { FIXTURES_DIR, launch, visit, waitForPageDone, type BrowserName } from './harness';
import {
  highlightNames,
  isLive,
  ONLY_CASPIAN,
  ONLY_HUMANITARIAN,
  pageMeasures,
  paintedRanges,
  paintedTexts,
  waitForMark,
} from './living-probes';

let server: Served;
beforeAll(async () => {
  server = await serveStatic(FIXTURES_DIR);
});
afterAll(() => server?.close());

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
const POLL = { timeout: 15_000, interval: 100 };

/** True once every range is live, none reads a name of `gone`, and some read names of `shown`. */
async function shows(page: Page, shown: string[], gone: string[]): Promise<boolean> {
  const ranges = await paintedRanges(page);
  return (
    ranges.every((r) => isLive(r) && !gone.includes(r.text)) &&
    shown.filter((name) => ranges.some((r) => r.text === name)).length >= 2
  );
}

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (name) => {
  let browser: Browser;
  beforeAll(async () => {
    ({ browser } = await launch(name));
  });
  afterAll(() => browser?.close());

  test.each(['history', 'navigation'])(
    'an SPA navigation (%s router) swaps the highlights for the new story’s; back brings the first story’s',
    async (router) => {
      const page = await browser.newPage();
      await visit(page, `${server.url}living/spa.html?router=${router}&story=caspian`, { waitUntil: 'load' });
      await waitForMark(page, 'shown', 'caspian');
      const used = await page.evaluate(() => document.documentElement.dataset.router);
      if (used !== router) console.warn(`${name} has no Navigation API: spa.html ran its history router instead`);
      await expect.poll(() => shows(page, ONLY_CASPIAN, ONLY_HUMANITARIAN), POLL).toBe(true);
      const first = await pageMeasures(page);

      // The app's own navigation: a click on its link (pushState), or navigation.navigate.
      if (used === 'navigation')
        await page.evaluate(() => {
          const link = document.querySelector<HTMLAnchorElement>('a[data-story="humanitarian"]')!;
          void (window as unknown as { navigation: { navigate(url: string): unknown } }).navigation.navigate(link.href);
        });
      else await page.click('a[data-story="humanitarian"]');
      await waitForMark(page, 'shown', 'humanitarian');
      // The old story's highlights went as the navigation started, before the app swapped it.
      expect((await paintedRanges(page)).filter((r) => !isLive(r) || ONLY_CASPIAN.includes(r.text))).toEqual([]);
      // No range reads a name only the first story has, none is on removed nodes, and the new
      // story's actors (tests/fixtures/expected.json) are painted.
      await expect.poll(() => shows(page, ONLY_HUMANITARIAN, ONLY_CASPIAN), POLL).toBe(true);
      // The new story was read as a page of its own, at its own address.
      await expect.poll(async () => (await pageMeasures(page)).slice(first.length), POLL).toEqual([page.url()]);
      expect(page.url()).toContain('story=humanitarian');

      await page.evaluate(() => history.back());
      await waitForMark(page, 'shown', 'caspian');
      await expect.poll(() => shows(page, ONLY_CASPIAN, ONLY_HUMANITARIAN), POLL).toBe(true);
      await page.close();
    },
  );

  test('a change of the address’s fragment alone is the same page: its highlights stay', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.url}living/spa.html?story=caspian`, { waitUntil: 'load' });
    await waitForMark(page, 'shown', 'caspian');
    await expect.poll(() => shows(page, ONLY_CASPIAN, ONLY_HUMANITARIAN), POLL).toBe(true);
    const measured = (await pageMeasures(page)).length;
    await page.evaluate(() => {
      location.hash = '#comments';
    });
    // WXT reports a changed address within a second where the Navigation API is missing.
    await pause(1_500);
    expect((await paintedRanges(page)).length).toBeGreaterThan(0);
    expect(await pageMeasures(page)).toHaveLength(measured);
    await page.close();
  });

  test('a story the reader comes back to from the back/forward cache is painted again', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.url}caspian-cooperation.html`, { waitUntil: 'load' });
    await expect.poll(() => shows(page, ONLY_CASPIAN, ONLY_HUMANITARIAN), POLL).toBe(true);
    await page.evaluate(() =>
      addEventListener('pageshow', (event) => {
        document.documentElement.dataset.restored = String(event.persisted);
      }),
    );
    await visit(page, `${server.url}humanitarian-readiness.html`, { waitUntil: 'load' });
    await expect.poll(() => shows(page, ONLY_HUMANITARIAN, ONLY_CASPIAN), POLL).toBe(true);
    // A page restored from the cache fires no load event: the wait ends with the restore or the timeout.
    await page.goBack({ timeout: 5_000 }).catch(() => null);
    const restored = await page.evaluate(() => document.documentElement.dataset.restored ?? 'no');
    if (restored !== 'true') console.warn(`${name} loaded the first story again instead of restoring it from its cache`);
    // Let go of as the reader left it, read again as they came back.
    await expect.poll(() => shows(page, ONLY_CASPIAN, ONLY_HUMANITARIAN), POLL).toBe(true);
    await page.close();
  });
});

describe('chromium: the extension reloaded while a page is open', () => {
  let browser: Browser;
  let extensionId: string;
  beforeAll(async () => {
    ({ browser, extensionId } = await launch('chromium'));
  });
  afterAll(() => browser?.close());

  test('leaves no highlight, no card and no listener or observer acting in the page', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.url}living/edits.html`, { waitUntil: 'load' });
    await waitForPageDone(page);
    await expect.poll(async () => (await paintedTexts(page)).has('Alexander Fomin'), POLL).toBe(true);
    // The card is open on a name, so its host is in the page.
    await hoverHighlight(page, 'Alexander Fomin');
    await page.waitForSelector('dramatis-card', { timeout: 10_000 });

    const worker = await extensionWorker(browser, extensionId);
    // The worker goes away with the reload: its evaluation may never answer.
    await Promise.race([worker.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => undefined), pause(1_000)]);

    await expect.poll(() => highlightNames(page), POLL).toEqual([]);
    expect(await page.$('dramatis-card')).toBeNull();

    // The page edits its article and the reader hovers a name again: nothing answers.
    await page.click('#rewrite');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Update: Alexander Fomin later met the International Committee of the Red Cross in Geneva.';
      document.querySelector('article')!.append(p);
    });
    await page.mouse.move(5, 5);
    const point = await page.evaluate(() => {
      const p = [...document.querySelectorAll('article p')].find((el) => el.textContent!.includes('Alexander Fomin'))!;
      const r = p.getBoundingClientRect();
      return { x: r.left + 40, y: r.top + 10 };
    });
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await pause(2_000);
    expect(await highlightNames(page)).toEqual([]);
    expect(await page.$('dramatis-card')).toBeNull();
    await page.close();
  });
});
