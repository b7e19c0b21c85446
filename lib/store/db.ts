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
 *
 * tests/fixtures/db holds databases written by each earlier version's own code; the upgrade tests
 * open them with this one. A database a newer Dramatis wrote is refused, not opened (below).
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
/**
 * The database was written by a newer Dramatis (an extension downgraded, or a profile synced
 * back). Dexie 4 would open it at its newer version and let this code write rows of the old shape
 * into tables it no longer understands, so it is refused whole and left as it is.
 */
export class NewerDatabaseError extends Error {
  override name = 'NewerDatabaseError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `Your Dramatis data was saved by a newer version of Dramatis (database version ${found}; this one reads up to ` +
        `${known}). Nothing was changed: update Dramatis to use it again.`,
    );
  }
}

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
  // Dexie scales versions by 10 (a schema v3 is IndexedDB version 30).
  const found = db.backendDB().version / 10;
  if (found > db.verno) {
    db.close();
    throw new NewerDatabaseError(found, db.verno);
  }
  return db;
}
