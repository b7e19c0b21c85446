/**
 * The reading memory in the dashboard, in Chromium: after reading the two seed stories, a search
 * for "Sayyari" finds both with the name marked; Habibollah Sayyari's page draws its timeline
 * (Chart.js canvas) and network (Cytoscape.js canvas) and lists both articles; a backup exported,
 * everything cleared and the backup imported brings the articles back; a damaged file is refused
 * with the background's message and changes nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import { FIXTURES_DIR, launch, waitForPageDone } from './harness';

let server: Served;
let browser: Browser;
let extensionId: string;
let dashboard: Page;
const downloads = mkdtempSync(join(tmpdir(), 'dramatis-backup-'));
const STORIES = ['caspian-cooperation.html', 'humanitarian-readiness.html'];

beforeAll(async () => {
  server = await serveStatic(FIXTURES_DIR, { blockScripts: true });
  ({ browser, extensionId } = await launch('chromium'));
  for (const file of STORIES) {
    const page = await browser.newPage();
    await page.goto(server.url + file, { waitUntil: 'load' });
    await waitForPageDone(page);
    await page.close();
  }
  dashboard = await browser.newPage();
  dashboard.on('dialog', (dialog) => void dialog.accept());
  const cdp = await dashboard.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (hash: string) => `chrome-extension://${extensionId}/options.html${hash}`;

/** The titles of the search results for `words`, each with its marked words. */
async function search(words: string): Promise<{ title: string; marks: string[] }[]> {
  await dashboard.goto('about:blank'); // a fresh dashboard, not a same-document hash change
  await dashboard.goto(url(`#search=${encodeURIComponent(words)}`));
  await dashboard.waitForSelector('li.result, .articles-view .empty', { timeout: 20_000 });
  await new Promise((r) => setTimeout(r, 500));
  return dashboard.$$eval('li.result', (items) =>
    items.map((li) => ({
      title: li.querySelector('h3')!.textContent ?? '',
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    })),
  );
}

async function storedArticles(): Promise<number> {
  await dashboard.goto('about:blank');
  await dashboard.goto(url('#memory'));
  await dashboard.waitForSelector('.usage');
  return dashboard.$eval('button.clear-all', (b) => Number((b.textContent ?? '').match(/\d+/)?.[0] ?? 0));
}

test('the two stories are stored, and a search for Sayyari finds both with the name marked', async () => {
  // The background stores an article after analyzing it; give it a moment on a slow machine.
  await expect.poll(async () => (await search('Sayyari')).length, { timeout: 20_000 }).toBe(2);
  const results = await search('Sayyari');
  for (const r of results) expect(r.marks.some((m) => /Sayyari/i.test(m))).toBe(true);
});

test('Habibollah Sayyari’s page draws its timeline and network and lists both articles', async () => {
  await search('Sayyari');
  await dashboard.click('li.result h3 a');
  await dashboard.waitForSelector('.article-page .actor a');
  const link = await dashboard.waitForSelector('::-p-xpath(//li[contains(@class,"actor")]/a[contains(., "Sayyari")])');
  await link!.click();
  await dashboard.waitForSelector('.entity-page');
  expect(await dashboard.$eval('.entity-page h2', (h) => h.textContent)).toMatch(/Habib[ou]llah Sayyari/);
  // Chart.js drew its bars: the canvas has a size and painted pixels.
  await dashboard.waitForFunction(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.timeline canvas');
    if (!canvas || canvas.width === 0) return false;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    return data.some((v, i) => i % 4 === 3 && v > 0);
  });
  // Cytoscape drew its canvases; its nodes are the entity plus the listed actors.
  await dashboard.waitForSelector('.graph-box canvas');
  const nodes = await dashboard.$eval('.graph-box', (b) => Number(b.getAttribute('data-nodes')));
  const listed = await dashboard.$$eval('.graph-list li', (items) => items.length);
  expect(listed).toBeGreaterThan(0);
  expect(nodes).toBe(listed + 1);
  expect(await dashboard.$$eval('.entity-page .article-links li', (items) => items.length)).toBe(2);
});

let backup = '';

test('a backup exported, the articles cleared and the backup imported: the articles are back', async () => {
  expect(await storedArticles()).toBe(2);
  await dashboard.click('button.export-backup');
  await expect
    .poll(() => readdirSync(downloads).filter((f) => /^dramatis-backup-.*\.json$/.test(f)).length, { timeout: 20_000 })
    .toBe(1);
  const file = join(
    downloads,
    readdirSync(downloads).find((f) => f.endsWith('.json'))!,
  );
  await expect.poll(() => existsSync(file) && readFileSync(file, 'utf8').trim().endsWith('}')).toBe(true);
  backup = readFileSync(file, 'utf8');
  expect(JSON.parse(backup)).toMatchObject({ format: 'dramatis-backup' });

  await dashboard.click('button.clear-all'); // the confirm dialog is accepted
  await dashboard.waitForFunction(() => document.querySelector<HTMLButtonElement>('button.clear-all')?.disabled === true, {
    timeout: 20_000,
  });
  expect(await search('Sayyari')).toEqual([]);

  await dashboard.goto(url('#memory'));
  const input = await dashboard.waitForSelector('input.backup-file');
  await input!.uploadFile(file);
  await dashboard.waitForSelector('.backup-status.done, .backup-status.failed', { timeout: 30_000 });
  expect(await dashboard.$eval('.backup-status', (s) => s.textContent)).toMatch(/^Imported .* 2 articles\.$/);
  expect(await search('Sayyari')).toHaveLength(2);
});

test('a damaged backup is refused with the background’s message and changes nothing', async () => {
  const damaged = join(downloads, 'damaged.json');
  writeFileSync(damaged, backup.slice(0, Math.floor(backup.length / 2)));
  await dashboard.goto(url('#memory'));
  const input = await dashboard.waitForSelector('input.backup-file');
  await input!.uploadFile(damaged);
  await dashboard.waitForSelector('.backup-status.failed, .backup-status.done', { timeout: 30_000 });
  const message = await dashboard.$eval('.backup-status', (s) => s.textContent ?? '');
  expect(message).toMatch(/^damaged\.json was not imported, nothing changed: \S/);
  expect(await storedArticles()).toBe(2);
  expect(await search('Sayyari')).toHaveLength(2);
});
