/**
 * The reading memory in the background: stores each article read (lib/memory/article-repo.ts),
 * keeps the related-articles index in memory (loaded from its snapshot when the worker restarts,
 * rebuilt from the articles when the snapshot is behind), and answers the popup (related
 * articles, through the tab's analysis), the hover card (the reader's history with an entity) and
 * the dashboard (search, entity and article pages, deletion, settings, backup).
 *
 * Every change (store, delete, clear, restore) runs through one queue, so the index, the search
 * and the revision their snapshots carry always describe the same set of articles. The search
 * index (MiniSearch, ≈ 6 KB of heap per article) is built on the first search and released after
 * `searchIdleMs` without one: the popup and the card never need it.
 */
import type { ArticleInput, ArticleRecord } from '../lib/memory/article-record';
import { buildArticleRecord } from '../lib/memory/article-record';
import { urlKey } from '../lib/memory/canonical-url';
import { isExcludedUrl, restoreBackupFile, type ArticleRepo, type PendingReading } from '../lib/memory/article-repo';
import { MAX_BACKUP_CHARS } from '../lib/memory/backup';
import { entityStats } from '../lib/memory/entity-stats';
import { relatedArticles } from '../lib/memory/related';
import {
  createRelatedIndex,
  isRelatedSnapshot,
  loadRelatedIndex,
  type RelatedIndex,
  type RelatedSnapshot,
} from '../lib/memory/related-index';
import { createArticleSearch, loadArticleSearch, snippet, type ArticleSearch } from '../lib/memory/search';
import type { Entity } from '../lib/entities/types';
import type {
  Actor,
  ArticleLink,
  ArticleSummary,
  ArticleView,
  CardData,
  EntityMemory,
  MemoryFilters,
  MemorySearchHit,
  MemorySettings,
  MemoryStatus,
  RelatedLink,
} from '../lib/messaging/protocol';
import { TAXONOMY } from '../lib/topics';
import { formatDay } from '../lib/ui/dates';
import type { KnowledgeBase } from './knowledge-base';
import type { Handlers } from './messaging';

/** Characters of a backup file per message part. */
export const BACKUP_PART_CHARS = 8 * 1024 * 1024;
const PAGE = 1_000;
const GRAPH_NEIGHBOURS = 15;
const ENTITY_ARTICLES = 200;

