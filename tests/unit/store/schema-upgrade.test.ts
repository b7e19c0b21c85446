/**
 * Schema upgrades from every earlier version, with real old data: tests/fixtures/db/v1.json and
 * v2.json were written by those versions' own code (scripts/db-fixtures/generate.ts). Each is
 * loaded into a database declared with that version's schema only, then opened with today's
 * `openDb`: every row must survive with every field, the indexes added since must answer, and
 * the repositories and the knowledge base must read the old rows. A database a newer Dramatis
 * wrote must be refused with a clear message and left exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { knownSpans } from '../../../lib/analysis/analyze-article';
import { STARTER_PACK } from '../../../lib/entities/pack';
import { createEntityRepo, nameKey } from '../../../lib/entities/repo';
import { createArticleRepo } from '../../../lib/memory/article-repo';
import { buildArticleRecord } from '../../../lib/memory/article-record';
import { declareSchema, NewerDatabaseError, openDb } from '../../../lib/store/db';
import { createSettingsRepo } from '../../../lib/store/settings';
import { createKnowledgeBase } from '../../../services/knowledge-base';
import { decodeRow } from '../../fixtures/db/encode';

/** The schema each released version declared, verbatim: nothing of a later one. */
const HISTORY: Record<number, (db: Dexie) => void> = {
  1: (db) => {
    db.version(1).stores({ entities: 'id, name, type, *tags, country, sourceKind, pinned', meta: 'key' });
  },
  2: (db) => {
    HISTORY[1]!(db);
    db.version(2).stores({ entities: 'id, name, type, *tags, country, sourceKind, pinned, *mergedIds', rejected: 'key' });
  },
};

interface Fixture {
  schema: number;
  writtenBy: string;
  tables: Record<string, Record<string, unknown>[]>;
}

function fixture(version: number): Fixture {
  const file = JSON.parse(readFileSync(new URL(`../../fixtures/db/v${version}.json`, import.meta.url), 'utf8')) as Fixture;
  return { ...file, tables: decodeRow(file.tables) as Fixture['tables'] };
}

type Deps = { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };

/** A database as version `version` left it: its own schema, its own rows. */
async function writtenBy(version: number, deps: Deps): Promise<Fixture> {
  const data = fixture(version);
  const old = new Dexie('dramatis', deps);
  HISTORY[version]!(old);
  await old.open();
  for (const [table, rows] of Object.entries(data.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  return data;
}

const keyOf = (table: string) => (table === 'entities' ? 'id' : 'key');

describe.each([1, 2])('a database written by schema v%i', (version) => {
  test('opens at today’s version with every row and every field as it was', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const data = await writtenBy(version, deps);
    expect(data.schema).toBe(version);
    const db = await openDb('dramatis', deps);
    expect(db.verno).toBe(3);
    for (const [table, rows] of Object.entries(data.tables)) {
      expect(rows.length).toBeGreaterThan(0);
      const stored = await db.table(table).toArray();
      expect(stored).toHaveLength(rows.length);
      for (const row of rows) expect(await db.table(table).get(row[keyOf(table)] as string)).toEqual(row);
    }
    // The tables later versions added are there, empty, with their indexes.
    if (version < 2) expect(await db.rejected.count()).toBe(0);
    expect(await db.articles.count()).toBe(0);
    expect(await db.articles.where('urlKey').equals('example.com/a').count()).toBe(0);
  });

  test('the indexes answer for the old rows, including those added after the rows were written', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    await writtenBy(version, deps);
    const db = await openDb('dramatis', deps);
    // v2's index of merged ids covers the merge a v1 reader made.
    expect((await db.entities.where('mergedIds').equals('user:irani-dup').toArray()).map((e) => e.id)).toEqual([
      'user:shahram-irani',
    ]);
    expect((await db.entities.where('sourceKind').equals('import').primaryKeys()).sort()).toEqual(['import:caspian-flotilla']);
    expect((await db.entities.where('tags').equals('navy').primaryKeys()).sort()).toEqual([
      'import:caspian-flotilla',
      'user:sayyari',
    ]);
    expect((await db.entities.where('country').equals('IR').primaryKeys()).sort()).toEqual([
      'city:ir-tehran',
      'country:ir',
      'user:sayyari',
      'user:shahram-irani',
    ]);
    expect(await db.entities.where('type').equals('organization').count()).toBe(version === 1 ? 4 : 5);
  });

  // Installs the whole bundled pack: slow on a loaded machine, so a generous time limit.
  test(
    'the repositories and the knowledge base read the old rows; the pack upgrade keeps the reader’s work',
    { timeout: 60_000 },
    async () => {
      const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
      const data = await writtenBy(version, deps);
      const dbReady = openDb('dramatis', deps);
      const repo = createEntityRepo(dbReady);
      const revisionBefore = data.tables.meta!.find((m) => m.key === 'entities.revision')!.value as number;
      expect(await repo.revision()).toBe(revisionBefore);

      const kb = await createKnowledgeBase(repo).current();
      // The bundled pack is newer than the fixture's: it was installed over the old rows...
      expect(await repo.revision()).toBeGreaterThan(revisionBefore);
      expect(kb.entities.size).toBeGreaterThan(STARTER_PACK.length - 5);
      // ...but the reader's edits, own entities, merges and imports are as they were.
      expect(await repo.get('country:ir')).toMatchObject({
        description: 'My note: watch the Caspian drills.',
        pinned: true,
        edited: true,
      });
      expect(await repo.get('org:nato')).toMatchObject({ hidden: true });
      expect(kb.entities.has('org:nato')).toBe(false);
      expect(kb.isSuppressed('North Atlantic Treaty Organization')).toBe(true);
      expect(await repo.get('user:irani-dup')).toBeUndefined();
      expect(await repo.get('import:caspian-flotilla')).toMatchObject({ source: { kind: 'import', name: 'analyst.csv' } });

      const spans = knownSpans(
        ['Habibullah Sayyari met Rear Admiral Irani and the Caspian Sea Flotilla off Iran; Alexandr Fomin spoke.'],
        kb.matcher,
        kb.entities,
      );
      const found = new Set(spans.map((s) => s.entityId));
      expect(found).toEqual(
        new Set([
          'user:sayyari',
          'user:shahram-irani',
          'import:caspian-flotilla',
          'country:ir',
          ...(version >= 2 ? ['discovered:alexander-fomin'] : []),
        ]),
      );
      if (version >= 2) {
        expect(await repo.rejectedKeys()).toEqual(new Set([nameKey('Pyotr Belov'), nameKey('Breaking News')]));
        expect(kb.isSuppressed('Pyotr Belov')).toBe(true);
        expect(await createSettingsRepo(dbReady).customTopics()).toEqual([
          { id: 'user:caspian', label: 'Caspian security', keywords: ['caspian', 'flotilla', 'naval drill'] },
        ]);
        // Learning goes on where the old version left it.
        const [again] = await repo.learn([{ name: 'Alexander Fomin', type: 'person', aliases: ['A. Fomin'] }]);
        expect(again!.aliases).toEqual(['Fomin', 'Alexandr Fomin', 'A. Fomin']);
      }

      // The reading memory works beside the old knowledge base, and a backup carries both.
      const articles = createArticleRepo(dbReady);
      const record = buildArticleRecord({
        url: 'https://news.example/caspian-drills',
        meta: { title: 'Caspian drills', byline: null, publishedAt: null, siteName: null, canonicalUrl: null, language: 'en' },
        blocks: ['Habibullah Sayyari met the Caspian Sea Flotilla.'],
        analysis: {
          spans: [],
          actors: [{ entityId: 'user:sayyari', name: 'Habibollah Sayyari', type: 'person', mentions: 1 }],
          topics: [],
        },
        now: Date.UTC(2026, 1, 1),
      })!;
      await articles.put(record);
      expect((await articles.getByUrl('https://news.example/caspian-drills'))?.entityIds).toEqual(['user:sayyari']);
      const backup = JSON.parse(await articles.exportBackup(Date.UTC(2026, 1, 2))) as {
        entities: { id: string }[];
        articles: unknown[];
      };
      expect(backup.articles).toHaveLength(1);
      expect(backup.entities.map((e) => e.id)).toContain('user:shahram-irani');
    },
  );
});

