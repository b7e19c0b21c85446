/**
 * A service worker the browser stops in the middle of its work, in Chromium: the reader reads the
 * caspian story, then opens the humanitarian one; the page is answered and painted, and the
 * worker is stopped through the DevTools protocol (`ServiceWorker.stopAllWorkers`) while it is
 * storing the article. To stop it there every time, not by luck of timing, an extension page holds
 * a write transaction on the `articles` store meanwhile, so the worker's store waits on it. The
 * worker must come back on the next event with everything stored before intact, the interrupted
 * reading stored, and the next page analyzed and stored as usual. What is stored is read straight
 * from IndexedDB by an extension page (the same origin), so the check does not rely on the worker
 * it checks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import { FIXTURES_DIR, launch, visit, waitForPageDone } from './harness';

let server: Served;
let browser: Browser;
let extensionId: string;
let probe: Page;
let cdp: CDPSession;
const site = mkdtempSync(join(tmpdir(), 'dramatis-durable-'));

/** The two fixture stories, and a third: the caspian page under another address and title. */
function writeSite(): void {
  for (const file of ['caspian-cooperation.html', 'humanitarian-readiness.html'])
    writeFileSync(join(site, file), readFileSync(join(FIXTURES_DIR, file)));
  const third = readFileSync(join(FIXTURES_DIR, 'caspian-cooperation.html'), 'utf8')
    .replaceAll('news/503001/Tehran-Moscow-discuss-maritime-cooperation-in-Caspian-Sea-during', 'news/503009/Caspian-follow-up')
    .replace(/<title>[^<]*<\/title>/, '<title>Caspian follow-up</title>');
  writeFileSync(join(site, 'caspian-follow-up.html'), third);
}

beforeAll(async () => {
  writeSite();
  server = await serveStatic(site, { blockScripts: true });
  ({ browser, extensionId } = await launch('chromium'));
  probe = await browser.newPage();
  await probe.goto(`chrome-extension://${extensionId}/options.html#memory`);
  cdp = await probe.createCDPSession();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

interface Stored {
  articles: { id: string; url: string; visits: number; entityIds: string[] }[];
  entities: { id: string; name: string; aliases: string[]; sourceKind: string }[];
}

/** What IndexedDB holds, read by an extension page (no version: the schema stays the worker's). */
async function stored(): Promise<Stored> {
  return probe.evaluate(
    () =>
      new Promise<Stored>((resolve, reject) => {
        const open = indexedDB.open('dramatis');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['articles', 'entities'], 'readonly');
          const articles = tx.objectStore('articles').getAll();
          const entities = tx.objectStore('entities').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              articles: articles.result.map((a) => ({ id: a.id, url: a.url, visits: a.visits, entityIds: a.entityIds })),
              entities: entities.result.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, sourceKind: e.sourceKind })),
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** A message to the background from the extension page: it wakes a stopped worker. */
async function ask<T>(name: string, data: unknown): Promise<T> {
  const reply = await probe.evaluate(
    (n, d) => (globalThis as any).chrome.runtime.sendMessage({ name: n, data: d }),
    name,
    data as never,
  );
  if (!reply?.ok) throw new Error(`${name}: ${reply?.error ?? 'no answer'}`);
  return reply.value as T;
}

async function workers(): Promise<number> {
  const targets = browser.targets().filter((t) => t.type() === 'service_worker' && t.url().includes(extensionId));
  return targets.length;
}

/** Holds a write transaction on `articles` from the probe page until `release`: stores wait. */
async function holdArticles(): Promise<void> {
  await probe.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as { hold: boolean };
        w.hold = true;
        const open = indexedDB.open('dramatis');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('articles', 'readwrite');
          const store = tx.objectStore('articles');
          const spin = () => {
            if (w.hold) store.count().onsuccess = spin;
          };
          spin();
          tx.oncomplete = () => open.result.close();
          resolve();
        };
      }),
  );
}

const release = () => probe.evaluate(() => void ((window as unknown as { hold: boolean }).hold = false));

/** The popup's state of the tab showing `url`, as the background wrote it to `storage.session`. */
async function tabStatus(url: string): Promise<string | null> {
  return probe.evaluate(async (u) => {
    const all: Record<string, { url?: string; status?: string }> = await (globalThis as any).chrome.storage.session.get(null);
    return Object.values(all).find((t) => t.url === u)?.status ?? null;
  }, url);
}

const storedUrls = async () => (await stored()).articles.map((a) => a.url).sort();

test('a worker stopped mid-store comes back with nothing lost, stores the interrupted reading, and reads the next page', async () => {
  const caspian = await browser.newPage();
  await visit(caspian, `${server.url}caspian-cooperation.html`, { waitUntil: 'load' });
  await waitForPageDone(caspian);
  await expect.poll(storedUrls, { timeout: 30_000 }).toEqual([`${server.url}caspian-cooperation.html`]);
  const before = await stored();
  expect(before.entities.length).toBeGreaterThan(100); // the pack, and names learned from the story
  expect(before.entities.some((e) => e.sourceKind === 'discovered')).toBe(true);

  // The next story is answered, painted and described; the worker is stopped while storing it.
  await holdArticles();
  const humanitarian = await browser.newPage();
  await visit(humanitarian, `${server.url}humanitarian-readiness.html`, { waitUntil: 'load' });
  await waitForPageDone(humanitarian);
  expect(await humanitarian.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);
  await expect.poll(() => tabStatus(`${server.url}humanitarian-readiness.html`), { timeout: 30_000 }).toBe('article');
  await new Promise((resume) => setTimeout(resume, 500)); // learning, then the store that waits
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(workers, { timeout: 10_000 }).toBe(0);
  await release();

  // Nothing stored before was lost or damaged by the stop.
  const afterStop = await stored();
  expect(afterStop.articles.map((a) => a.url)).toEqual([`${server.url}caspian-cooperation.html`]);
  for (const article of before.articles) expect(afterStop.articles).toContainEqual(article);
  for (const entity of before.entities)
    expect(afterStop.entities.find((e) => e.id === entity.id)?.aliases ?? []).toEqual(expect.arrayContaining(entity.aliases));

  // The next event starts the worker again: it answers, and the interrupted reading is stored.
  const status = await ask<{ articles: number }>('bg:memory-status', {});
  expect(status.articles).toBeGreaterThanOrEqual(1);
  expect(await workers()).toBe(1);
  await expect
    .poll(storedUrls, { timeout: 30_000 })
    .toEqual([`${server.url}caspian-cooperation.html`, `${server.url}humanitarian-readiness.html`]);

  // A new page after the restart is analyzed (highlighted) and stored.
  const next = await browser.newPage();
  await visit(next, `${server.url}caspian-follow-up.html`, { waitUntil: 'load' });
  await waitForPageDone(next);
  expect(await next.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);
  await expect.poll(async () => (await storedUrls()).length, { timeout: 30_000 }).toBe(3);
  const after = await stored();
  for (const entity of before.entities) expect(after.entities.map((e) => e.id)).toContain(entity.id);
  expect((await ask<{ articles: number }>('bg:memory-status', {})).articles).toBe(3);
});
