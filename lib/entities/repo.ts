/**
 * The entity repository: the knowledge base in IndexedDB. Every write bumps a revision number,
 * which keys the compiled-matcher cache, so the cache is never stale and never rebuilt needlessly.
 */
import type { DramatisDb, StoredEntity } from '../store/db';
import type { PackEntity } from './pack';
import type { Entity } from './types';

const REVISION = 'entities.revision';
const PACK_VERSION = 'pack.version';
const MATCHER_CACHE = 'matcher.cache';

export interface MatcherCache {
  revision: number;
  buffer: ArrayBuffer;
}

function toStored(entity: Entity, now: number): StoredEntity {
  return { ...entity, sourceKind: entity.source?.kind ?? 'user', updatedAt: now };
}

function fromPack(entity: PackEntity, now: number): StoredEntity {
  const { ref, ...rest } = entity;
  return toStored({ ...rest, source: { kind: 'pack', ref } }, now);
}

export function createEntityRepo(dbReady: Promise<DramatisDb>) {
  async function bump(db: DramatisDb): Promise<number> {
    const current = ((await db.meta.get(REVISION))?.value as number | undefined) ?? 0;
    await db.meta.put({ key: REVISION, value: current + 1 });
    return current + 1;
  }

  return {
    async all(): Promise<StoredEntity[]> {
      return (await dbReady).entities.toArray();
    },

    async get(id: string): Promise<StoredEntity | undefined> {
      return (await dbReady).entities.get(id);
    },

    async revision(): Promise<number> {
      return ((await (await dbReady).meta.get(REVISION))?.value as number | undefined) ?? 0;
    },

    /** Saves reader edits: marked `edited`, so pack upgrades keep them. */
    async put(entity: Entity): Promise<void> {
      const db = await dbReady;
      await db.transaction('rw', db.entities, db.meta, async () => {
        await db.entities.put({ ...toStored(entity, Date.now()), edited: true });
        await bump(db);
      });
    },

    /**
     * Installs or upgrades the bundled pack in one transaction: new and changed pack entities
     * are written, entities the reader edited are kept as they are. No-op when `version` is current.
     * @returns how many entities were written
     */
    async installPack(pack: readonly PackEntity[], version: string): Promise<number> {
      const db = await dbReady;
      return db.transaction('rw', db.entities, db.meta, async () => {
        if ((await db.meta.get(PACK_VERSION))?.value === version) return 0;
        const now = Date.now();
        const existing = new Map((await db.entities.bulkGet(pack.map((e) => e.id))).map((e, i) => [pack[i]!.id, e]));
        const mergedAway = new Set((await db.entities.toArray()).flatMap((e) => e.mergedIds ?? []));
        const writes = pack.filter((e) => !existing.get(e.id)?.edited && !mergedAway.has(e.id)).map((e) => fromPack(e, now));
        await db.entities.bulkPut(writes);
        await db.meta.put({ key: PACK_VERSION, value: version });
        await bump(db);
        return writes.length;
      });
    },

    /** Replaces the whole knowledge base in one transaction: all of `entities` or nothing. */
    async replaceAll(entities: readonly Entity[]): Promise<void> {
      const db = await dbReady;
      const now = Date.now();
      await db.transaction('rw', db.entities, db.meta, async () => {
        await db.entities.clear();
        await db.entities.bulkPut(entities.map((e) => toStored(e, now)));
        await bump(db);
      });
    },

    /**
     * Folds `mergeId` into `keepId`: its names become aliases of the kept entity, which records
     * the merged id so references to it still resolve; one transaction.
     */
    async merge(keepId: string, mergeId: string): Promise<StoredEntity> {
      const db = await dbReady;
      return db.transaction('rw', db.entities, db.meta, async () => {
        const [keep, gone] = await db.entities.bulkGet([keepId, mergeId]);
        if (!keep || !gone) throw new Error(`No entity ${keep ? mergeId : keepId}`);
        const names = new Set([...keep.aliases, gone.name, ...gone.aliases].filter((n) => n !== keep.name));
        const merged: StoredEntity = {
          ...keep,
          aliases: [...names],
          mergedIds: [...(keep.mergedIds ?? []), mergeId, ...(gone.mergedIds ?? [])],
          edited: true,
          updatedAt: Date.now(),
        };
        await db.entities.put(merged);
        await db.entities.delete(mergeId);
        await bump(db);
        return merged;
      });
    },

    async readMatcherCache(): Promise<MatcherCache | undefined> {
      return (await (await dbReady).meta.get(MATCHER_CACHE))?.value as MatcherCache | undefined;
    },

    async writeMatcherCache(cache: MatcherCache): Promise<void> {
      await (await dbReady).meta.put({ key: MATCHER_CACHE, value: cache });
    },
  };
}

export type EntityRepo = ReturnType<typeof createEntityRepo>;