describe('a database written by a newer Dramatis', () => {
  async function newer(deps: Deps) {
    const db = new Dexie('dramatis', deps);
    declareSchema(db);
    db.version(4).stores({ notes: 'id', entities: 'id, name, type, *tags, country, sourceKind, pinned, *mergedIds, lang' });
    await db.open();
    await db
      .table('entities')
      .put({ id: 'user:x', name: 'X', type: 'person', aliases: [], sourceKind: 'user', updatedAt: 1, lang: 'fr' });
    await db.table('meta').put({ key: 'entities.revision', value: 41 });
    await db.table('notes').put({ id: 'n1', text: 'a v4 note' });
    db.close();
  }

  async function contents(deps: Deps) {
    const raw = new Dexie('dramatis', deps); // no schema: opens whatever is there, as it is
    await raw.open();
    const tables = Object.fromEntries(await Promise.all(raw.tables.map(async (t) => [t.name, await t.toArray()] as const)));
    const state = {
      version: raw.verno,
      tables,
      indexes: raw
        .table('entities')
        .schema.indexes.map((i) => i.name)
        .sort(),
    };
    raw.close();
    return state;
  }

  test('is refused with a message that says what happened and that nothing changed', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    await newer(deps);
    const before = await contents(deps);
    const opening = openDb('dramatis', deps);
    await expect(opening).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(opening).rejects.toThrow(
      /saved by a newer version of Dramatis \(database version 4; this one reads up to 3\)\. Nothing was changed/,
    );
    expect(await contents(deps)).toEqual(before);
    expect(before.version).toBe(4);
  });

  test('the repositories pass the refusal on and write nothing', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    await newer(deps);
    const before = await contents(deps);
    const dbReady = openDb('dramatis', deps);
    dbReady.catch(() => undefined);
    const repo = createEntityRepo(dbReady);
    await expect(repo.put({ id: 'user:y', name: 'Y', type: 'person', aliases: [] })).rejects.toThrow(/newer version of Dramatis/);
    await expect(createKnowledgeBase(repo).current()).rejects.toThrow(/newer version of Dramatis/);
    expect(await contents(deps)).toEqual(before);
  });
});
