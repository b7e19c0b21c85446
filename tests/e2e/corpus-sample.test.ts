/**
 * A sample of real pages from ../shared/corpus, in both browsers, through the page-safety check
 * (tests/e2e/page-safety.ts): the extension finishes every page, changes nothing in its DOM,
 * raises no error, paints nothing in forms, navigation, site chrome or code, and makes no network
 * request. The whole corpus is `node --import tsx scripts/test-corpus.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserName } from './harness';
import { failuresOf, startSafetySession, type SafetySession } from './page-safety';

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
  let session: SafetySession;
  beforeAll(async () => {
    session = await startSafetySession(name, CORPUS);
  });
  afterAll(async () => {
    await session?.close();
  });

  test.each(available ? samplePages() : [])('$page ($label)', async ({ page }) => {
    const result = await session.check(page);
    expect(failuresOf(result)).toEqual([]);
    expect(result.finished).toBe(true);
  });

  test('no error and no request from the extension after the last page', async () => {
    await new Promise((done) => setTimeout(done, 500));
    const { errors, requests } = session.leftovers();
    expect({ errors, requests }).toEqual({ errors: [], requests: [] });
  });
});
