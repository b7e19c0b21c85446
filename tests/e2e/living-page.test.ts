/**
 * Pages that change after they load, in both browsers: text the page adds to the article is
 * read and highlighted; text it removes or rewrites leaves no highlight behind. On the seed
 * article (served with `script-src 'none'`) the changes are made from the page's own world, as a
 * live blog's script would; the living pages (tests/fixtures/living/, served with their own
 * scripts: see living-navigation.test.ts) make them themselves when the test presses their buttons.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import { FIXTURES_DIR, launch, visit, waitForPageDone, type BrowserName } from './harness';
import { CASPIAN, isLive, mentionsOf, ONLY_HUMANITARIAN, paintedRanges, paintedTexts, waitForMark } from './living-probes';

let server: Served;
/** The same folder with the pages' own scripts allowed, for the living pages. */
let living: Served;
beforeAll(async () => {
  server = await serveStatic(FIXTURES_DIR, { blockScripts: true });
  living = await serveStatic(FIXTURES_DIR);
});
afterAll(async () => {
  await server?.close();
  await living?.close();
});

const POLL = { timeout: 15_000, interval: 100 };

/** How many of `names` a painted range reads. */
async function paintedOf(page: Page, names: readonly string[]): Promise<number> {
  const texts = await paintedTexts(page);
  return names.filter((n) => texts.has(n)).length;
}

/** No stale range: each is on nodes still in the page and reads one of `names` (a range whose text the page changed reads something else, or nothing). */
async function noStaleRange(page: Page, names: ReadonlySet<string>): Promise<boolean> {
  return (await paintedRanges(page)).every((r) => r.connected && names.has(r.text));
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
    const before = await paintedRanges(page);
    expect(before.some((r) => r.text === 'International Committee of the Red Cross')).toBe(false);

    await page.evaluate(() => {
      const last = [...document.querySelectorAll('article p')].at(-1)!;
      const p = document.createElement('p');
      p.id = 'live-update';
      p.textContent = 'Update: the delegation later met the International Committee of the Red Cross in Geneva.';
      last.after(p);
    });
    await expect
      .poll(async () => (await paintedRanges(page)).some((r) => r.text === 'International Committee of the Red Cross'), {
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
          const now = await paintedRanges(page);
          return (
            now.every((r) => r.connected && r.text.trim().length > 0) &&
            !now.some((r) => r.text === 'International Committee of the Red Cross' || /Caspian Sea|inland/.test(r.text))
          );
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    // The rest is still highlighted.
    expect((await paintedRanges(page)).some((r) => r.text === 'Alexander Fomin' || r.text === 'Fomin')).toBe(true);
    await page.close();
  });

  test('an article that arrives after the page has been read as no article is highlighted', async () => {
    const page = await browser.newPage();
    await visit(page, `${living.url}living/late.html?manual`, { waitUntil: 'load' });
    await waitForPageDone(page);
    expect(await paintedRanges(page)).toEqual([]);
    await page.click('#load');
    await waitForMark(page, 'shown', 'caspian');
    await expect.poll(() => paintedOf(page, mentionsOf(CASPIAN)), POLL).toBeGreaterThanOrEqual(4);
    expect((await paintedRanges(page)).every(isLive)).toBe(true);
    await page.close();
  });

  test('an infinite scroll’s next story is highlighted below the first, which keeps its highlights', async () => {
    const page = await browser.newPage();
    await visit(page, `${living.url}living/scroll.html`, { waitUntil: 'load' });
    await waitForMark(page, 'shown', 'caspian');
    await expect.poll(() => paintedOf(page, mentionsOf(CASPIAN)), POLL).toBeGreaterThanOrEqual(4);
    const first = await paintedOf(page, mentionsOf(CASPIAN));
    await page.click('#more');
    await waitForMark(page, 'appended', '1');
    await expect.poll(() => paintedOf(page, ONLY_HUMANITARIAN), POLL).toBeGreaterThanOrEqual(3);
    expect(await paintedOf(page, mentionsOf(CASPIAN))).toBeGreaterThanOrEqual(first);
    expect((await paintedRanges(page)).every(isLive)).toBe(true);
    await page.close();
  });

  test('a live blog’s updates, posted on top and added below, are highlighted as they come', async () => {
    const page = await browser.newPage();
    await visit(page, `${living.url}living/live-blog.html?manual`, { waitUntil: 'load' });
    await waitForMark(page, 'ready');
    await expect.poll(() => paintedOf(page, ['Alexander Fomin', 'Xiangshan Security Forum', 'Caspian Sea']), POLL).toBe(3);
    // On top: the second story's first paragraph.
    await page.click('#post');
    await expect.poll(() => paintedOf(page, ['Gilles Carbonnier', 'International Committee of the Red Cross']), POLL).toBe(2);
    // Below: the first story's last paragraph.
    await page.click('#earlier');
    await expect.poll(() => paintedOf(page, ['North-South Corridor']), POLL).toBe(1);
    await page.click('#post');
    await page.click('#post');
    await expect.poll(() => paintedOf(page, ['Gaza', 'National University of Defense Technology']), POLL).toBe(2);
    expect((await paintedRanges(page)).every(isLive)).toBe(true);
    await page.close();
  });

  test('text the page renames, rewrites, removes or wraps in a link leaves no stale highlight', async () => {
    const page = await browser.newPage();
    await visit(page, `${living.url}living/edits.html`, { waitUntil: 'load' });
    await waitForMark(page, 'shown', 'caspian');
    const edited = ['Alexander Fomin', 'North-South Corridor', 'Xiangshan Security Forum', 'Caspian Sea'];
    await expect.poll(() => paintedOf(page, edited), POLL).toBe(edited.length);
    const names = await paintedTexts(page);
    const steps: [button: string, gone: string][] = [
      ['#rename', 'Alexander Fomin'],
      ['#rewrite', 'North-South Corridor'],
      ['#remove', 'Xiangshan Security Forum'],
    ];
    for (const [button, gone] of steps) {
      await page.click(button);
      await expect.poll(async () => (await noStaleRange(page, names)) && !(await paintedTexts(page)).has(gone), POLL).toBe(true);
    }
    // A name made into a link is the same text on new nodes: still highlighted, there.
    await page.click('#link');
    await expect
      .poll(
        async () =>
          (await noStaleRange(page, names)) &&
          (await page.evaluate(() =>
            [...CSS.highlights.values()].some((h) =>
              [...(h as unknown as Iterable<Range>)].some((r) => r.startContainer.parentElement?.matches('a[href="#caspian"]')),
            ),
          )),
        POLL,
      )
      .toBe(true);
    await page.close();
  });
});
