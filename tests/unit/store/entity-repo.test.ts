import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, expect, test } from 'vitest';
import type { PackEntity } from '../../../lib/entities/pack';
import { packVersion } from '../../../lib/entities/pack';
import { createEntityRepo, type EntityRepo } from '../../../lib/entities/repo';
import { openDb } from '../../../lib/store/db';

const iran: PackEntity = {
  id: 'country:ir',
  name: 'Iran',
  type: 'place',
  aliases: ['Iranian'],
  description: 'Country.',
  tags: ['country'],
  ref: 'world-countries',
};
const icrc: PackEntity = {
  id: 'org:icrc',
  name: 'International Committee of the Red Cross',
  type: 'organization',
  aliases: ['ICRC'],
  description: 'Humanitarian.',
  tags: [],
  ref: 'wikipedia:ICRC',
};

let repo: EntityRepo;
beforeEach(() => {
  // A fresh, empty IndexedDB per test.
  repo = createEntityRepo(openDb('test', { indexedDB: new IDBFactory(), IDBKeyRange }));
});

test('installs the pack once per version, with its source recorded', async () => {
  expect(await repo.installPack([iran, icrc], 'v1')).toBe(2);
  expect(await repo.installPack([iran, icrc], 'v1')).toBe(0);
  const stored = await repo.get('country:ir');
  expect(stored).toMatchObject({
    name: 'Iran',
    aliases: ['Iranian'],
    source: { kind: 'pack', ref: 'world-countries' },
    sourceKind: 'pack',
  });
  expect(stored).not.toHaveProperty('ref');
});

test('a pack upgrade updates pack entities but keeps what the reader edited', async () => {
  await repo.installPack([iran, icrc], 'v1');
  await repo.put({ ...(await repo.get('country:ir'))!, description: 'My note' });
  const upgraded = [
    { ...iran, description: 'New text' },
    { ...icrc, aliases: ['ICRC', 'CICR'] },
  ];
  expect(await repo.installPack(upgraded, 'v2')).toBe(1);
  expect((await repo.get('country:ir'))!.description).toBe('My note');
  expect((await repo.get('org:icrc'))!.aliases).toEqual(['ICRC', 'CICR']);
});

test('every write moves the revision on', async () => {
  expect(await repo.revision()).toBe(0);
  await repo.installPack([iran], 'v1');
  const afterPack = await repo.revision();
  await repo.put({ id: 'person:x', name: 'X', type: 'person', aliases: [] });
  expect(await repo.revision()).toBeGreaterThan(afterPack);
});

test('the matcher cache round-trips its bytes', async () => {
  const buffer = new Uint8Array([1, 2, 3, 250]).buffer;
  await repo.writeMatcherCache({ revision: 7, buffer });
  expect(await repo.readMatcherCache('learned')).toBeUndefined();
  const cache = await repo.readMatcherCache();
  expect(cache?.revision).toBe(7);
  expect([...new Uint8Array(cache!.buffer)]).toEqual([1, 2, 3, 250]);
});

test('the pack version changes with any entry', () => {
  expect(packVersion([iran])).toBe(packVersion([{ ...iran }]));
  expect(packVersion([iran])).not.toBe(packVersion([{ ...iran, aliases: ['Iranian', 'Persia'] }]));
});

test('merging folds names into the kept entity, and a pack upgrade does not bring the merged one back', async () => {
  const persia: PackEntity = {
    id: 'place:persia',
    name: 'Persia',
    type: 'place',
    aliases: ['Persian Empire'],
    description: 'Old name.',
    tags: [],
    ref: 'x',
  };
  await repo.installPack([iran, persia], 'v1');
  const merged = await repo.merge('country:ir', 'place:persia');
  expect(merged.aliases).toEqual(['Iranian', 'Persia', 'Persian Empire']);
  expect(merged.mergedIds).toEqual(['place:persia']);
  expect(await repo.get('place:persia')).toBeUndefined();
  await repo.installPack([iran, { ...persia, description: 'Changed.' }], 'v2');
  expect(await repo.get('place:persia')).toBeUndefined();
});

test('replacing all entities is all or nothing', async () => {
  await repo.installPack([iran], 'v1');
  const bad = [
    { id: 'a', name: 'A', type: 'place' as const, aliases: [] },
    { id: undefined as unknown as string, name: 'B', type: 'place' as const, aliases: [] },
  ];
  await expect(repo.replaceAll(bad)).rejects.toThrow();
  expect((await repo.all()).map((e) => e.id)).toEqual(['country:ir']);
});
