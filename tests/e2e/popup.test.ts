/**
 * The popup in Chromium (Firefox's BiDi will not open moz-extension:// pages):
 * `popup.html?tabId=N` lists tab N's actors grouped by type, and on a page that is not an
 * article offers "Analyze this page anyway", which highlights it.
 */
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { activeTabId, extensionWorker, tabIdOf } from '../../scripts/lib/browsers';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import { FIXTURES_DIR, highlightsOn, launch, measures, newPopupPage, waitForPageDone } from './harness';

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

let opened = 0;

async function openArticle(file: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.newPage();
  // The same file may be open in several tabs by now, and asking for the active tab may race
  // with bringing this one to the front: a fragment of its own (the same article) finds it.
  const url = `${server.url}${file}#tab-${++opened}`;
  await page.goto(url, { waitUntil: 'load' });
  await waitForPageDone(page);
  const tabId = await tabIdOf(worker, url);
  if (tabId === null) throw new Error(`No tab shows ${url}`);
  return { page, tabId };
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await newPopupPage(browser);
  await popup.setViewport({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

const expected = JSON.parse(readFileSync(`${FIXTURES_DIR}/expected.json`, 'utf8')) as {
  pages: Record<string, { topics?: string[] }>;
};

async function topicLabels(popup: Page): Promise<string[]> {
  await popup.waitForSelector('.topic');
  return popup.$$eval('.topic-label', (labels) => labels.map((l) => l.firstChild?.textContent ?? ''));
}

/** Waits until every group lists all its actors (long lists fill in over a few frames). */
async function allRows(popup: Page): Promise<void> {
  await popup.waitForSelector('.actor-group');
  await popup.waitForFunction(() =>
    [...document.querySelectorAll('.actor-group')].every(
      (g) => g.querySelectorAll('li.actor').length === Number(g.querySelector('.count')?.textContent),
    ),
  );
}

async function discoveredNames(popup: Page): Promise<string[]> {
  await allRows(popup);
  return popup.$$eval('.actor.discovered .actor-name', (names) => names.map((n) => n.textContent ?? ''));
}

async function actorGroups(popup: Page): Promise<Record<string, string[]>> {
  await allRows(popup);
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

test('people nobody listed are found, marked new, and the topics a reader expects rank near the top', async () => {
  for (const file of ['caspian-cooperation.html', 'humanitarian-readiness.html']) {
    const { page, tabId } = await openArticle(file);
    const popup = await openPopup(tabId);
    const groups = await actorGroups(popup);
    const people = file.startsWith('caspian')
      ? ['Habibollah Sayyari', 'Alexander Fomin']
      : ['Habibollah Sayyari', 'Gilles Carbonnier'];
    expect(groups.person).toEqual(expect.arrayContaining(people));
    expect(await discoveredNames(popup)).toEqual(expect.arrayContaining(people));
    const topics = await topicLabels(popup);
    for (const topic of expected.pages[file]!.topics!) expect(topics.slice(0, 5), `${file}: ${topic}`).toContain(topic);
    // Each topic says why.
    expect(await popup.$$eval('.topic-terms', (t) => t.every((e) => (e.textContent ?? '').length > 0))).toBe(true);
    await popup.close();
    await page.close();
  }
});

test('a name learned on one story links the next: “Habibullah Sayyari” is the Habibollah Sayyari of the first', async () => {
  await openArticle('caspian-cooperation.html');
  const { page, tabId } = await openArticle('humanitarian-readiness.html');
  const popup = await openPopup(tabId);
  const groups = await actorGroups(popup);
  expect(groups.person).toContain('Habibollah Sayyari');
  expect(groups.person).not.toContain('Habibullah Sayyari');
  const texts = (await highlightsOn(page)).map((h) => h.text);
  expect(texts).toEqual(expect.arrayContaining(['Habibullah Sayyari', 'Sayyari']));
});

async function actOn(popup: Page, name: string, label: string): Promise<void> {
  const row = await popup.waitForSelector(
    `xpath///li[contains(@class,"actor")][.//*[contains(@class,"actor-name") and text()="${name}"]]`,
  );
  await (await row!.$('button.more'))!.click();
  const button = await row!.waitForSelector(`xpath/.//button[text()="${label}"]`);
  await button!.click();
}

test('kept names lose their “new” mark; a rejected name loses its highlights and is never proposed again', async () => {
  const { page, tabId } = await openArticle('caspian-cooperation.html');
  const popup = await openPopup(tabId);
  await actorGroups(popup);
  await actOn(popup, 'Alexander Fomin', 'Keep');
  await popup.waitForFunction(
    () => ![...document.querySelectorAll('.actor.discovered .actor-name')].some((n) => n.textContent === 'Alexander Fomin'),
  );
  await page.waitForFunction(() =>
    [...(CSS.highlights.get('dramatis-person') ?? [])].some((r) => String(r) === 'Alexander Fomin'),
  );

  await actOn(popup, 'Habibollah Sayyari', 'Not a name');
  await popup.waitForFunction(
    () => ![...document.querySelectorAll('.actor-name')].some((n) => n.textContent === 'Habibollah Sayyari'),
  );
  const gone = async (p: Page) => !(await highlightsOn(p)).some((h) => h.text.includes('Sayyari'));
  await page.waitForFunction(() => ![...CSS.highlights.values()].some((h) => [...h].some((r) => String(r).includes('Sayyari'))));
  expect(await gone(page)).toBe(true);
  await page.reload({ waitUntil: 'load' });
  await waitForPageDone(page);
  expect(await gone(page)).toBe(true);
});

test('a click on an actor shows its next mention; highlighting turns off on the site, and by type', async () => {
  const { page, tabId } = await openArticle('humanitarian-readiness.html');
  const popup = await openPopup(tabId);
  await actorGroups(popup);
  const reveal = await popup.waitForSelector(
    'xpath///button[contains(@class,"reveal") and text()="National University of Defense Technology"]',
  );
  await reveal!.click();
  await page.waitForFunction(
    () => [...(CSS.highlights.get('dramatis-focus') ?? [])].map(String).join() === 'National University of Defense Technology',
  );

  const names = () => page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n !== 'dramatis-focus').sort());
  await popup.click('.display-settings summary');
  // Found again before each click: the panel re-renders as the tab's analysis grows (related
  // articles arrive after the article is stored).
  const siteSwitch = () => popup.waitForSelector('xpath///label[contains(., "On 127.0.0.1")]/input');
  await (await siteSwitch())!.click();
  await page.waitForFunction(
    () => [...CSS.highlights.keys()].filter((n) => n.startsWith('dramatis-') && n !== 'dramatis-focus').length === 0,
  );
  await popup.waitForFunction(
    () => !document.querySelector<HTMLInputElement>('.display-settings input[type="checkbox"]')?.checked,
  );
  await (await siteSwitch())!.click();
  await page.waitForFunction(() => CSS.highlights.has('dramatis-place'));

  const places = () => popup.waitForSelector('xpath///fieldset[contains(@class,"types")]//label[contains(., "Places")]/input');
  await (await places())!.click();
  await page.waitForFunction(() => !CSS.highlights.has('dramatis-place') && CSS.highlights.has('dramatis-organization'));
  expect((await names()).some((n) => n.startsWith('dramatis-place'))).toBe(false);
  await (await places())!.click();
  await page.waitForFunction(() => CSS.highlights.has('dramatis-place'));
  expect(await popup.$eval('.display-settings', (d) => d.textContent)).toContain('On every site');
});
