/**
 * The entity repository: the knowledge base in IndexedDB. Every write bumps a revision number,
 * which keys the compiled-matcher cache, so the cache is never stale and never rebuilt needlessly.
 * Two revisions, because learning is frequent and cheap and the rest is rare and expensive: the
 * base matcher (pack, imports, the reader's own entities: up to 100,000) is recompiled only when
 * one of those changes; names learned while reading bump only the small learned matcher's revision.
 * Every write is one transaction (all of it or nothing), and a storage failure comes out as a
 * `StorageError` whose message the reader can act on.
 */
import { mergeImported, type MergeMode } from '../import/merge-imported';
import { foldText } from '../matcher/normalize';
import type { DramatisDb, StoredEntity } from '../store/db';
import { savingAs } from '../store/storage-error';
import type { PackEntity } from './pack';
import type { Entity, EntityType } from './types';

const REVISION = 'entities.revision';
const LEARNED_REVISION = 'learned.revision';
const PACK_VERSION = 'pack.version';
const MATCHER_CACHE = 'matcher.cache';

/** A name found while reading, as learning stores it. */
export interface LearnedName {
  name: string;
  type: EntityType;
  aliases: readonly string[];
}

/** The folded form names are compared by: "Habibollah  Sayyari’s" and "habibollah sayyari's" agree. */
export function nameKey(name: string): string {
  return foldText(name).text.trim();
}

