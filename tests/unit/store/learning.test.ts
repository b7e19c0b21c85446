import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, expect, test } from 'vitest';
import { createEntityRepo, learnedIdOf, nameKey, type EntityRepo } from '../../../lib/entities/repo';
import { DB_NAME, openDb } from '../../../lib/store/db';
import { createSettingsRepo } from '../../../lib/store/settings';

let repo: EntityRepo;
let factory: IDBFactory;
beforeEach(() => {
  factory = new IDBFactory();
  repo = createEntityRepo(openDb('test', { indexedDB: factory, IDBKeyRange }));
});

const sayyari = { name: 'Habibollah Sayyari', type: 'person' as const, aliases: [] };

test('a discovered name is stored as a discovered entity, under an id its name decides', async () => {
  const [stored] = await repo.learn([{ ...sayyari, aliases: ['Rear Admiral Habibollah Sayyari'] }]);
  expect(stored).toMatchObject({
    id: learnedIdOf('Habibollah Sayyari'),
    name: 'Habibollah Sayyari',
    type: 'person',
    aliases: ['Rear Admiral Habibollah Sayyari'],
    source: { kind: 'discovered' },
    sourceKind: 'discovered',
  });
  expect(learnedIdOf('habibollah  SAYYARI')).toBe(learnedIdOf('Habibollah Sayyari'));
});

test('learning a name again adds only the surface forms not seen before, and writes nothing otherwise', async () => {
  await repo.learn([sayyari]);
  const revision = await repo.learnedRevision();
  await repo.learn([{ ...sayyari, aliases: ['habibollah sayyari'] }]);
  expect(await repo.learnedRevision()).toBe(revision);
  const [again] = await repo.learn([{ ...sayyari, aliases: ['H. Sayyari'] }]);
  expect(again!.aliases).toEqual(['H. Sayyari']);
  expect(await repo.learnedRevision()).toBe(revision + 1);
});

test('learning moves only the learned revision, so the large base matcher is not rebuilt', async () => {
  const base = await repo.revision();
  await repo.learn([sayyari]);
  expect(await repo.revision()).toBe(base);
  expect(await repo.learnedRevision()).toBe(1);
  await repo.put({ id: 'user:x', name: 'X', type: 'place', aliases: [] });
  expect(await repo.revision()).toBe(base + 1);
  expect(await repo.learnedRevision()).toBe(2);
});

test('a rejected entity is deleted and none of its names is learned again', async () => {
  await repo.learn([{ ...sayyari, aliases: ['Sayyari H.'] }]);
  await repo.reject(learnedIdOf('Habibollah Sayyari'));
  expect(await repo.get(learnedIdOf('Habibollah Sayyari'))).toBeUndefined();
  expect(await repo.rejectedKeys()).toEqual(new Set([nameKey('Habibollah Sayyari'), nameKey('Sayyari H.')]));
  expect(await repo.learn([sayyari])).toEqual([null]);
  expect(await repo.get(learnedIdOf('Habibollah Sayyari'))).toBeUndefined();
});

test('a name rejected before it was ever stored is not learned either', async () => {
  await repo.rejectName('Most Viewed');
  expect(await repo.learn([{ name: 'most viewed', type: 'organization', aliases: [] }])).toEqual([null]);
});

test('a hidden learned entity, or one merged into another, is left alone', async () => {
  const [stored] = await repo.learn([sayyari, { name: 'Gilles Carbonnier', type: 'person', aliases: [] }]);
  await repo.put({ ...stored!, hidden: true });
  expect(await repo.learn([{ ...sayyari, aliases: ['New Form'] }])).toEqual([null]);
  await repo.put({ id: 'user:gc', name: 'Gilles Carbonnier (ICRC)', type: 'person', aliases: [] });
  await repo.merge('user:gc', learnedIdOf('Gilles Carbonnier'));
  expect(await repo.learn([{ name: 'Gilles Carbonnier', type: 'person', aliases: [] }])).toEqual([null]);
  expect(await repo.get(learnedIdOf('Gilles Carbonnier'))).toBeUndefined();
});

test('two learnings at once lose nothing', async () => {
  await Promise.all([repo.learn([{ ...sayyari, aliases: ['A Form'] }]), repo.learn([{ ...sayyari, aliases: ['B Form'] }])]);
  expect((await repo.get(learnedIdOf('Habibollah Sayyari')))!.aliases.sort()).toEqual(['A Form', 'B Form']);
});

test('a version 1 database opens as version 2 with its entities and settings intact', async () => {
  const old = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
  old.version(1).stores({ entities: 'id, name, type, *tags, country, sourceKind, pinned', meta: 'key' });
  await old.open();
  await old.table('entities').put({
    id: 'user:x',
    name: 'Xiangshan Forum',
    type: 'event',
    aliases: ['XSF'],
    source: { kind: 'user' },
    sourceKind: 'user',
    mergedIds: ['discovered:xsf'],
    edited: true,
    updatedAt: 1,
  });
  await old.table('meta').put({ key: 'entities.revision', value: 41 });
  await old.table('meta').put({ key: 'topics.custom', value: [{ id: 't', label: 'Drones', keywords: ['drone'] }] });
  old.close();

  const db = openDb(DB_NAME, { indexedDB: factory, IDBKeyRange });
  const upgraded = createEntityRepo(db);
  expect((await db).verno).toBe(3);
  expect(await upgraded.get('user:x')).toMatchObject({ name: 'Xiangshan Forum', aliases: ['XSF'], edited: true });
  expect(await upgraded.revision()).toBe(41);
  expect(await createSettingsRepo(db).customTopics()).toEqual([{ id: 't', label: 'Drones', keywords: ['drone'] }]);
  // The new index answers: a name merged away in v1 is not learned back.
  expect(await upgraded.learn([{ name: 'XSF', type: 'event', aliases: [] }])).toEqual([null]);
  expect(await upgraded.learn([{ name: 'Xiangshan Security Forum', type: 'event', aliases: [] }])).toMatchObject([
    { id: 'discovered:xiangshan-security-forum' },
  ]);
});
