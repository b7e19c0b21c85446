/**
 * A sample of real pages from ../shared/corpus, in both browsers: the extension finishes every
 * page, changes nothing in its DOM (page scripts are blocked by CSP, so every mutation counted
 * is the extension's) and raises no error. The whole corpus is the page-safety run's job.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type Served } from '../../scripts/lib/serve';
import { highlightsOn, launch, mutationCount, visit, waitForPageDone, watchMutations, type BrowserName } from './harness';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url).pathname;
const SAMPLE_SIZE = 12;

/** Every k-th labelled page, so the sample spans all sources and both labels. */
function samplePages(): { page: string; label: string }[] {
  const rows = readFileSync(`${CORPUS}labels.csv`, 'utf8').trim().split('\n').slice(1);
  const all = rows.map((r) => r.split(',')).map(([page, label]) => ({ page: page!, label: label! }));
  const step = Math.floor(all.length / SAMPLE_SIZE);
  return all.filter((_, i) => i % step === 0).slice(0, SAMPLE_SIZE);
}

const available = existsSync(`${CORPUS}labels.csv`);
if (!available)
  console.warn(`Skipping the corpus sample: ${CORPUS} is absent (it sits beside the checkout on dev and CI machines).`);

describe.skipIf(!available).each<BrowserName>(['chromium', 'firefox'])('real pages in %s', (name) => {
  let browser: Browser;
  let server: Served;
  beforeAll(async () => {
    server = await serveStatic(CORPUS, { blockScripts: true });
    ({ browser } = await launch(name));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each(available ? samplePages() : [])('$page ($label)', async ({ page: path }) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /^(chrome|moz)-extension:/.test(m.location()?.url ?? '')) errors.push(m.text());
    });
    await watchMutations(page);
    await visit(page, server.url + path);
    await waitForPageDone(page, 30_000);
    expect(await mutationCount(page)).toBe(0);
    expect(errors).toEqual([]);
    for (const h of await highlightsOn(page)) expect(h.name).toMatch(/^dramatis-/);
    await page.close();
  });
});