/** The id a learned name is stored under: the same name learned twice is one entity. */
export function learnedIdOf(name: string): string {
  return `discovered:${nameKey(name).replace(/\s+/g, '-')}`;
}

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
  async function bumpKey(db: DramatisDb, key: string): Promise<number> {
    const current = ((await db.meta.get(key))?.value as number | undefined) ?? 0;
    await db.meta.put({ key, value: current + 1 });
    return current + 1;
  }

  /** Any write but learning: both matchers may have changed. */
  async function bump(db: DramatisDb): Promise<void> {
    await bumpKey(db, REVISION);
    await bumpKey(db, LEARNED_REVISION);
  }

  async function readNumber(key: string): Promise<number> {
    return ((await (await dbReady).meta.get(key))?.value as number | undefined) ?? 0;
  }

  return {
    async all(): Promise<StoredEntity[]> {
      return (await dbReady).entities.toArray();
    },

    async get(id: string): Promise<StoredEntity | undefined> {
      return (await dbReady).entities.get(id);
    },

    /** Revision of everything but learned names: keys the base matcher's cache. */
    async revision(): Promise<number> {
      return readNumber(REVISION);
    },

    /** Revision of the learned names: keys the learned matcher's cache. */
    async learnedRevision(): Promise<number> {
      return readNumber(LEARNED_REVISION);
    },

    /**
     * Stores names discovered while reading as `discovered` entities, their surface forms as
     * aliases. A name learned before gains the new forms; a rejected name, an entity the reader
     * hid and an id merged into another entity are left alone. One transaction.
     * @returns the stored entity for each name, or null where the name was not stored
     */
    async learn(names: readonly LearnedName[]): Promise<(StoredEntity | null)[]> {
      const db = await dbReady;
      return savingAs('the names learned from this article', () =>
        db.transaction('rw', db.entities, db.meta, db.rejected, async () => {
          const ids = names.map((n) => learnedIdOf(n.name));
          const existing = await db.entities.bulkGet(ids);
          const rejected = await db.rejected.bulkGet(names.map((n) => nameKey(n.name)));
          const mergedAway = new Set(
            (await db.entities.where('mergedIds').anyOf(ids).toArray()).flatMap((e) => e.mergedIds ?? []),
          );
          const now = Date.now();
          const writes = new Map<string, StoredEntity>();
          const result = names.map((learned, i): StoredEntity | null => {
            const id = ids[i]!;
            if (rejected[i] || mergedAway.has(id)) return null;
            const before = writes.get(id) ?? existing[i];
            if (before?.hidden) return null;
            const known = new Set([before?.name ?? learned.name, ...(before?.aliases ?? [])].map(nameKey));
            const added = [learned.name, ...learned.aliases].filter(
              (a) => a.trim() && !known.has(nameKey(a)) && known.add(nameKey(a)),
            );
            if (before && added.length === 0) return before;
            const entity: StoredEntity = before
              ? { ...before, aliases: [...before.aliases, ...added], updatedAt: now }
              : toStored({ id, name: learned.name, type: learned.type, aliases: added, source: { kind: 'discovered' } }, now);
            writes.set(id, entity);
            return entity;
          });
          if (writes.size > 0) {
            await db.entities.bulkPut([...writes.values()]);
            await bumpKey(db, LEARNED_REVISION);
          }
          return result;
        }),
      );
    },

    /**
     * Rejects an entity: it is deleted and its names are remembered, so discovery never proposes
     * them again. One transaction.
     */
    async reject(id: string): Promise<void> {
      const db = await dbReady;
      await savingAs('the rejected name', () =>
        db.transaction('rw', db.entities, db.meta, db.rejected, async () => {
          const entity = await db.entities.get(id);
          if (!entity) throw new Error(`No entity ${id}`);
          const at = Date.now();
          await db.rejected.bulkPut([entity.name, ...entity.aliases].map((name) => ({ key: nameKey(name), name, at })));
          await db.entities.delete(id);
          await bump(db);
        }),
      );
    },

    /** Rejects a name that was never stored (a low-confidence discovery). */
    async rejectName(name: string): Promise<void> {
      const db = await dbReady;
      await savingAs('the rejected name', () => db.rejected.put({ key: nameKey(name), name, at: Date.now() }));
    },

    /** Folded keys of every rejected name. */
    async rejectedKeys(): Promise<Set<string>> {
      return new Set((await (await dbReady).rejected.toCollection().primaryKeys()) as string[]);
    },

    /** Saves reader edits: marked `edited`, so pack upgrades keep them. */
    async put(entity: Entity): Promise<void> {
      const db = await dbReady;
      await savingAs('your change', () =>
        db.transaction('rw', db.entities, db.meta, async () => {
          await db.entities.put({ ...toStored(entity, Date.now()), edited: true });
          await bump(db);
        }),
      );
    },

    /**
     * Installs or upgrades the bundled pack in one transaction: new and changed pack entities
     * are written, entities the reader edited are kept as they are. No-op when `version` is current.
     * @returns how many entities were written
     */
    async installPack(pack: readonly PackEntity[], version: string): Promise<number> {
      const db = await dbReady;
      return savingAs('the starter knowledge base', () =>
        db.transaction('rw', db.entities, db.meta, async () => {
          if ((await db.meta.get(PACK_VERSION))?.value === version) return 0;
          const now = Date.now();
          const existing = new Map((await db.entities.bulkGet(pack.map((e) => e.id))).map((e, i) => [pack[i]!.id, e]));
          const mergedAway = new Set((await db.entities.toArray()).flatMap((e) => e.mergedIds ?? []));
          const writes = pack.filter((e) => !existing.get(e.id)?.edited && !mergedAway.has(e.id)).map((e) => fromPack(e, now));
          await db.entities.bulkPut(writes);
          await db.meta.put({ key: PACK_VERSION, value: version });
          await bump(db);
          return writes.length;
        }),
      );
    },

    /** Replaces the whole knowledge base in one transaction: all of `entities` or nothing. */
    async replaceAll(entities: readonly Entity[]): Promise<void> {
      const db = await dbReady;
      const now = Date.now();
      await savingAs('the knowledge base', () =>
        db.transaction('rw', db.entities, db.meta, async () => {
          await db.entities.clear();
          await db.entities.bulkPut(entities.map((e) => toStored(e, now)));
          await bump(db);
        }),
      );
    },

    /**
     * Imports entities by merging or replacing (`mergeImported`), reading the knowledge base and
     * writing the result in one transaction: a name learned meanwhile in another tab is merged,
     * not overwritten, and a failure midway leaves the knowledge base as it was.
     * @returns how many entities the knowledge base holds after the import
     */
    async importEntities(incoming: readonly Entity[], mode: MergeMode): Promise<number> {
      const db = await dbReady;
      return savingAs('the imported entities', () =>
        db.transaction('rw', db.entities, db.meta, async () => {
          const now = Date.now();
          // Stored rows go in whole, so the reader's edit marks survive a merge.
          const result = mergeImported(await db.entities.toArray(), incoming, mode);
          await db.entities.clear();
          await db.entities.bulkPut(result.map((e) => toStored(e, now)));
          await bump(db);
          return result.length;
        }),
      );
    },

    /**
     * Folds `mergeId` into `keepId`: its names become aliases of the kept entity, which records
     * the merged id so references to it still resolve; one transaction.
     */
    async merge(keepId: string, mergeId: string): Promise<StoredEntity> {
      const db = await dbReady;
      return savingAs('the merge', () =>
        db.transaction('rw', db.entities, db.meta, async () => {
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
        }),
      );
    },

    async readMatcherCache(which: 'base' | 'learned' = 'base'): Promise<MatcherCache | undefined> {
      return (await (await dbReady).meta.get(`${MATCHER_CACHE}.${which}`))?.value as MatcherCache | undefined;
    },

    async writeMatcherCache(cache: MatcherCache, which: 'base' | 'learned' = 'base'): Promise<void> {
      await (await dbReady).meta.put({ key: `${MATCHER_CACHE}.${which}`, value: cache });
    },
  };
}

export type EntityRepo = ReturnType<typeof createEntityRepo>;
