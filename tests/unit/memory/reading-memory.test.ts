/**
 * The background's reading memory over a real (fake-indexeddb) database: storing, related
 * articles with reasons, privacy, deletion honoured by every index, backup in parts, and a
 * restarted worker answering from the index snapshot.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, expect, test, vi } from 'vitest';
import type { Entity } from '../../../lib/entities/types';
import { createArticleRepo, type ArticleRepo } from '../../../lib/memory/article-repo';
import type { ArticleInput } from '../../../lib/memory/article-record';
import { openDb, type DramatisDb } from '../../../lib/store/db';
import type { KnowledgeBase } from '../../../services/knowledge-base';
import { BACKUP_PART_CHARS, createReadingMemory, type ReadingMemory } from '../../../services/reading-memory';
import { mulberry32 } from './corpus';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 5, 1);
const rnd = mulberry32(11);
const VOCAB = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}${'qrs'[i % 3]}`);
const prose = (words: number) => Array.from({ length: words }, () => VOCAB[Math.floor(rnd() * VOCAB.length)]).join(' ');

const ENTITIES: Entity[] = [
  { id: 'p:sayyari', name: 'Habibollah Sayyari', type: 'person', aliases: [] },
  { id: 'p:fomin', name: 'Alexander Fomin', type: 'person', aliases: [] },
  { id: 'c:ir', name: 'Iran', type: 'place', aliases: [] },
  { id: 'c:cn', name: 'China', type: 'place', aliases: [] },
  { id: 'o:icrc', name: 'International Committee of the Red Cross', type: 'organization', aliases: [] },
];

function fakeKnowledgeBase(): KnowledgeBase & { reloads: number } {
  const loaded = { entities: new Map(ENTITIES.map((e) => [e.id, e])) };
  const kb = {
    reloads: 0,
    current: async () => loaded,
    reload: async () => {
      kb.reloads++;
      return loaded;
    },
    reloadLearned: async () => loaded,
  };
  return kb as unknown as KnowledgeBase & { reloads: number };
}

function reading(url: string, text: string, actors: [string, number][], at: number, title = 'A story'): ArticleInput {
  return {
    url,
    meta: { title, byline: null, publishedAt: null, siteName: null, canonicalUrl: null, language: 'en' },
    blocks: [text],
    analysis: {
      spans: [],
      actors: actors.map(([entityId, mentions]) => ({
        entityId,
        mentions,
        name: ENTITIES.find((e) => e.id === entityId)!.name,
        type: ENTITIES.find((e) => e.id === entityId)!.type,
      })),
      topics: [{ id: 'maritime-security', label: 'maritime security', score: 4, terms: [] }],
    },
    now: at,
  };
}

let factory: IDBFactory;
let db: Promise<DramatisDb>;
let articles: ArticleRepo;
let kb: ReturnType<typeof fakeKnowledgeBase>;
let clock: number;
let memory: ReadingMemory;

function start(options: Partial<Parameters<typeof createReadingMemory>[0]> = {}): ReadingMemory {
  return createReadingMemory({
    articles,
    knowledgeBase: kb,
    now: () => clock,
    snapshotDelayMs: 0,
    searchIdleMs: 60_000,
    ...options,
  });
}

beforeEach(() => {
  factory = new IDBFactory();
  db = openDb('memory-test', { indexedDB: factory, IDBKeyRange });
  articles = createArticleRepo(db);
  kb = fakeKnowledgeBase();
  clock = T0;
  memory = start();
});

const caspian = () =>
  reading(
    'https://www.tehrantimes.com/news/1/caspian',
    prose(300),
    [
      ['c:ir', 6],
      ['p:sayyari', 3],
      ['p:fomin', 2],
    ],
    T0,
    'Caspian',
  );
const humanitarian = () =>
  reading(
    'https://www.tehrantimes.com/news/2/humanitarian',
    prose(300),
    [
      ['c:ir', 3],
      ['p:sayyari', 3],
      ['o:icrc', 1],
    ],
    T0 + DAY,
  );

test('the second story is related to the first, and says it is because of the admiral', async () => {
  await memory.store(caspian());
  clock += DAY;
  const result = await memory.store(humanitarian());
  expect(result!.related).toHaveLength(1);
  expect(result!.related[0]).toMatchObject({ title: 'Caspian', url: 'https://www.tehrantimes.com/news/1/caspian' });
  // With two stories stored nothing is rarer than anything else yet: the admiral is among the
  // reasons (the next test shows him outweighing common places once there is more to compare).
  expect(result!.related[0]!.reason).toContain('Habibollah Sayyari');
  expect(result!.related[0]!.reason).toContain('maritime security');
});

test('a rare shared actor ranks a story above several sharing only a common place', async () => {
  for (let i = 0; i < 6; i++)
    await memory.store(
      reading(
        `https://news.example/iran-${i}`,
        prose(200),
        [
          ['c:ir', 4],
          ['c:cn', 2],
        ],
        T0 + i * 1000,
      ),
    );
  await memory.store(reading('https://news.example/admiral-old', prose(200), [['p:sayyari', 1]], T0 - 40 * DAY, 'Old'));
  clock = T0 + DAY;
  const { related } = (await memory.store(humanitarian()))!;
  expect(related[0]!.title).toBe('Old');
});

test('a re-visit updates its record; a syndicated copy is grouped and never offered as related', async () => {
  const text = prose(400);
  const first = await memory.store(reading('https://wire.example/story?utm_source=x', text, [['p:sayyari', 2]], T0));
  const again = await memory.store(reading('https://wire.example/story#top', text, [['p:sayyari', 2]], T0 + DAY));
  expect(again!.record.id).toBe(first!.record.id);
  expect(again!.record.visits).toBe(2);
  expect((await memory.status()).articles).toBe(1);
  const copy = await memory.store(
    reading('https://partner.example/x/9', `Wire staff. ${text}`, [['p:sayyari', 2]], T0 + 2 * DAY),
  );
  expect(copy!.record.groupId).toBe(first!.record.id);
  expect(copy!.related).toEqual([]);
  const view = await memory.article(copy!.record.id);
  expect(view!.duplicates.map((d) => d.id)).toEqual([first!.record.id]);
});

test('private windows are not stored unless the reader opts in; excluded sites never are', async () => {
  expect(await memory.mayStore('https://news.example/a', true)).toBe(false);
  expect(await memory.mayStore('https://news.example/a', false)).toBe(true);
  await memory.saveSettings({
    retention: { kind: 'all' },
    storePrivate: true,
    excludedSites: ['https://www.Bank.example/login'],
  });
  expect(await memory.mayStore('https://news.example/a', true)).toBe(true);
  expect(await memory.mayStore('https://bank.example/statement', false)).toBe(false);
  expect(await memory.mayStore('https://online.bank.example/', false)).toBe(false);
  expect(await memory.mayStore('https://notbank.example/', false)).toBe(true);
  await expect(
    memory.saveSettings({ retention: { kind: 'all' }, storePrivate: false, excludedSites: ['not a site'] }),
  ).rejects.toThrow(/not a site name/);
  expect((await memory.status()).settings.excludedSites).toEqual(['bank.example']);
});

test('deleting an article takes it out of related, search, the card and the entity page', async () => {
  const first = await memory.store(caspian());
  clock += DAY;
  const second = await memory.store(humanitarian());
  expect((await memory.search('Caspian', {}, 0, 10)).total).toBe(1);
  expect((await memory.cardMemory('p:sayyari'))!.articles).toBe(2);
  expect(await memory.delete([first!.record.id, 'a:missing'])).toBe(1);
  expect((await memory.article(second!.record.id))!.related).toEqual([]);
  expect((await memory.search('Caspian', {}, 0, 10)).total).toBe(0);
  expect((await memory.cardMemory('p:sayyari'))!.articles).toBe(1);
  const page = await memory.entity('p:sayyari');
  expect(page.mentions.map((m) => m.articleId)).toEqual([second!.record.id]);
  expect(page.graph.nodes.map((n) => n.id)).not.toContain('p:fomin');
  await memory.clear();
  expect(await memory.cardMemory('p:sayyari')).toBeNull();
  expect((await memory.status()).articles).toBe(0);
});

test('a deleted article’s words leave the stored search snapshot too, even with the search released', async () => {
  memory = start({ searchIdleMs: 0 });
  const first = await memory.store(caspian());
  await memory.store(humanitarian());
  expect((await memory.search('Caspian', {}, 0, 10)).total).toBe(1);
  await vi.waitFor(async () => expect(await articles.readSnapshot('search')).toBeDefined());
  await memory.delete([first!.record.id]);
  expect(await articles.readSnapshot('search')).toBeUndefined();
  expect((await memory.search('Caspian', {}, 0, 10)).total).toBe(0);
});

test('search finds words and actor names, marks them, and filters by site and date', async () => {
  await memory.store(reading('https://a.example/1', `Navy drills in the Caspian. ${prose(100)}`, [['p:fomin', 1]], T0, 'Drills'));
  await memory.store(reading('https://b.example/2', `Talks in Geneva. ${prose(100)}`, [['o:icrc', 1]], T0 + 5 * DAY, 'Talks'));
  const hits = await memory.search('caspian', {}, 0, 10);
  expect(hits.hits.map((h) => h.article.title)).toEqual(['Drills']);
  const { text, marks } = hits.hits[0]!.snippet;
  expect(marks.map(([s, e]) => text.slice(s, e))).toEqual(['Caspian']);
  expect((await memory.search('fomin', {}, 0, 10)).hits.map((h) => h.article.title)).toEqual(['Drills']);
  expect((await memory.search('', { site: 'b.example' }, 0, 10)).hits.map((h) => h.article.title)).toEqual(['Talks']);
  expect((await memory.search('', { from: T0 + DAY }, 0, 10)).hits.map((h) => h.article.title)).toEqual(['Talks']);
  // No words, no filters: the latest read first.
  expect((await memory.search('', {}, 0, 10)).hits.map((h) => h.article.title)).toEqual(['Talks', 'Drills']);
});

test('the entity page: mentions over time and who appears with whom', async () => {
  await memory.store(caspian());
  clock += DAY;
  await memory.store(humanitarian());
  const page = await memory.entity('p:sayyari');
  expect(page.entity?.name).toBe('Habibollah Sayyari');
  expect(page.mentions.map((m) => m.count)).toEqual([3, 3]);
  expect(page.articles).toHaveLength(2);
  const edge = (a: string, b: string) =>
    page.graph.edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a))?.weight;
  expect(edge('p:sayyari', 'c:ir')).toBe(2);
  expect(edge('p:sayyari', 'p:fomin')).toBe(1);
  expect(edge('c:ir', 'o:icrc')).toBe(1);
});

test('a restarted worker answers from the index snapshot, without reading the articles', async () => {
  await memory.store(caspian());
  clock += DAY;
  await memory.store(humanitarian());
  await vi.waitFor(async () => expect((await articles.readSnapshot('related'))?.revision).toBe(await articles.revision()));
  const forEachPage = vi.spyOn(articles, 'forEachPage');
  const restarted = start();
  expect((await restarted.cardMemory('p:sayyari'))!.articles).toBe(2);
  expect(forEachPage).not.toHaveBeenCalled();
});

test('retention: keeping 2 articles deletes the oldest, everywhere', async () => {
  for (let i = 0; i < 4; i++) {
    clock = T0 + i * DAY;
    await memory.store(reading(`https://news.example/${i}`, prose(150), [['p:sayyari', 1]], clock, `Story ${i}`));
  }
  await memory.saveSettings({ retention: { kind: 'count', count: 2 }, storePrivate: false, excludedSites: [] });
  expect((await memory.status()).articles).toBe(2);
  expect((await memory.cardMemory('p:sayyari'))!.articles).toBe(2);
  expect((await memory.search('', {}, 0, 10)).hits.map((h) => h.article.title)).toEqual(['Story 3', 'Story 2']);
});

async function exportAll(from: ReadingMemory, parts: string[] = []): Promise<string> {
  let token: string | undefined;
  let text = '';
  for (;;) {
    const part = await from.exportPart(token, text.length);
    token = part.token;
    parts.push(part.part);
    text += part.part;
    if (text.length >= part.total) return text;
  }
}

async function importAll(into: ReadingMemory, text: string, mode: 'merge' | 'replace') {
  let token: string | undefined;
  const size = Math.ceil(text.length / 3);
  for (let at = 0; ; at += size) {
    const done = at + size >= text.length;
    const reply = await into.importPart(token, text.slice(at, at + size), done, mode);
    token = reply.token;
    if (done) return reply.restored;
  }
}

test('backup in parts: export, clear, import gives everything back', async () => {
  memory = start({ backupPartChars: 1_000 });
  expect(BACKUP_PART_CHARS).toBeGreaterThan(1_000_000);
  const settings = { retention: { kind: 'days' as const, days: 400 }, storePrivate: true, excludedSites: ['bank.example'] };
  await memory.saveSettings(settings);
  await memory.store(caspian());
  clock += DAY;
  await memory.store(humanitarian());
  const parts: string[] = [];
  const file = await exportAll(memory, parts);
  expect(parts.length).toBeGreaterThan(3);
  await memory.clear();
  await memory.saveSettings({ retention: { kind: 'all' }, storePrivate: false, excludedSites: [] });
  expect((await memory.status()).articles).toBe(0);
  const restored = await importAll(memory, file, 'replace');
  expect((await memory.status()).settings).toEqual(settings);
  expect(restored!.articles).toBe(2);
  expect(kb.reloads).toBeGreaterThan(0);
  expect((await memory.cardMemory('p:sayyari'))!.articles).toBe(2);
  expect((await memory.search('Caspian', {}, 0, 10)).total).toBe(1);
  // Nothing lost: the restored store exports the same file (but for when it was written).
  const again = await exportAll(memory);
  const body = (text: string) => ({ ...(JSON.parse(text) as object), exportedAt: null });
  expect(body(again)).toEqual(body(file));
});

test.each([
  ['cut short', (file: string) => file.slice(0, file.length - 40), /not JSON/],
  ['not a Dramatis backup', () => JSON.stringify({ format: 'something-else', articles: [] }), /not a Dramatis backup/],
  ['an article without an address', (file: string) => file.replace(/"url":"[^"]*"/, '"url":42'), /articles\[\d+\]\.url/],
])('a backup file %s is refused with what is wrong, and nothing changes', async (_name, damage, message) => {
  await memory.store(caspian());
  clock += DAY;
  await memory.store(humanitarian());
  const file = await exportAll(memory);
  const revision = await articles.revision();
  await expect(importAll(memory, damage(file), 'replace')).rejects.toThrow(message);
  expect(await articles.revision()).toBe(revision);
  expect((await memory.status()).articles).toBe(2);
  expect(kb.reloads).toBe(0);
  expect((await memory.cardMemory('p:sayyari'))!.articles).toBe(2);
});
