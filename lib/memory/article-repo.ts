/**
 * The article repository: the reading memory in IndexedDB (schema v3, `articles`). Every write
 * bumps `articles.revision`, which keys the snapshots of the in-memory indexes (related, search)
 * kept in `meta`, like the matcher cache: a snapshot whose revision is behind is not used.
 * Writes that touch several rows (a visit with its group lookup, deleting, restoring a backup)
 * are one transaction each: a failure midway (a full disk, a browser closed) leaves the old data;
 * a storage failure comes out as a `StorageError` whose message the reader can act on.
 */
import { createEntityRepo } from '../entities/repo';
import type { MergeMode } from '../import/merge-imported';
import type { DramatisDb } from '../store/db';
import { createSettingsRepo } from '../store/settings';
import { savingAs } from '../store/storage-error';
import { recordVisit, type ArticleRecord } from './article-record';
import { parseBackup, planRestore, serializeBackup, type Backup, type BackupEntity, type BackupSettings } from './backup';
import { urlKey } from './canonical-url';
import { decodeSignature, DUPLICATE_THRESHOLD, signatureSimilarity, type DuplicateMatch } from './near-duplicate';
import { DEFAULT_RETENTION, expiredArticles, isRetentionPolicy, type RetentionPolicy } from './retention';

const REVISION = 'articles.revision';
const RETENTION = 'memory.retention';
const SNAPSHOT = 'memory.snapshot';
const PRIVACY = 'memory.privacy';
const PENDING = 'memory.pending.';
/**
 * A journaled reading's number, kept beside it: journaling and settling read this, not the
 * reading (a live page journals its whole text twice a second, and read it back each time).
 */
const PENDING_SEQ = 'memory.pending-seq.';

/**
 * A reading the background answered but has not stored yet, kept in `meta` until it is: a
 * service worker the browser stops in between finds it when it starts again. One per `key` (a
 * tab), the latest; `seq` tells a later one for the same key from it.
 */
export interface PendingReading<T> {
  key: string;
  seq: number;
  at: number;
  value: T;
}

/** Where the reading memory may store: private windows (off by default) and excluded sites. */
export interface MemoryPrivacy {
  storePrivate: boolean;
  /** Host names never stored; a host excludes its subdomains. */
  excludedSites: string[];
}

export const DEFAULT_PRIVACY: MemoryPrivacy = { storePrivate: false, excludedSites: [] };

/** A site as the reader types it ("https://www.Example.com/x", "example.com") reduced to its host. */
export function siteHost(site: string): string | null {
  const trimmed = site.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
    return host.replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}

/** Whether `url`'s host is one of `excluded` or under one of them. */
export function isExcludedUrl(url: string, excluded: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return excluded.some((site) => host === site || host.endsWith(`.${site}`) || host === `www.${site}`);
}

function isPrivacy(value: unknown): value is MemoryPrivacy {
  const v = value as MemoryPrivacy | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.storePrivate === 'boolean' &&
    Array.isArray(v.excludedSites) &&
    v.excludedSites.every((s) => typeof s === 'string')
  );
}

/** Excluded sites reduced to host names, once each; throws on one that is not a site. */
function normalPrivacy(privacy: MemoryPrivacy): MemoryPrivacy {
  const excludedSites: string[] = [];
  for (const site of privacy.excludedSites) {
    const host = siteHost(site);
    if (host === null) throw new Error(`“${site}” is not a site name (example.com)`);
    if (!excludedSites.includes(host)) excludedSites.push(host);
  }
  return { storePrivate: privacy.storePrivate, excludedSites };
}

export type SnapshotKind = 'related' | 'search';

export interface Snapshot<T> {
  revision: number;
  data: T;
}

/**
 * The number of the reading journaled under `key`, 0 when none. A journal written before the
 * numbers were kept apart holds its number in the reading itself.
 */
async function seqOf(db: DramatisDb, key: string): Promise<number> {
  const kept = (await db.meta.get(PENDING_SEQ + key))?.value as number | undefined;
  if (kept !== undefined) return kept;
  return ((await db.meta.get(PENDING + key))?.value as PendingReading<unknown> | undefined)?.seq ?? 0;
}

