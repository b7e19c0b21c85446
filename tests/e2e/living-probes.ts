/** Probes shared by the living-page tests: what is painted, and the names the seed stories hold. */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { FIXTURES_DIR } from './harness';

export interface PaintedRange {
  text: string;
  /** Whether the range's nodes are still in the page (a range on removed nodes is stale). */
  connected: boolean;
}

/** Every painted range as the page sees it (the focus highlight aside). */
export async function paintedRanges(page: Page): Promise<PaintedRange[]> {
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

/**
 * Whether a range still covers what was painted: a live range whose text the page removed does
 * not disconnect, it collapses where the text was (the DOM's removing steps), reading "".
 */
export const isLive = (r: PaintedRange) => r.connected && r.text.trim() !== '';

export async function paintedTexts(page: Page): Promise<Set<string>> {
  return new Set((await paintedRanges(page)).map((r) => r.text));
}

/** The names of `CSS.highlights` entries Dramatis registered. */
export async function highlightNames(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('dramatis-')));
}

interface Expected {
  pages: Record<string, { actors?: { mentions: string[] }[] }>;
}
const expected = JSON.parse(readFileSync(`${FIXTURES_DIR}/expected.json`, 'utf8')) as Expected;

/** The surface forms tests/fixtures/expected.json says must be highlighted on seed page `file`. */
export function mentionsOf(file: string): string[] {
  return (expected.pages[file]?.actors ?? []).flatMap((a) => a.mentions);
}

export const CASPIAN = 'caspian-cooperation.html';
export const HUMANITARIAN = 'humanitarian-readiness.html';

/** Mentions only the first story has, and only the second: what tells the two apart. */
export const ONLY_CASPIAN = mentionsOf(CASPIAN).filter((m) => !mentionsOf(HUMANITARIAN).includes(m));
export const ONLY_HUMANITARIAN = mentionsOf(HUMANITARIAN).filter((m) => !mentionsOf(CASPIAN).includes(m));

/** Waits for the page's own script to set `data-<key>` on the root element (to `value` if given). */
export async function waitForMark(page: Page, key: string, value?: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (k: string, v: string | null) => {
      const got = document.documentElement.dataset[k];
      return got !== undefined && (v === null || got === v);
    },
    { timeout, polling: 50 },
    key,
    value ?? null,
  );
}

/** Counts of `dramatis:page` measures, and the addresses recorded with them. */
export async function pageMeasures(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('dramatis:page').map((m) => String((m as PerformanceMeasure).detail ?? '')),
  );
}