export interface ReadingMemoryDeps {
  articles: ArticleRepo;
  knowledgeBase: KnowledgeBase;
  now?: () => number;
  /** Release the search index after this long without a search. */
  searchIdleMs?: number;
  /** Write the index snapshot this long after the last change. */
  snapshotDelayMs?: number;
  /** Characters of the backup file per export part. */
  backupPartChars?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function summaryOf(record: ArticleRecord): ArticleSummary {
  return {
    id: record.id,
    url: record.url,
    title: record.title,
    site: record.site,
    byline: record.byline,
    publishedAt: record.publishedAt,
    readAt: iso(record.readAt),
    visits: record.visits,
    groupId: record.groupId,
  };
}

const linkOf = (record: ArticleRecord): ArticleLink => ({ url: record.url, title: record.title, readAt: iso(record.readAt) });

const TOPIC_LABELS = new Map<string, string>(TAXONOMY.map((t) => [t.id, t.label]));

export function createReadingMemory({
  articles,
  knowledgeBase,
  now = Date.now,
  searchIdleMs = 5 * 60_000,
  snapshotDelayMs = 2_000,
  backupPartChars = BACKUP_PART_CHARS,
}: ReadingMemoryDeps) {
  let related: Promise<RelatedIndex> | null = null;
  let search: Promise<ArticleSearch> | null = null;
  let searchDirty = false;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  /** Topic labels seen on stored articles (the reader's own topics are not in the taxonomy). */
  const topicLabels = new Map(TOPIC_LABELS);
  let queue: Promise<unknown> = Promise.resolve();
  const backupsOut = new Map<string, string>();
  const backupsIn = new Map<string, { parts: string[]; chars: number }>();

  /** Runs `task` after every change queued before it. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Snapshots only spare a restarted worker a rebuild: one the storage refuses (full) is skipped,
   * and the index, the search and what is stored carry on.
   */
  async function saveSnapshot<T>(kind: 'related' | 'search', snapshot: { revision: number; data: T }): Promise<void> {
    await articles
      .writeSnapshot(kind, snapshot)
      .catch((error: unknown) => console.warn('Dramatis: could not save an index snapshot', error));
  }

  async function loadIndex(): Promise<RelatedIndex> {
    const revision = await articles.revision();
    const snapshot = await articles.readSnapshot<RelatedSnapshot>('related');
    if (snapshot && snapshot.revision === revision && isRelatedSnapshot(snapshot.data)) return loadRelatedIndex(snapshot.data);
    const index = createRelatedIndex();
    await articles.forEachPage(PAGE, (records) => {
      for (const r of records) for (const t of r.topics) topicLabels.set(t.id, t.label);
      index.addAll(records);
    });
    await saveSnapshot('related', { revision, data: index.toSnapshot() });
    return index;
  }

  function index(): Promise<RelatedIndex> {
    related ??= loadIndex().catch((error: unknown) => {
      related = null;
      throw error;
    });
    return related;
  }

  async function namesOf(record: ArticleRecord, entities: ReadonlyMap<string, Entity>): Promise<string[]> {
    return record.entities.map((e) => entities.get(e.id)?.name).filter((n): n is string => n !== undefined);
  }

  async function loadSearch(): Promise<ArticleSearch> {
    const revision = await articles.revision();
    const snapshot = await articles.readSnapshot<string>('search');
    const loaded = snapshot && snapshot.revision === revision ? loadArticleSearch(snapshot.data) : null;
    if (loaded) return loaded;
    const engine = createArticleSearch();
    const { entities } = await knowledgeBase.current();
    await articles.forEachPage(PAGE, async (records) => {
      for (const r of records) engine.add({ ...r, entityNames: await namesOf(r, entities) });
    });
    searchDirty = true;
    return engine;
  }

  /** The search index, loaded on demand; each use pushes its release back. */
  function searchEngine(): Promise<ArticleSearch> {
    search ??= loadSearch().catch((error: unknown) => {
      search = null;
      throw error;
    });
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void releaseSearch(), searchIdleMs);
    return search;
  }

  /** Saves the search index when it changed since it was loaded, then lets it go. */
  function releaseSearch(): Promise<void> {
    return exclusive(async () => {
      const loaded = search;
      search = null;
      if (!loaded || !searchDirty) return;
      const engine = await loaded.catch(() => null);
      if (engine) await saveSnapshot('search', { revision: await articles.revision(), data: engine.toJSON() });
      searchDirty = false;
    });
  }

  function scheduleSnapshot(): void {
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(
      () =>
        void exclusive(async () => {
          if (!related) return;
          const loaded = await related;
          await saveSnapshot('related', { revision: await articles.revision(), data: loaded.toSnapshot() });
        }),
      snapshotDelayMs,
    );
  }

  /** Takes deleted articles out of every index. */
  async function forget(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const loaded = await index();
    for (const id of ids) loaded.remove(id);
    if (search) {
      const engine = await search;
      for (const id of ids) engine.remove(id);
      searchDirty = true;
    }
    scheduleSnapshot();
  }

  async function relatedTo(record: ArticleRecord, limit: number): Promise<RelatedLink[]> {
    const [loaded, { entities }] = await Promise.all([index(), knowledgeBase.current()]);
    const ranked = relatedArticles(
      loaded,
      { id: record.id, groupId: record.groupId, entities: record.entities, topics: record.topics },
      { now: now(), limit, nameOf: (id) => entities.get(id)?.name },
    );
    const records = await articles.bulkGet(ranked.map((r) => r.id));
    return ranked.flatMap((r, i) => {
      const stored = records[i];
      return stored ? [{ ...linkOf(stored), id: stored.id, site: stored.site, score: r.score, reason: r.reason }] : [];
    });
  }

  function actorsOf(record: ArticleRecord, entities: ReadonlyMap<string, Entity>): Actor[] {
    return record.entities.flatMap((e) => {
      const entity = entities.get(e.id);
      if (!entity) return [];
      const actor: Actor = { entityId: e.id, name: entity.name, type: entity.type, mentions: e.count };
      if (entity.source?.kind === 'discovered') actor.discovered = true;
      return [actor];
    });
  }

