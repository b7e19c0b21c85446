/**
 * Storing in the background service: an article is answered with its spans, then stored, and its
 * related stories land in the tab's analysis for the popup. Private windows, excluded sites and
 * pages the reader only forced are neither stored nor learned from.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createEntityRepo, learnedIdOf, type EntityRepo } from '../../../lib/entities/repo';
import type { Entity } from '../../../lib/entities/types';
import { createArticleRepo } from '../../../lib/memory/article-repo';
import type { ArticleRequest, Envelope, PaintSpan } from '../../../lib/messaging/protocol';
import { openDb } from '../../../lib/store/db';
import { createSettingsRepo } from '../../../lib/store/settings';
import { createBackgroundService } from '../../../services/background-service';
import type { Sender } from '../../../services/messaging';
import { createReadingMemory, type ReadingMemory } from '../../../services/reading-memory';
import { readTab } from '../../../services/tab-analyses';
import { fakeKnowledgeBase } from '../../support/fake-knowledge-base';
import { articleRequest } from '../../support/article-request';

const ENTITIES: Entity[] = [
  { id: 'p:sayyari', name: 'Habibollah Sayyari', type: 'person', aliases: ['Habibullah Sayyari'] },
  { id: 'c:ir', name: 'Iran', type: 'place', aliases: [] },
  { id: 'o:icrc', name: 'International Committee of the Red Cross', type: 'organization', aliases: ['ICRC'] },
];

const CASPIAN = [
  'Rear Admiral Habibollah Sayyari met naval commanders in Tehran on Monday to discuss Caspian drills.',
  'Iran and its neighbours will exercise search and rescue at sea, officials said. Commodore Mirela Vasquenko attended.',
];
const HUMANITARIAN = [
  'Habibullah Sayyari told the International Committee of the Red Cross that Iran is ready for disaster relief.',
  'The ICRC said its teams would train with the navy on evacuations along the coast.',
];

let repo: EntityRepo;
let memory: ReadingMemory;
let service: ReturnType<typeof createBackgroundService>;

beforeEach(() => {
  fakeBrowser.reset();
  const db = openDb('background-store', { indexedDB: new IDBFactory(), IDBKeyRange });
  repo = createEntityRepo(db);
  const knowledgeBase = fakeKnowledgeBase(ENTITIES, repo);
  memory = createReadingMemory({ articles: createArticleRepo(db), knowledgeBase, snapshotDelayMs: 0 });
  service = createBackgroundService({ knowledgeBase, repo, settings: createSettingsRepo(db), memory });
  service.init();
});

let nextTab = 1;
function sender(url: string, incognito = false): Sender {
  return { id: fakeBrowser.runtime.id, tab: { id: nextTab++, incognito } as Sender['tab'], frameId: 0, url };
}

/** Sends `bg:article` the way a content script does; answers the background's reply. */
async function read(url: string, blocks: string[], from = sender(url), extra: Partial<ArticleRequest> = {}) {
  const envelope: Envelope<'bg:article'> = { name: 'bg:article', data: articleRequest(url, blocks, extra) };
  const reply = await new Promise<{ ok: boolean; value: { spans: PaintSpan[] } }>((resolve) => {
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    void trigger(envelope, from, resolve);
  });
  expect(reply.ok).toBe(true);
  return { spans: reply.value.spans, tabId: from.tab!.id! };
}

test('a read article is stored; the next one names it as related in its tab’s analysis, with the admiral', async () => {
  await read('https://news.example/caspian', CASPIAN);
  await service.settled();
  const { spans, tabId } = await read('https://news.example/humanitarian', HUMANITARIAN);
  expect(spans.some((s) => s.entityId === 'p:sayyari')).toBe(true);
  await service.settled();
  const analysis = await readTab(tabId);
  expect(analysis?.articleId).toEqual(expect.any(String));
  expect(analysis?.related?.map((r) => r.url)).toEqual(['https://news.example/caspian']);
  expect(analysis?.related?.[0]!.reason).toContain('Habibollah Sayyari');
  expect((await memory.status()).articles).toBe(2);
});

test('reading the same page again updates its record, and its analysis keeps the related stories', async () => {
  await read('https://news.example/caspian', CASPIAN);
  await service.settled();
  const from = sender('https://news.example/humanitarian');
  await read('https://news.example/humanitarian', HUMANITARIAN, from);
  await service.settled();
  const first = await readTab(from.tab!.id!);
  await read('https://news.example/humanitarian?utm_source=feed', HUMANITARIAN, {
    ...from,
    url: 'https://news.example/humanitarian?utm_source=feed',
  });
  await service.settled();
  expect((await memory.status()).articles).toBe(2);
  expect((await readTab(from.tab!.id!))?.articleId).toBe(first?.articleId);
});

test('a discovered name is learned when the article is stored', async () => {
  await read('https://news.example/caspian', CASPIAN);
  await service.settled();
  expect(await repo.get(learnedIdOf('Mirela Vasquenko'))).toBeDefined();
});