export function createArticleRepo(dbReady: Promise<DramatisDb>) {
  const entityRepo = createEntityRepo(dbReady);
  const settingsRepo = createSettingsRepo(dbReady);

  async function bump(db: DramatisDb): Promise<number> {
    const next = (((await db.meta.get(REVISION))?.value as number | undefined) ?? 0) + 1;
    await db.meta.put({ key: REVISION, value: next });
    return next;
  }

  /**
   * After articles were deleted: the search snapshot holds their words, so it goes at once (the
   * search rebuilds it); the related one holds no text and is rewritten by the next snapshot.
   */
  async function forgotten(db: DramatisDb): Promise<void> {
    await db.meta.delete(`${SNAPSHOT}.search`);
    await bump(db);
  }

  async function duplicatesIn(db: DramatisDb, record: ArticleRecord): Promise<DuplicateMatch[]> {
    const signature = decodeSignature(record.signature);
    if (!signature || record.bands.length === 0) return [];
    const ids = new Set((await db.articles.where('bands').anyOf(record.bands).primaryKeys()) as string[]);
    ids.delete(record.id);
    const matches: DuplicateMatch[] = [];
    for (const candidate of await db.articles.bulkGet([...ids])) {
      const other = candidate && decodeSignature(candidate.signature);
      const similarity = other ? signatureSimilarity(signature, other) : 0;
      if (similarity >= DUPLICATE_THRESHOLD) matches.push({ id: candidate!.groupId, similarity });
    }
    return matches.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
  }

  async function readRetention(db: DramatisDb): Promise<RetentionPolicy> {
    const value = (await db.meta.get(RETENTION))?.value;
    return isRetentionPolicy(value) ? value : DEFAULT_RETENTION;
  }

  async function readPrivacy(db: DramatisDb): Promise<MemoryPrivacy> {
    const value = (await db.meta.get(PRIVACY))?.value;
    return isPrivacy(value) ? value : DEFAULT_PRIVACY;
  }

  async function readDates(db: DramatisDb): Promise<{ id: string; readAt: number }[]> {
    const collection = db.articles.orderBy('readAt');
    const [dates, ids] = await Promise.all([collection.keys(), collection.primaryKeys()]);
    return ids.map((id, i) => ({ id: id as string, readAt: dates[i] as number }));
  }

  return {
    /**
     * Stores a reading: a re-visit (same id) updates its record (`recordVisit`); a new article
     * joins the group of its closest near-duplicate, if any. One transaction.
     * @returns the stored record (with its group)
     */
    async put(record: ArticleRecord): Promise<ArticleRecord> {
      const db = await dbReady;
      return savingAs('this article', () =>
        db.transaction('rw', db.articles, db.meta, async () => {
          const previous = await db.articles.get(record.id);
          const stored = previous
            ? recordVisit(previous, record)
            : { ...record, groupId: (await duplicatesIn(db, record))[0]?.id ?? record.id };
          await db.articles.put(stored);
          await bump(db);
          return stored;
        }),
      );
    },

    async get(id: string): Promise<ArticleRecord | undefined> {
      return (await dbReady).articles.get(id);
    },

    async bulkGet(ids: readonly string[]): Promise<(ArticleRecord | undefined)[]> {
      return (await dbReady).articles.bulkGet([...ids]);
    },

    /** The record of an address, by its canonical key. */
    async getByUrl(url: string): Promise<ArticleRecord | undefined> {
      const key = urlKey(url);
      return key === null ? undefined : (await dbReady).articles.where('urlKey').equals(key).first();
    },

    /** Stored near-duplicates of a record (their group ids), most similar first. */
    async findDuplicates(record: ArticleRecord): Promise<DuplicateMatch[]> {
      return duplicatesIn(await dbReady, record);
    },

    /** The stored articles of a near-duplicate group (the same story under several addresses). */
    async byGroup(groupId: string): Promise<ArticleRecord[]> {
      return (await dbReady).articles.where('groupId').equals(groupId).toArray();
    },

    async privacy(): Promise<MemoryPrivacy> {
      return readPrivacy(await dbReady);
    },

    async savePrivacy(privacy: MemoryPrivacy): Promise<void> {
      const value = normalPrivacy(privacy);
      const db = await dbReady;
      await savingAs('your settings', () => db.meta.put({ key: PRIVACY, value }));
    },

    async count(): Promise<number> {
      return (await dbReady).articles.count();
    },

    /** A page of articles, latest read first. */
    async page(offset: number, limit: number): Promise<ArticleRecord[]> {
      return (await dbReady).articles.orderBy('readAt').reverse().offset(offset).limit(limit).toArray();
    },

    /** Calls `visit` with every article, `size` at a time in id order, never holding all of them. */
    async forEachPage(size: number, visit: (records: ArticleRecord[]) => void | Promise<void>): Promise<void> {
      const db = await dbReady;
      let after: string | undefined;
      for (;;) {
        const records = await (after === undefined ? db.articles.orderBy('id') : db.articles.where('id').above(after))
          .limit(size)
          .toArray();
        if (records.length === 0) return;
        await visit(records);
        after = records[records.length - 1]!.id;
      }
    },

    /** Deletes articles (and the search snapshot); returns the ids that were stored (to take out of the indexes). */
    async delete(ids: readonly string[]): Promise<string[]> {
      const db = await dbReady;
      return db.transaction('rw', db.articles, db.meta, async () => {
        const found = (await db.articles
          .where('id')
          .anyOf([...ids])
          .primaryKeys()) as string[];
        await db.articles.bulkDelete(found);
        if (found.length) await forgotten(db);
        return found;
      });
    },

    /** Forgets every article and the index snapshots. */
    async clear(): Promise<void> {
      const db = await dbReady;
      await db.transaction('rw', db.articles, db.meta, async () => {
        await db.articles.clear();
        await db.meta.bulkDelete([`${SNAPSHOT}.related`, `${SNAPSHOT}.search`]);
        await bump(db);
      });
    },

    async retention(): Promise<RetentionPolicy> {
      return readRetention(await dbReady);
    },

    async saveRetention(policy: RetentionPolicy): Promise<void> {
      if (!isRetentionPolicy(policy)) throw new Error('Keep all articles, or a whole number of days or articles');
      const db = await dbReady;
      await savingAs('your settings', () => db.meta.put({ key: RETENTION, value: policy }));
    },

    /** Deletes what the retention policy lets go, in one transaction; returns the deleted ids. */
    async applyRetention(now: number): Promise<string[]> {
      const db = await dbReady;
      return db.transaction('rw', db.articles, db.meta, async () => {
        const expired = expiredArticles(await readDates(db), await readRetention(db), now);
        if (expired.length) {
          await db.articles.bulkDelete(expired);
          await forgotten(db);
        }
        return expired;
      });
    },

    async revision(): Promise<number> {
      return ((await (await dbReady).meta.get(REVISION))?.value as number | undefined) ?? 0;
    },

    async readSnapshot<T>(kind: SnapshotKind): Promise<Snapshot<T> | undefined> {
      return (await (await dbReady).meta.get(`${SNAPSHOT}.${kind}`))?.value as Snapshot<T> | undefined;
    },

    async writeSnapshot<T>(kind: SnapshotKind, snapshot: Snapshot<T>): Promise<void> {
      await (await dbReady).meta.put({ key: `${SNAPSHOT}.${kind}`, value: snapshot });
    },

    /** Keeps `value` until `settle`; replaces what `key` held. @returns the handle `settle` takes */
    async journal<T>(key: string, value: T, at: number): Promise<PendingReading<T>> {
      const db = await dbReady;
      return savingAs('this article', () =>
        db.transaction('rw', db.meta, async () => {
          const entry = { key, seq: (await seqOf(db, key)) + 1, at, value };
          await db.meta.bulkPut([
            { key: PENDING + key, value: entry },
            { key: PENDING_SEQ + key, value: entry.seq },
          ]);
          return entry;
        }),
      );
    },

    /** Forgets a journaled reading, unless a later one for the same key replaced it. */
    async settle(entry: Pick<PendingReading<unknown>, 'key' | 'seq'>): Promise<void> {
      const db = await dbReady;
      await db.transaction('rw', db.meta, async () => {
        if ((await seqOf(db, entry.key)) === entry.seq) await db.meta.bulkDelete([PENDING + entry.key, PENDING_SEQ + entry.key]);
      });
    },

    /** Every journaled reading not settled, oldest first. */
    async pending<T>(): Promise<PendingReading<T>[]> {
      const rows = await (await dbReady).meta.where('key').startsWith(PENDING).toArray();
      return rows.map((r) => r.value as PendingReading<T>).sort((a, b) => a.at - b.at);
    },

    /** Average JSON size of up to `sample` articles (the latest), and the total it implies. */
    async estimateBytes(sample = 200): Promise<{ articles: number; bytesPerArticle: number; totalBytes: number }> {
      const db = await dbReady;
      const [articles, records] = await Promise.all([
        db.articles.count(),
        db.articles.orderBy('readAt').reverse().limit(sample).toArray(),
      ]);
      const encoder = new TextEncoder();
      const bytes = records.reduce((sum, r) => sum + encoder.encode(JSON.stringify(r)).length, 0);
      const bytesPerArticle = records.length ? Math.round(bytes / records.length) : 0;
      return { articles, bytesPerArticle, totalBytes: bytesPerArticle * articles };
    },

    /** The backup file's text: knowledge base, rejected names, settings and every article. */
    async exportBackup(now: number): Promise<string> {
      const db = await dbReady;
      return db.transaction('r', db.entities, db.rejected, db.meta, db.articles, async () =>
        serializeBackup(
          {
            entities: await db.entities.toArray(),
            rejected: await db.rejected.toArray(),
            settings: {
              customTopics: await settingsRepo.customTopics(),
              retention: await readRetention(db),
              privacy: await readPrivacy(db),
            },
            articles: await db.articles.toArray(),
          },
          now,
        ),
      );
    },

    /**
     * Restores a backup (parsed with `parseBackup`, which refused it whole if anything was wrong)
     * by merging or replacing, in one transaction: on any failure nothing changes.
     */
    async restoreBackup(backup: Backup, mode: MergeMode): Promise<{ entities: number; articles: number }> {
      const db = await dbReady;
      return savingAs('the backup', () =>
        db.transaction('rw', [db.entities, db.rejected, db.meta, db.articles], async () => {
          const settings: BackupSettings = {
            customTopics: await settingsRepo.customTopics(),
            retention: await readRetention(db),
            privacy: await readPrivacy(db),
          };
          const ids = backup.articles.map((a) => a.id);
          const existing =
            mode === 'merge'
              ? [
                  ...(await db.articles.bulkGet(ids)).filter((a) => a !== undefined),
                  ...(await db.articles
                    .where('urlKey')
                    .anyOf(backup.articles.map((a) => a.urlKey))
                    .toArray()),
                ]
              : [];
          const plan = planRestore({ entities: await db.entities.toArray(), settings }, existing, backup, mode);
          if (plan.clear) {
            await db.articles.clear();
            await db.rejected.clear();
            await db.meta.bulkDelete([`${SNAPSHOT}.related`, `${SNAPSHOT}.search`]);
          }
          await entityRepo.replaceAll(plan.entities);
          // replaceAll stamps every entity as written now; keep the dates the backup carries.
          const dated = plan.entities.filter(
            (e): e is BackupEntity & { updatedAt: number } => typeof (e as BackupEntity).updatedAt === 'number',
          );
          await db.entities.bulkPut(dated.map((e) => ({ ...e, sourceKind: e.source?.kind ?? 'user' })));
          await db.rejected.bulkPut(plan.rejected);
          await settingsRepo.saveCustomTopics(plan.settings.customTopics);
          await db.meta.put({ key: RETENTION, value: plan.settings.retention });
          if (plan.settings.privacy) await db.meta.put({ key: PRIVACY, value: normalPrivacy(plan.settings.privacy) });
          await db.articles.bulkPut(plan.articles);
          await bump(db);
          return { entities: plan.entities.length, articles: await db.articles.count() };
        }),
      );
    },
  };
}

export type ArticleRepo = ReturnType<typeof createArticleRepo>;

/** Reads and restores a backup file in one step; throws `ImportError` (nothing changed) when it is refused. */
export async function restoreBackupFile(repo: ArticleRepo, text: string, mode: MergeMode) {
  return repo.restoreBackup(parseBackup(text), mode);
}
