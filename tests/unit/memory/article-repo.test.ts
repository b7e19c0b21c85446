import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { createEntityRepo } from '../../../lib/entities/repo';
import { createArticleRepo, restoreBackupFile, type ArticleRepo } from '../../../lib/memory/article-repo';
import { buildArticleRecord, type ArticleInput } from '../../../lib/memory/article-record';
import { parseBackup } from '../../../lib/memory/backup';
import { createRelatedIndex, loadRelatedIndex, type RelatedSnapshot } from '../../../lib/memory/related-index';
import { openDb, type DramatisDb } from '../../../lib/store/db';
import { createSettingsRepo } from '../../../lib/store/settings';
import { generateCorpus, mulberry32 } from './corpus';

const DAY = 86_400_000;
const now = Date.UTC(2025, 5, 1);
const rnd = mulberry32(4);
const VOCAB = Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}${'xyz'[i % 3]}`);
const storyText = (words: number) => Array.from({ length: words }, () => VOCAB[Math.floor(rnd() * VOCAB.length)]).join(' ');

function input(url: string, text: string, at = now): ArticleInput {
  return {
    url,
    meta: { title: 'A story', byline: null, publishedAt: null, siteName: null, canonicalUrl: null, language: 'en' },
    blocks: [text],
    analysis: { spans: [], actors: [{ entityId: 'c:ir', name: 'Iran', type: 'place', mentions: 2 }], topics: [] },
    now: at,
  };
}

let deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };
let dbReady: Promise<DramatisDb>;
let repo: ArticleRepo;
beforeEach(() => {
  deps = { indexedDB: new IDBFactory(), IDBKeyRange };
  dbReady = openDb('test', deps);
  repo = createArticleRepo(dbReady);
});

test('a re-visit updates the record instead of adding one', async () => {
  const text = storyText(300);
  const first = await repo.put(buildArticleRecord(input('https://example.com/a?utm_source=x', text))!);
  const again = await repo.put(buildArticleRecord(input('https://www.example.com/a/#comments', text, now + DAY))!);
  expect(again.id).toBe(first.id);
  expect(again).toMatchObject({ visits: 2, firstReadAt: now, readAt: now + DAY });
  expect(await repo.count()).toBe(1);
  expect((await repo.getByUrl('http://m.example.com/a'))?.id).toBe(first.id);
});

test('a syndicated copy joins the original’s group; another story does not', async () => {
  const text = storyText(400);
  const original = await repo.put(buildArticleRecord(input('https://wire.example/story', text))!);
  const copy = await repo.put(
    buildArticleRecord(input('https://partner.example/news/123', `By Wire Staff. ${text} Copyright 2025.`))!,
  );
  const other = await repo.put(buildArticleRecord(input('https://wire.example/other', storyText(400)))!);
  expect(copy.id).not.toBe(original.id);
  expect(copy.groupId).toBe(original.id);
  expect(other.groupId).toBe(other.id);
  const third = await repo.put(buildArticleRecord(input('https://third.example/x', `${text} Related: more.`))!);
  expect(third.groupId).toBe(original.id);
});

describe('with generated articles', () => {
  const { records } = generateCorpus({ articles: 300, words: [30, 60], seed: 2, now, days: 100 });
  beforeEach(async () => {
    await (await dbReady).articles.bulkPut(records);
  });

  test('pages, latest first, and iteration over all', async () => {
    const page = await repo.page(10, 5);
    const sorted = [...records].sort((a, b) => b.readAt - a.readAt);
    expect(page.map((r) => r.readAt)).toEqual(sorted.slice(10, 15).map((r) => r.readAt));
    const seen: string[] = [];
    await repo.forEachPage(64, (chunk) => void seen.push(...chunk.map((r) => r.id)));
    expect(seen.sort()).toEqual(records.map((r) => r.id).sort());
  });

  test('delete one, several, all', async () => {
    const before = await repo.revision();
    expect(await repo.delete([records[0]!.id, 'a:never'])).toEqual([records[0]!.id]);
    expect(await repo.revision()).toBe(before + 1);
    await repo.delete(records.slice(1, 11).map((r) => r.id));
    expect(await repo.count()).toBe(289);
    await repo.writeSnapshot('related', { revision: 1, data: {} });
    await repo.clear();
    expect(await repo.count()).toBe(0);
    expect(await repo.readSnapshot('related')).toBeUndefined();
  });

  test('retention deletes what the policy lets go', async () => {
    expect(await repo.applyRetention(now)).toEqual([]);
    await repo.saveRetention({ kind: 'days', days: 30 });
    const deleted = await repo.applyRetention(now);
    expect(deleted.length).toBe(records.filter((r) => r.readAt < now - 30 * DAY).length);
    await repo.saveRetention({ kind: 'count', count: 50 });
    await repo.applyRetention(now);
    expect(await repo.count()).toBe(50);
    await expect(repo.saveRetention({ kind: 'days', days: -1 })).rejects.toThrow();
  });

  test('the related index snapshot survives IndexedDB', async () => {
    const index = createRelatedIndex();
    index.addAll(records);
    await repo.writeSnapshot('related', { revision: await repo.revision(), data: index.toSnapshot() });
    const { data } = (await repo.readSnapshot<RelatedSnapshot>('related'))!;
    expect([...loadRelatedIndex(data).articles()]).toEqual([...index.articles()]);
  });

  test('storage estimate', async () => {
    const { articles, bytesPerArticle } = await repo.estimateBytes(50);
    expect(articles).toBe(300);
    expect(bytesPerArticle).toBeGreaterThan(500);
  });

  test('backup round trip through the database, and a refused file changes nothing', async () => {
    const entities = createEntityRepo(dbReady);
    await entities.put({ id: 'p:x', name: 'Someone', type: 'person', aliases: ['S.'] });
    await createSettingsRepo(dbReady).saveCustomTopics([{ id: 't', label: 'T', keywords: ['k'] }]);
    await repo.saveRetention({ kind: 'count', count: 1000 });
    const file = await repo.exportBackup(now);

    const otherReady = openDb('other', deps);
    const other = createArticleRepo(otherReady);
    const exported = async () => JSON.parse(await other.exportBackup(now));
    await restoreBackupFile(other, file, 'replace');
    expect(await exported()).toEqual(JSON.parse(file));
    // Merging the same file again changes nothing.
    await restoreBackupFile(other, file, 'merge');
    expect(await exported()).toEqual(JSON.parse(file));

    const parsed = JSON.parse(file);
    parsed.articles[0].url = 7;
    const damaged = JSON.stringify(parsed);
    await expect(restoreBackupFile(other, damaged, 'replace')).rejects.toThrow('articles[0].url: not a string');
    expect(await exported()).toEqual(JSON.parse(file));
    expect(parseBackup(file).articles).toHaveLength(300);
  });
});

test('v2 → v3: entities, rejected names and meta survive; articles start empty', async () => {
  const legacy = new Dexie('upgrade', deps);
  legacy.version(1).stores({ entities: 'id, name, type, *tags, country, sourceKind, pinned', meta: 'key' });
  legacy.version(2).stores({ entities: 'id, name, type, *tags, country, sourceKind, pinned, *mergedIds', rejected: 'key' });
  await legacy.open();
  await legacy.table('entities').bulkPut([
    { id: 'c:ir', name: 'Iran', type: 'place', aliases: [], sourceKind: 'pack', updatedAt: 1, mergedIds: ['x:iran'] },
    { id: 'p:me', name: 'Me', type: 'person', aliases: [], sourceKind: 'user', updatedAt: 2, edited: true },
  ]);
  await legacy.table('rejected').put({ key: 'monday', name: 'Monday', at: 3 });
  await legacy.table('meta').bulkPut([
    { key: 'entities.revision', value: 7 },
    { key: 'topics.custom', value: [{ id: 't', label: 'T', keywords: ['k'] }] },
  ]);
  expect(legacy.verno).toBe(2);
  legacy.close();

  const db = await openDb('upgrade', deps);
  expect(db.verno).toBe(3);
  expect(await db.entities.where('mergedIds').equals('x:iran').first()).toMatchObject({ id: 'c:ir' });
  expect(await db.entities.count()).toBe(2);
  expect(await db.rejected.get('monday')).toEqual({ key: 'monday', name: 'Monday', at: 3 });
  expect(await createEntityRepo(Promise.resolve(db)).revision()).toBe(7);
  expect(await createSettingsRepo(Promise.resolve(db)).customTopics()).toHaveLength(1);
  const articles = createArticleRepo(Promise.resolve(db));
  expect(await articles.count()).toBe(0);
  await articles.put(buildArticleRecord(input('https://example.com/a', storyText(100)))!);
  expect(await db.articles.where('entityIds').equals('c:ir').count()).toBe(1);
});

describe('the journal of readings answered but not yet stored', () => {
  test('a later reading of the same tab replaces the earlier; only the latest one’s settling clears it', async () => {
    const first = await repo.journal('7', { text: 'first' }, now);
    const second = await repo.journal('7', { text: 'second' }, now + 1);
    expect(second.seq).toBeGreaterThan(first.seq);
    expect((await repo.pending<{ text: string }>()).map((p) => p.value.text)).toEqual(['second']);
    await repo.settle(first);
    expect(await repo.pending()).toHaveLength(1);
    await repo.settle(second);
    expect(await repo.pending()).toEqual([]);
    expect(await (await dbReady).meta.count()).toBe(0);
  });

  test('journaling again never reads the reading it replaces (a live page journals its whole text twice a second)', async () => {
    const db = await dbReady;
    await repo.journal('7', { text: 'x'.repeat(1000) }, now);
    const read: string[] = [];
    const get = db.meta.get.bind(db.meta);
    db.meta.get = ((key: string) => (read.push(key), get(key))) as typeof db.meta.get;
    await repo.journal('7', { text: 'y'.repeat(1000) }, now + 1);
    db.meta.get = get;
    expect(read).not.toContain('memory.pending.7');
  });

  test('a journal written by an earlier version (its number inside the reading) is settled and replaced as before', async () => {
    const db = await dbReady;
    const old = { key: '7', seq: 5, at: now, value: { text: 'before the upgrade' } };
    await db.meta.put({ key: 'memory.pending.7', value: old });
    await repo.settle({ key: '7', seq: 4 });
    expect(await repo.pending()).toHaveLength(1);
    await repo.settle(old);
    expect(await repo.pending()).toEqual([]);
    await db.meta.put({ key: 'memory.pending.7', value: old });
    expect((await repo.journal('7', { text: 'after' }, now + 1)).seq).toBe(6);
  });
});