test.each([
  ['a private window', () => read('https://news.example/caspian', CASPIAN, sender('https://news.example/caspian', true))],
  [
    'a forced page that is not an article',
    () => read('https://news.example/caspian', CASPIAN, undefined, { forced: true, isArticle: false }),
  ],
  [
    'an excluded site',
    async () => {
      await memory.saveSettings({ retention: { kind: 'all' }, storePrivate: false, excludedSites: ['news.example'] });
      return read('https://www.news.example/caspian', CASPIAN);
    },
  ],
])('%s is neither stored nor learned from', async (_name, reading) => {
  const { spans, tabId } = await reading();
  expect(spans.length).toBeGreaterThan(0);
  await service.settled();
  expect((await memory.status()).articles).toBe(0);
  expect(await repo.get(learnedIdOf('Mirela Vasquenko'))).toBeUndefined();
  expect((await readTab(tabId))?.articleId).toBeUndefined();
});

test('“analyze anyway” answers the popup with the analysis the forced reading is described in, not the verdict before it', async () => {
  const url = 'https://news.example/section';
  const from = sender(url);
  const tabId = from.tab!.id!;
  const ask = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  const answer = <T>(name: string, data: unknown, by: Sender) =>
    new Promise<{ ok: boolean; value: T }>((resolve) => void ask({ name, data }, by, resolve));
  await answer('bg:not-article', { url, title: 'Section', isArticle: false, score: 0 }, from);
  expect((await readTab(tabId))?.status).toBe('not-article');
  // The content script, asked by the background, reads the page again, forced, and answers once
  // the background has its spans (services/page-session.ts).
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => {
    await read(url, CASPIAN, from, { forced: true, isArticle: false });
    return { ok: true, value: { ok: true } };
  }) as typeof fakeBrowser.tabs.sendMessage);
  const popup: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
  const reply = await answer<{ status: string; forced: boolean; actors: { name: string }[] }>(
    'bg:analyze-anyway',
    { tabId },
    popup,
  );
  expect(reply.ok).toBe(true);
  expect(reply.value.status).toBe('article');
  expect(reply.value.forced).toBe(true);
  expect(reply.value.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['Iran', 'Habibollah Sayyari']));
});

test('a private window is stored once the reader opts in', async () => {
  await memory.saveSettings({ retention: { kind: 'all' }, storePrivate: true, excludedSites: [] });
  await read('https://news.example/caspian', CASPIAN, sender('https://news.example/caspian', true));
  await service.settled();
  expect((await memory.status()).articles).toBe(1);
});

/** The actors' names of each analysis the background wrote for tab `tabId`, in order. */
function recordedActors(tabId: number): string[][] {
  const seen: string[][] = [];
  fakeBrowser.storage.onChanged.addListener((changes, area) => {
    const next = changes[`tab:${tabId}`]?.newValue as { status?: string; actors?: { name: string }[] } | undefined;
    if (area === 'session' && next?.status === 'article') seen.push(next.actors!.map((a) => a.name).sort());
  });
  return seen;
}

const LIVE = 'https://news.example/live';
const LIVE_V1 = [CASPIAN[0]!];
const LIVE_V2 = [...CASPIAN];
const LIVE_V3 = [...CASPIAN, HUMANITARIAN[1]!];

test('a live page sending its text every half second is recorded once a while, its latest text last; its spans are not held back', async () => {
  const from = sender(LIVE);
  const writes = recordedActors(from.tab!.id!);
  await read(LIVE, LIVE_V1, from);
  await service.settled();
  const afterFirst = writes.length;
  expect(writes.at(-1)).not.toContain('Iran');
  // Two updates within the interval: the page gets each one's spans at once...
  expect((await read(LIVE, LIVE_V2, from)).spans.some((s) => s.entityId === 'c:ir')).toBe(true);
  expect((await read(LIVE, LIVE_V3, from)).spans.some((s) => s.entityId === 'o:icrc')).toBe(true);
  await new Promise((resume) => setTimeout(resume, 200));
  // ...while the record waits for the interval to pass.
  expect(writes.length).toBe(afterFirst);
  await service.settled();
  // Only the latest text is recorded: the second version never was.
  const later = writes.slice(afterFirst);
  expect(later.length).toBeGreaterThan(0);
  expect(later.every((names) => names.includes('International Committee of the Red Cross'))).toBe(true);
  expect((await memory.status()).articles).toBe(1);
});

test('another page read in the tab ends a live page’s wait: both are recorded at once, the live one first', async () => {
  const from = sender(LIVE);
  const tabId = from.tab!.id!;
  const writes = recordedActors(tabId);
  await read(LIVE, LIVE_V1, from);
  await service.settled();
  await read(LIVE, LIVE_V3, from);
  const navigated = performance.now();
  await read('https://news.example/humanitarian', HUMANITARIAN, { ...from, url: 'https://news.example/humanitarian' });
  await service.settled();
  // Well inside the live page's two seconds: nothing waited for them.
  expect(performance.now() - navigated).toBeLessThan(1_500);
  expect(writes.some((names) => names.includes('Iran') && names.includes('International Committee of the Red Cross'))).toBe(true);
  expect((await readTab(tabId))?.url).toBe('https://news.example/humanitarian');
  expect((await memory.status()).articles).toBe(2);
});
