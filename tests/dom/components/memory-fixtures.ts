/** Shared data and steps of the dashboard's reading-memory DOM tests. */
import { act } from 'preact/test-utils';
import { expect, vi } from 'vitest';
import type { ArticleSummary, MemoryStatus } from '../../../lib/messaging/protocol';

export const caspian: ArticleSummary = {
  id: 'a1',
  url: 'https://news.example/caspian',
  title: 'Caspian navies deepen cooperation',
  site: 'news.example',
  byline: 'A. Writer',
  publishedAt: '2026-11-20T08:00:00Z',
  readAt: '2026-11-26T10:00:00Z',
  visits: 2,
  groupId: 'a1',
};

export const readiness: ArticleSummary = {
  id: 'a2',
  url: 'https://other.example/readiness',
  title: 'Humanitarian readiness drills',
  site: 'other.example',
  byline: null,
  publishedAt: null,
  readAt: '2026-11-28T10:00:00Z',
  visits: 1,
  groupId: 'a2',
};

export const status: MemoryStatus = {
  settings: { retention: { kind: 'all' }, storePrivate: false, excludedSites: ['bank.example'] },
  articles: 2,
  bytesPerArticle: 6_000,
  sites: [
    { site: 'news.example', articles: 1 },
    { site: 'other.example', articles: 1 },
  ],
  topics: [{ id: 'maritime', label: 'Maritime security' }],
};

/** Renders pending effects and timers until `check` holds. */
export async function settle(check: () => unknown) {
  await vi.waitFor(async () => {
    await act(async () => {});
    expect(check()).toBeTruthy();
  });
}

/** Moves to a hash as a link would, with the `hashchange` the dashboard listens to. */
export async function go(hash: string) {
  await act(async () => {
    location.hash = hash;
    dispatchEvent(new HashChangeEvent('hashchange'));
  });
}
