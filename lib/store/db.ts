/**
 * The background's IndexedDB database, through Dexie (typed tables, versioned schemas with
 * upgrade functions, transactions that roll back as a whole). Opened only by the background;
 * repositories take a `Promise<DramatisDb>` so tests can pass one over fake-indexeddb.
 *
 * Schema history (never edit a released version; add a new one with its upgrade):
 * - v1: `entities` (by id, name, type, tags, country, source kind, pinned) and `meta` (key/value:
 *   pack version, entity revision, the compiled matcher cache).
 * - v2: `rejected` (names the reader rejected, by folded key: discovery never proposes them again)
 *   and an index of merged ids on `entities`. No data moves: v1 rows are kept as they are.
 * - v3: `articles`, the reading memory (lib/memory/article-record.ts): by id (a hash of the
 *   canonical address), `urlKey` (a re-visit finds its record), `site`, `readAt` (retention, paging
 *   latest first), `groupId` (near-duplicate groups), and multi-entry `bands` (near-duplicate
 *   lookup by LSH band), `entityIds` and `topicIds`. No data moves; the table starts empty.
 */
import { Dexie, type Table } from 'dexie';
import type { Entity } from '../entities/types';
import type { ArticleRecord } from '../memory/article-record';

/** An entity as stored: the model plus bookkeeping the views do not need. */
export interface StoredEntity extends Entity {
  /** Source kind, copied to the top level so it can be indexed. */
  sourceKind: string;
  /** The reader changed this entity: pack upgrades leave it alone. */
  edited?: boolean;
  /** Ids of entities merged into this one. */
  mergedIds?: string[];
  updatedAt: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A name the reader rejected, keyed by its folded form. */
export interface RejectedName {
  key: string;
  name: string;
  at: number;
}

export type DramatisDb = Dexie & {
  entities: Table<StoredEntity, string>;
  meta: Table<MetaRow, string>;
  rejected: Table<RejectedName, string>;
  articles: Table<ArticleRecord, string>;
};

export const DB_NAME = 'dramatis';

/** Declares every schema version, oldest first. */
export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    entities: 'id, name, type, *tags, country, sourceKind, pinned',
    meta: 'key',
  });
  db.version(2).stores({
    entities: 'id, name, type, *tags, country, sourceKind, pinned, *mergedIds',
    rejected: 'key',
  });
  db.version(3).stores({
    articles: 'id, urlKey, site, readAt, groupId, *bands, *entityIds, *topicIds',
  });
}

/**
 * Opens (creating or upgrading) the database.
 * @example const db = openDb(); const repo = createEntityRepo(db);
 */
export async function openDb(
  name = DB_NAME,
  deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
): Promise<DramatisDb> {
  const db = new Dexie(name, deps) as DramatisDb;
  declareSchema(db);
  await db.open();
  return db;
}
