/**
 * The seed scenario in both browsers: the two Tehran Times stories are articles and get their
 * actors highlighted in the body only; the section front is not an article. Painting changes
 * nothing in the page's DOM (pages are served with scripts blocked, so every mutation the
 * page's own observer sees would be the extension's).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import {
  FIXTURES_DIR,
  highlightsOn,
  launch,
  visit,
  measures,
  mutationCount,
  waitForPageDone,
  watchMutations,
  type BrowserName,
  type HighlightInfo,
} from './harness';

interface ExpectedPage {
  isArticle: boolean;
  actors?: { name: string; type: string; mentions: string[] }[];
}
const expected = JSON.parse(readFileSync(`${FIXTURES_DIR}/expected.json`, 'utf8')) as { pages: Record<string, ExpectedPage> };

// Every mention a reader expects: the starter pack's countries and organizations, and the people
// nobody listed (found by discovery), on the pages expected.json calls articles.
const MENTIONS: Record<string, string[]> = Object.fromEntries(
  Object.entries(expected.pages)
    .filter(([, page]) => page.isArticle)
    .map(([file, page]) => [file, [...new Set((page.actors ?? []).flatMap((a) => a.mentions))]]),
);
const OFF_LIMITS = ['textarea', 'form', 'aside', 'nav', 'header', 'footer', 'input', 'script', 'style'];

let server: Served;
beforeAll(async () => {
  server = await serveStatic(FIXTURES_DIR, { blockScripts: true });
});
afterAll(() => server?.close());

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (name) => {
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ browser } = await launch(name));
  });
  afterAll(() => browser?.close());

  async function open(file: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${file}: ${String(e)}`));
    page.on('console', (m) => {
      const source = m.location()?.url ?? '';
      if (m.type() === 'error' && /^(chrome|moz)-extension:/.test(source)) pageErrors.push(`${file}: ${m.text()}`);
    });
    await watchMutations(page);
    await visit(page, server.url + file, { waitUntil: 'load' });
    await waitForPageDone(page);
    return page;
  }

  test.each(Object.keys(MENTIONS))('%s is an article with its actors highlighted in the body only', async (file) => {
    expect(expected.pages[file]?.isArticle).toBe(true);
    const page = await open(file);
    expect(await measures(page)).toEqual(expect.arrayContaining(['dramatis:article', 'dramatis:page']));
    const highlights = await highlightsOn(page);
    expect(highlights.length).toBeGreaterThan(0);
    for (const h of highlights) expect(h.name).toMatch(/^dramatis-[a-z]+(-discovered)?$/);
    const texts = new Set(highlights.map((h) => h.text));
    for (const mention of MENTIONS[file]!) expect(texts, `"${mention}" highlighted`).toContain(mention);
    const misplaced = highlights.filter((h: HighlightInfo) =>
      h.ancestors.some((a) => OFF_LIMITS.includes(a.split('.')[0]!) || a.includes('sidebar')),
    );
    expect(misplaced).toEqual([]);
    expect(highlights.every((h) => h.ancestors.some((a) => a.startsWith('article')))).toBe(true);
    expect(await mutationCount(page)).toBe(0);
    await page.close();
  });

  test('names resolve as a reader expects: the army, the federation, the possessive', async () => {
    const caspian = await open('caspian-cooperation.html');
    const typed = new Map((await highlightsOn(caspian)).map((h) => [h.text, h.name]));
    expect(typed.get('Iranian Army')).toBe('dramatis-organization');
    expect(typed.get('Russian Federation')).toBe('dramatis-place');
    expect(typed.get('Xiangshan Security Forum')).toBe('dramatis-event');
    await caspian.close();
    const humanitarian = await open('humanitarian-readiness.html');
    const texts = (await highlightsOn(humanitarian)).map((h) => h.text);
    expect(texts.filter((t) => t === 'Iran').length).toBeGreaterThanOrEqual(2); // "Iran’s" and "Iran's" both give "Iran"
    expect(texts.some((t) => /['’]s$/.test(t))).toBe(false);
    await humanitarian.close();
  });

  test('people nobody listed are found as people, without their titles, and told apart from known actors', async () => {
    const page = await open('caspian-cooperation.html');
    const byText = new Map((await highlightsOn(page)).map((h) => [h.text, h.name]));
    expect(byText.get('Habibollah Sayyari')).toMatch(/^dramatis-person(-discovered)?$/);
    expect(byText.get('Alexander Fomin')).toBe('dramatis-person-discovered');
    expect(byText.get('Iran')).toBe('dramatis-place');
    expect([...byText.keys()].filter((t) => /Admiral|Minister|Deputy/.test(t))).toEqual([]);
    await page.close();
  });

  test('highlights are painted: a name looks different with its highlight than without', async () => {
    // The stylesheet is scoped to :root for Chrome (highlight styles inherit there; wxt.config.ts):
    // were a browser not to inherit them, the ranges would be registered and nothing painted.
    const page = await open('caspian-cooperation.html');
    const clip = await page.evaluate(() => {
      for (const [name, highlight] of CSS.highlights) {
        if (name !== 'dramatis-place') continue;
        for (const range of highlight as unknown as Iterable<Range>) {
          if (range.toString() !== 'Iran') continue;
          range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
          const rect = range.getBoundingClientRect();
          return { x: rect.x - 2, y: rect.y - 2, width: rect.width + 4, height: rect.height + 6 };
        }
      }
      return null;
    });
    expect(clip).not.toBeNull();
    const shot = () => page.screenshot({ clip: clip! });
    const frames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await frames();
    const painted = await shot();
    const registered = await page.evaluate(() => {
      const kept = [...CSS.highlights];
      CSS.highlights.clear();
      return kept.length;
    });
    expect(registered).toBeGreaterThan(0);
    await frames();
    const plain = await shot();
    expect(Buffer.compare(painted, plain)).not.toBe(0);
    // Nothing else on the clip changes between two shots: the difference is the highlight.
    expect(Buffer.compare(plain, await shot())).toBe(0);
    await page.close();
  });

  test('the section front is not an article: no highlights, page measured', async () => {
    expect(expected.pages['section-front.html']?.isArticle).toBe(false);
    const page = await open('section-front.html');
    const names = await measures(page);
    expect(names).toContain('dramatis:page');
    expect(names).not.toContain('dramatis:article');
    expect(await highlightsOn(page)).toEqual([]);
    expect(await mutationCount(page)).toBe(0);
    await page.close();
  });

  test('the extension raised no error on the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
