/**
 * The dashboard in Chromium: search the knowledge base, import a CSV that adds a person, see the
 * person highlighted on the seed story under another spelling, refuse a broken file without
 * changing anything, and hide an entity everywhere.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import { FIXTURES_DIR, highlightsOn, launch, waitForPageDone } from './harness';

let server: Served;
let browser: Browser;
let extensionId: string;
let dashboard: Page;
const dir = mkdtempSync(join(tmpdir(), 'dramatis-import-'));

beforeAll(async () => {
  server = await serveStatic(FIXTURES_DIR, { blockScripts: true });
  ({ browser, extensionId } = await launch('chromium'));
  dashboard = await browser.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/options.html`);
  await dashboard.waitForSelector('table.entities');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function search(text: string): Promise<string[]> {
  await dashboard.$eval('input[type="search"]', (el) => ((el as HTMLInputElement).value = ''));
  await dashboard.type('input[type="search"]', text);
  await dashboard.waitForFunction(
    (t) =>
      [...document.querySelectorAll('table.entities .name')].length > 0 &&
      (document.querySelector('input[type="search"]') as HTMLInputElement).value === t,
    {},
    text,
  );
  await new Promise((r) => setTimeout(r, 400));
  return dashboard.$$eval('table.entities tbody tr', (rows) => rows.map((r) => r.getAttribute('data-entity-id')!));
}

async function importFile(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, content);
  const input = await dashboard.$('.import-panel input[type="file"]');
  await input!.uploadFile(path);
  await dashboard.waitForFunction(
    () => /Imported|not imported/.test(document.querySelector('.import-status')?.textContent ?? ''),
    { timeout: 20_000 },
  );
  return dashboard.$eval('.import-status', (e) => e.textContent ?? '');
}

async function openStory(file: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(server.url + file, { waitUntil: 'load' });
  await waitForPageDone(page);
  return page;
}

test('finds entities by any name, in any script', async () => {
  expect(await search('Iran')).toContain('country:ir');
  expect(await search('Иран')).toContain('country:ir');
  expect(await search('tehran')).toContain('city:ir-tehran');
});

test('an imported person is found under another spelling, and by surname', async () => {
  const status = await importFile(
    'people.csv',
    'name,type,aliases,description\nHabibollah Sayyari,person,,Deputy chief of the Iranian Army for Coordination\n',
  );
  expect(status).toMatch(/Imported people.csv\. Entities read: 1\./);
  const page = await openStory('humanitarian-readiness.html');
  const person = (await highlightsOn(page)).filter((h) => h.name === 'dramatis-person').map((h) => h.text);
  expect(person).toEqual(expect.arrayContaining(['Habibullah Sayyari', 'Sayyari']));
  await page.close();
});

test('a broken file is refused with its place named, and changes nothing', async () => {
  const before = await search('Sayyari');
  const status = await importFile('broken.csv', 'name,type,aliases\n"Unclosed quote,person,\nAnother,planet,\n');
  expect(status).toMatch(/not imported/);
  expect(status).toMatch(/[Ll]ine \d/);
  expect(await search('Sayyari')).toEqual(before);
});

test('hiding an entity removes its highlights everywhere', async () => {
  await search('Caspian Sea');
  await dashboard.click('tr[data-entity-id="place:caspian-sea"] button[aria-label^="Hide"]');
  await dashboard.waitForSelector('tr[data-entity-id="place:caspian-sea"].hidden-entity');
  const page = await openStory('caspian-cooperation.html');
  const texts = (await highlightsOn(page)).map((h) => h.text);
  expect(texts).not.toContain('Caspian Sea');
  expect(texts).toContain('Iran');
});
