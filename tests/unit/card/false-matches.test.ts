import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, expect, test } from 'vitest';
import { openDb } from '../../../lib/store/db';
import { createFalseMatchRepo, pageKeyOf, type FalseMatchRepo } from '../../../lib/store/false-matches';

let repo: FalseMatchRepo;
beforeEach(() => {
  repo = createFalseMatchRepo(openDb('test', { indexedDB: new IDBFactory(), IDBKeyRange }), { pages: 3, perPage: 2 });
});

test('a false match is remembered for its page, whatever the fragment, and no other', async () => {
  await repo.add('https://news.example/story?id=1#top', 'person:a');
  expect(await repo.forPage('https://news.example/story?id=1')).toEqual(new Set(['person:a']));
  expect(await repo.forPage('https://news.example/story?id=1#comments')).toEqual(new Set(['person:a']));
  expect(await repo.forPage('https://news.example/story?id=2')).toEqual(new Set());
});

test('marking the same entity twice keeps one; a page keeps its most recent marks only', async () => {
  const url = 'https://news.example/a';
  await repo.add(url, 'x');
  await repo.add(url, 'x');
  expect(await repo.forPage(url)).toEqual(new Set(['x']));
  await repo.add(url, 'y');
  await repo.add(url, 'z');
  expect(await repo.forPage(url)).toEqual(new Set(['y', 'z']));
});

test('bounded: the pages marked longest ago are forgotten first', async () => {
  for (const page of ['a', 'b', 'c']) await repo.add(`https://n.example/${page}`, 'x');
  await repo.add('https://n.example/a', 'y'); // a is recent again
  await repo.add('https://n.example/d', 'x'); // b, the oldest, goes
  expect(await repo.forPage('https://n.example/b')).toEqual(new Set());
  for (const page of ['a', 'c', 'd']) expect((await repo.forPage(`https://n.example/${page}`)).size).toBeGreaterThan(0);
});

test('survives a reopened database', async () => {
  const factory = new IDBFactory();
  const first = createFalseMatchRepo(openDb('persist', { indexedDB: factory, IDBKeyRange }));
  await first.add('https://n.example/a', 'x');
  const again = createFalseMatchRepo(openDb('persist', { indexedDB: factory, IDBKeyRange }));
  expect(await again.forPage('https://n.example/a')).toEqual(new Set(['x']));
});

test('pageKeyOf drops only the fragment', () => {
  expect(pageKeyOf('https://a.example/x?q=1#y')).toBe('https://a.example/x?q=1');
  expect(pageKeyOf('https://a.example/x')).toBe('https://a.example/x');
});
