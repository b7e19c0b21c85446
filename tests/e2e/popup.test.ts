/**
 * The popup in Chromium (Firefox's BiDi will not open moz-extension:// pages):
 * `popup.html?tabId=N` lists tab N's actors grouped by type, and on a page that is not an
 * article offers "Analyze this page anyway", which highlights it.
 */
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { activeTabId, extensionWorker, tabIdOf } from '../../scripts/lib/browsers';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import { FIXTURES_DIR, highlightsOn, launch, measures, waitForPageDone } from './harness';

let server: Served;
let browser: Browser;
let extensionId: string;
let worker: WebWorker;

beforeAll(async () => {
  server = await serveStatic(FIXTURES_DIR, { blockScripts: true });
  ({ browser, extensionId } = await launch('chromium'));
  worker = await extensionWorker(browser, extensionId);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openArticle(file: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.newPage();
  await page.goto(server.url + file, { waitUntil: 'load' });
  await waitForPageDone(page);
  const tabId = await tabIdOf(worker, server.url + file);
  expect(tabId).not.toBeNull();
  return { page, tabId: tabId! };
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await browser.newPage();
  await popup.setViewport({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

async function actorGroups(popup: Page): Promise<Record<string, string[]>> {
  await popup.waitForSelector('.actor-group');
  return popup.$$eval('.actor-group', (groups) =>
    Object.fromEntries(
      groups.map((g) => [g.getAttribute('data-type'), [...g.querySelectorAll('.actor-name')].map((a) => a.textContent)]),
    ),
  );
}

test('lists the caspian story’s actors grouped by type', async () => {
  const { tabId } = await openArticle('caspian-cooperation.html');
  const popup = await openPopup(tabId);
  const groups = await actorGroups(popup);
  expect(groups.place).toEqual(expect.arrayContaining(['Iran', 'Russia', 'China', 'Caspian Sea', 'Beijing']));
  expect(groups.organization).toEqual(expect.arrayContaining(['Islamic Republic of Iran Army']));
  expect(Object.values(groups).flat()).toContain('Xiangshan Security Forum');
  expect(await popup.$eval('.article-title', (e) => e.textContent)).toContain('Caspian Sea');
  await popup.close();
});

test('lists the humanitarian story’s organizations at full length', async () => {
  const { tabId } = await openArticle('humanitarian-readiness.html');
  const groups = await actorGroups(await openPopup(tabId));
  expect(groups.organization).toEqual(
    expect.arrayContaining(['International Committee of the Red Cross', 'National University of Defense Technology']),
  );
});

test('on the section front, says it is not an article and analyzes it on request', async () => {
  const { page, tabId } = await openArticle('section-front.html');
  expect(await measures(page)).not.toContain('dramatis:article');
  const popup = await openPopup(tabId);
  const button = await popup.waitForSelector('.not-article button');
  expect(await button!.evaluate((b) => b.textContent)).toBe('Analyze this page anyway');
  await button!.click();
  const groups = await actorGroups(popup);
  expect(groups.place).toEqual(expect.arrayContaining(['Iran', 'Tehran']));
  expect(await popup.$('.note')).not.toBeNull();
  const texts = (await highlightsOn(page)).map((h) => h.text);
  expect(texts).toEqual(expect.arrayContaining(['Iran', 'Tehran']));
});

test('a tab the extension cannot run on is said so', async () => {
  const page = await browser.newPage();
  await page.goto('chrome://version');
  const popup = await openPopup(await activeTabId(worker, page));
  await popup.waitForSelector('.unsupported');
  expect(await popup.$eval('.unsupported', (e) => e.textContent)).toMatch(/cannot run/);
});
