/**
 * Pages that change after they load, in both browsers: text the page adds to the article is
 * read and highlighted; text it removes or rewrites leaves no highlight behind. The changes are
 * made from the page's own world, as a live blog's script would.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import { FIXTURES_DIR, launch, visit, waitForPageDone, type BrowserName } from './harness';

let server: Served;
beforeAll(async () => {
  server = await serveStatic(FIXTURES_DIR, { blockScripts: true });
});
afterAll(() => server?.close());

/** Every painted range as the page sees it: its text, and whether its nodes are still in the page. */
async function ranges(page: Page): Promise<{ text: string; connected: boolean }[]> {
  return page.evaluate(() =>
    [...CSS.highlights]
      .filter(([name]) => name.startsWith('dramatis-') && name !== 'dramatis-focus')
      .flatMap(([, h]) =>
        [...(h as unknown as Iterable<Range>)].map((r) => ({
          text: r.toString(),
          connected: r.startContainer.isConnected && r.endContainer.isConnected,
        })),
      ),
  );
}

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (name) => {
  let browser: Browser;
  beforeAll(async () => {
    ({ browser } = await launch(name));
  });
  afterAll(() => browser?.close());

  test('a paragraph the page appends is highlighted; one it removes or rewrites leaves no highlight', async () => {
    const page = await browser.newPage();
    await visit(page, server.url + 'caspian-cooperation.html', { waitUntil: 'load' });
    await waitForPageDone(page);
    const before = await ranges(page);
    expect(before.some((r) => r.text === 'International Committee of the Red Cross')).toBe(false);

    await page.evaluate(() => {
      const last = [...document.querySelectorAll('article p')].at(-1)!;
      const p = document.createElement('p');
      p.id = 'live-update';
      p.textContent = 'Update: the delegation later met the International Committee of the Red Cross in Geneva.';
      last.after(p);
    });
    await expect
      .poll(async () => (await ranges(page)).some((r) => r.text === 'International Committee of the Red Cross'), {
        timeout: 10_000,
      })
      .toBe(true);

    // The page takes the update back and rewrites a name elsewhere.
    await page.evaluate(() => {
      document.getElementById('live-update')!.remove();
      const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n as Text;
        if (text.data.includes('Caspian Sea')) text.data = text.data.replaceAll('Caspian Sea', 'inland waters');
      }
    });
    await expect
      .poll(
        async () => {
          const now = await ranges(page);
          return (
            now.every((r) => r.connected && r.text.trim().length > 0) &&
            !now.some((r) => r.text === 'International Committee of the Red Cross' || /Caspian Sea|inland/.test(r.text))
          );
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    // The rest is still highlighted.
    expect((await ranges(page)).some((r) => r.text === 'Alexander Fomin' || r.text === 'Fomin')).toBe(true);
    await page.close();
  });
});