  async function status(): Promise<MemoryStatus> {
    const [loaded, retention, privacy, size] = await Promise.all([
      index(),
      articles.retention(),
      articles.privacy(),
      articles.estimateBytes(),
    ]);
    const sites = new Map<string, number>();
    const topics = new Set<string>();
    for (let slot = 0; slot < loaded.slots; slot++) {
      if (loaded.idAt(slot) === null) continue;
      const site = loaded.siteName(slot);
      sites.set(site, (sites.get(site) ?? 0) + 1);
      for (const t of loaded.topicsOf(slot)) topics.add(loaded.topicName(t));
    }
    return {
      settings: { retention, ...privacy },
      articles: size.articles,
      bytesPerArticle: size.bytesPerArticle,
      sites: [...sites]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([site, count]) => ({ site, articles: count })),
      topics: [...topics].map((id) => ({ id, label: topicLabels.get(id) ?? id })).sort((a, b) => a.label.localeCompare(b.label)),
    };
  }

  /** Whether an article read at `url` may be stored, given the window and the reader's settings. */
  async function mayStore(url: string, incognito: boolean): Promise<boolean> {
    const privacy = await articles.privacy();
    return (!incognito || privacy.storePrivate) && !isExcludedUrl(url, privacy.excludedSites);
  }

  return {
    mayStore,

    /**
     * Journals a reading the background answered and will store in the tasks that follow, so a
     * worker the browser stops in between stores it when it starts again (`interrupted`). Only
     * what may be stored is written (never a private window's page unless the reader allows it,
     * never an excluded site's).
     * @returns the handle `settle` takes once the reading is stored (or was not to be), or null
     */
    async journal<T>(key: string, url: string, incognito: boolean, value: T): Promise<PendingReading<T> | null> {
      if (!(await mayStore(url, incognito))) return null;
      return articles.journal(key, value, now());
    },

    async settle(entry: PendingReading<unknown> | null): Promise<void> {
      if (entry) await articles.settle(entry);
    },

    /** Readings journaled by a worker that stopped before storing them, oldest first. */
    interrupted<T>(): Promise<PendingReading<T>[]> {
      return articles.pending<T>();
    },

    /**
     * Stores a reading (a re-visit updates its record) and answers the articles related to it.
     * @returns null when the page has no address worth remembering
     */
    async store(input: ArticleInput): Promise<{ record: ArticleRecord; related: RelatedLink[] } | null> {
      const record = buildArticleRecord(input);
      if (!record) return null;
      const stored = await exclusive(async () => {
        const saved = await articles.put(record);
        for (const t of saved.topics) topicLabels.set(t.id, t.label);
        (await index()).add(saved);
        if (search) {
          const { entities } = await knowledgeBase.current();
          (await search).add({ ...saved, entityNames: await namesOf(saved, entities) });
          searchDirty = true;
        }
        await forget(await articles.applyRetention(now()));
        scheduleSnapshot();
        return saved;
      });
      return { record: stored, related: await relatedTo(stored, 5) };
    },

    /**
     * The card's "in N of your articles": counts, the latest (not the page the card is on, by its
     * stored id or its address), who appears with it.
     */
    async cardMemory(entityId: string, currentUrl?: string, currentId?: string): Promise<CardData['memory']> {
      const [loaded, { entities }] = await Promise.all([index(), knowledgeBase.current()]);
      const stats = entityStats(loaded, entityId, { recent: 4, coEntities: 5 });
      if (stats.articles === 0) return null;
      const here = currentUrl === undefined ? null : urlKey(currentUrl);
      const recent = (await articles.bulkGet(stats.recent)).filter(
        (r): r is ArticleRecord => r !== undefined && r.id !== currentId && r.urlKey !== here,
      );
      const lastReadAt = stats.lastReadAt === null ? null : iso(stats.lastReadAt);
      return {
        articles: stats.articles,
        lastReadAt,
        lastReadDay: lastReadAt === null ? null : formatDay(lastReadAt),
        recent: recent.slice(0, 3).map((r) => ({ ...linkOf(r), day: formatDay(r.readAt) })),
        coActors: stats.coEntities.flatMap(({ id, count }) => {
          const entity = entities.get(id);
          return entity ? [{ entityId: id, name: entity.name, type: entity.type, count }] : [];
        }),
      };
    },

    async search(query: string, filters: MemoryFilters, offset: number, limit: number) {
      const loaded = await index();
      const words = query.trim();
      const filtered = Object.values(filters).some((v) => v !== undefined);
      let ids: string[];
      let terms = new Map<string, string[]>();
      let total: number;
      if (!words && !filtered) {
        ids = (await articles.page(offset, limit)).map((r) => r.id);
        total = loaded.size;
      } else {
        const hits = (await searchEngine()).search(words, { filters, offset: 0, limit: Number.MAX_SAFE_INTEGER }, loaded);
        total = hits.length;
        const page = hits.slice(offset, offset + limit);
        ids = page.map((h) => h.id);
        terms = new Map(page.map((h) => [h.id, h.terms]));
      }
      const records = await articles.bulkGet(ids);
      const hits: MemorySearchHit[] = records.flatMap((r) => {
        if (!r) return [];
        const matched = terms.get(r.id) ?? [];
        return [{ article: summaryOf(r), title: snippet(r.title, matched, 10_000), snippet: snippet(r.text, matched) }];
      });
      return { hits, total };
    },

    async article(id: string): Promise<ArticleView | null> {
      const record = await articles.get(id);
      if (!record) return null;
      const { entities } = await knowledgeBase.current();
      const group = await articles.byGroup(record.groupId);
      return {
        ...summaryOf(record),
        text: record.text,
        language: record.language,
        actors: actorsOf(record, entities),
        topics: record.topics,
        related: await relatedTo(record, 10),
        duplicates: group.filter((r) => r.id !== record.id).map(summaryOf),
      };
    },

    async entity(id: string): Promise<EntityMemory> {
      const [loaded, { entities }] = await Promise.all([index(), knowledgeBase.current()]);
      const entity = entities.get(id) ?? null;
      const num = loaded.entityNumber(id);
      const slots = num === undefined ? [] : loaded.postingSlots(num);
      const counts = num === undefined ? [] : loaded.postingCounts(num);
      const mentions = slots.map((slot, i) => ({
        articleId: loaded.idAt(slot)!,
        readAt: loaded.readAtOf(slot),
        count: counts[i]!,
      }));
      const stats = entityStats(loaded, id, { recent: ENTITY_ARTICLES, coEntities: GRAPH_NEIGHBOURS });
      const neighbours = stats.coEntities.filter((c) => entities.has(c.id));
      const articlesOf = (entityId: string) => {
        const n = loaded.entityNumber(entityId);
        return n === undefined ? 0 : loaded.postingSlots(n).length;
      };
      const nodes: EntityMemory['graph']['nodes'] = [];
      if (entity) nodes.push({ id, name: entity.name, type: entity.type, articles: slots.length });
      for (const c of neighbours) {
        const e = entities.get(c.id)!;
        nodes.push({ id: c.id, name: e.name, type: e.type, articles: articlesOf(c.id) });
      }
      // Edges: the entity with each neighbour, and neighbours with each other, weighed by the
      // articles (among the entity's) that name both.
      const members = new Map(neighbours.map((c, i) => [loaded.entityNumber(c.id)!, i]));
      const pairs = new Map<string, number>();
      for (const slot of slots) {
        const here = loaded
          .entitiesOf(slot)
          .filter((e) => members.has(e))
          .map((e) => neighbours[members.get(e)!]!.id);
        for (let a = 0; a < here.length; a++)
          for (let b = a + 1; b < here.length; b++) {
            const key = here[a]! < here[b]! ? `${here[a]}\n${here[b]}` : `${here[b]}\n${here[a]}`;
            pairs.set(key, (pairs.get(key) ?? 0) + 1);
          }
      }
      const edges: EntityMemory['graph']['edges'] = entity
        ? neighbours.map((c) => ({ source: id, target: c.id, weight: c.count }))
        : [];
      for (const [key, weight] of pairs) {
        const [source, target] = key.split('\n') as [string, string];
        edges.push({ source, target, weight });
      }
      const records = await articles.bulkGet(stats.recent);
      return {
        entity,
        mentions,
        graph: { nodes, edges },
        articles: records.filter((r): r is ArticleRecord => r !== undefined).map(summaryOf),
      };
    },

    /** Deletes articles from the store and every index; returns how many there were. */
    async delete(ids: readonly string[]): Promise<number> {
      return exclusive(async () => {
        const deleted = await articles.delete(ids);
        await forget(deleted);
        return deleted.length;
      });
    },

    async clear(): Promise<void> {
      await exclusive(async () => {
        await articles.clear();
        related = Promise.resolve(createRelatedIndex());
        if (search) (await search).clear();
        searchDirty = true;
        scheduleSnapshot();
      });
    },

    status,

    async saveSettings(settings: MemorySettings): Promise<MemoryStatus> {
      await articles.saveRetention(settings.retention);
      await articles.savePrivacy({ storePrivate: settings.storePrivate, excludedSites: settings.excludedSites });
      await exclusive(async () => forget(await articles.applyRetention(now())));
      return status();
    },

    /** The part of the backup file at `offset`; the first call (no token) serializes it. */
    async exportPart(token: string | undefined, offset: number): Promise<{ token: string; part: string; total: number }> {
      let key = token;
      if (key === undefined) {
        key = crypto.randomUUID();
        backupsOut.clear();
        backupsOut.set(key, await exclusive(() => articles.exportBackup(now())));
      }
      const text = backupsOut.get(key);
      if (text === undefined) throw new Error('This export has expired: start it again');
      const part = text.slice(offset, offset + backupPartChars);
      if (offset + backupPartChars >= text.length) backupsOut.delete(key);
      return { token: key, part, total: text.length };
    },

    /**
     * Receives a backup file in parts; with the last one, restores it in one transaction (a
     * refused file changes nothing) and rebuilds the indexes and the knowledge base's matchers.
     */
    async importPart(
      token: string | undefined,
      part: string,
      done: boolean,
      mode: 'merge' | 'replace',
    ): Promise<{ token: string; restored?: { entities: number; articles: number } }> {
      const key = token ?? crypto.randomUUID();
      if (token === undefined) backupsIn.clear();
      const upload = backupsIn.get(key) ?? (token === undefined ? { parts: [], chars: 0 } : undefined);
      if (!upload) throw new Error('This import has expired: choose the file again');
      upload.parts.push(part);
      upload.chars += part.length;
      if (upload.chars > MAX_BACKUP_CHARS) {
        backupsIn.delete(key);
        throw new Error(
          `The file is larger than a backup can be (${Math.round(MAX_BACKUP_CHARS / 2 ** 20)} MB): nothing was changed`,
        );
      }
      backupsIn.set(key, upload);
      if (!done) return { token: key };
      backupsIn.delete(key);
      const restored = await exclusive(async () => {
        const result = await restoreBackupFile(articles, upload.parts.join(''), mode);
        related = null;
        search = null;
        searchDirty = false;
        return result;
      });
      await knowledgeBase.reload();
      return { token: key, restored };
    },
  };
}

export type ReadingMemory = ReturnType<typeof createReadingMemory>;

/** The dashboard's reading-memory requests (extension pages only: the caller guards them). */
export function memoryHandlers(memory: ReadingMemory): Handlers {
  return {
    'bg:memory-search': ({ query, filters, offset, limit }) => memory.search(query, filters, offset, limit),
    'bg:memory-article': async ({ id }) => ({ article: await memory.article(id) }),
    'bg:memory-entity': ({ id }) => memory.entity(id),
    'bg:memory-delete': async ({ ids }) => ({ deleted: await memory.delete(ids) }),
    'bg:memory-clear': async () => {
      await memory.clear();
      return { ok: true as const };
    },
    'bg:memory-status': () => memory.status(),
    'bg:memory-settings': (settings) => memory.saveSettings(settings),
    'bg:backup-export': ({ token, offset }) => memory.exportPart(token, offset),
    'bg:backup-import': ({ token, part, done, mode }) => memory.importPart(token, part, done, mode),
  };
}
