/**
 * The backup file: everything the reader has (knowledge base, rejected names, settings, reading
 * memory) as one versioned JSON document, and the plan to restore it by merging or replacing.
 *
 * `{ "format": "dramatis-backup", "version": 1, "exportedAt", "entities", "rejected", "settings",
 *    "articles" }`. Derived article fields (`urlKey`, `entityIds`, `topicIds`, `bands`) are left
 * out and rebuilt on reading. Reading checks every field and refuses the whole file at its first
 * problem, named by its JSON path ("articles[12].url: not a string"), so a damaged, foreign, too
 * large or newer file changes nothing.
 */
import type { Entity } from '../entities/types';
import { ImportError, fail } from '../import/import-error';
import { readEntityObject } from '../import/dramatis-entity';
import { MAX_IMPORT_RECORDS } from '../import/limits';
import { mergeImported, type MergeMode } from '../import/merge-imported';
import type { RejectedName, StoredEntity } from '../store/db';
import { isUserTopic, type UserTopic } from '../topics';
import { MAX_TEXT_CHARS, withDerivedFields, type ArticleEntity, type ArticleRecord, type ArticleTopic } from './article-record';
import { normalizeUrl } from './canonical-url';
import { decodeSignature } from './near-duplicate';
import { DEFAULT_RETENTION, isRetentionPolicy, type RetentionPolicy } from './retention';

export const BACKUP_FORMAT = 'dramatis-backup';
export const BACKUP_VERSION = 1;
/** Longest file read, in characters (V8 strings stop a little above 512 M). */
export const MAX_BACKUP_CHARS = 400 * 1024 * 1024;
export const MAX_BACKUP_ARTICLES = 200_000;
const MAX_FIELD = 10_000;

/** An entity as backed up: the model plus what the store keeps of the reader's edits and merges. */
export type BackupEntity = Entity & { edited?: boolean; mergedIds?: string[]; updatedAt?: number };
export type BackupArticle = Omit<ArticleRecord, 'urlKey' | 'entityIds' | 'topicIds' | 'bands'>;

/** Where the reading memory may store (absent from files written before it was backed up). */
export interface BackupPrivacy {
  storePrivate: boolean;
  /** Host names never stored. */
  excludedSites: string[];
}

export interface BackupSettings {
  customTopics: UserTopic[];
  retention: RetentionPolicy;
  privacy?: BackupPrivacy;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  entities: BackupEntity[];
  rejected: RejectedName[];
  settings: BackupSettings;
  articles: ArticleRecord[];
}

/** What the database holds, as `createBackup` takes it. */
export interface BackupContents {
  entities: readonly StoredEntity[];
  rejected: readonly RejectedName[];
  settings: BackupSettings;
  articles: readonly ArticleRecord[];
}

function backupEntity(entity: StoredEntity): BackupEntity {
  const { sourceKind: _sourceKind, ...rest } = entity;
  return rest;
}

function backupArticle(record: ArticleRecord): BackupArticle {
  const { urlKey: _urlKey, entityIds: _entityIds, topicIds: _topicIds, bands: _bands, ...rest } = record;
  return rest;
}

/**
 * The backup file's text.
 * @example const file = new Blob([serializeBackup(contents, Date.now())], { type: 'application/json' })
 */
export function serializeBackup(contents: BackupContents, now: number): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    entities: contents.entities.map(backupEntity),
    rejected: contents.rejected,
    settings: contents.settings,
    articles: contents.articles.map(backupArticle),
  });
}

// ---- reading ----

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

function field<T>(fields: Fields, path: string, name: string, check: (v: unknown) => string | null): T {
  const problem = check(fields[name]);
  if (problem) fail({ path: `${path}.${name}` }, problem);
  return fields[name] as T;
}

const aString =
  (max = MAX_FIELD) =>
  (v: unknown) =>
    typeof v !== 'string' ? 'not a string' : v.length > max ? `longer than ${max} characters` : null;
const aNullableString = (v: unknown) => (v === null ? null : aString()(v));
const aTime = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : 'not a time (milliseconds)');
const anAddress = (v: unknown) => aString()(v) ?? (normalizeUrl(v as string) ? null : 'not an http(s) address');
const anArray = (v: unknown) => (Array.isArray(v) ? null : 'not an array');

function readArticleEntity(value: unknown, path: string, textLength: number): ArticleEntity {
  if (!isObject(value)) fail({ path }, 'not an object');
  const id = field<string>(value, path, 'id', aString(1_000));
  const count = field<number>(value, path, 'count', (v) =>
    isCount(v) && (v as number) > 0 ? null : 'not a positive whole number',
  );
  const positions = field<number[]>(value, path, 'positions', (v) =>
    !Array.isArray(v) || v.length % 2 !== 0 || !v.every((p) => isCount(p) && p <= textLength)
      ? 'not a list of [start, end) offsets into the text'
      : null,
  );
  return { id, count, positions: [...positions] };
}

function readArticleTopic(value: unknown, path: string): ArticleTopic {
  if (!isObject(value)) fail({ path }, 'not an object');
  return {
    id: field<string>(value, path, 'id', aString(200)),
    label: field<string>(value, path, 'label', aString(500)),
    score: field<number>(value, path, 'score', (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'not a number')),
  };
}

function readArticle(value: unknown, path: string): ArticleRecord {
  if (!isObject(value)) fail({ path }, 'not an object');
  const text = field<string>(value, path, 'text', aString(MAX_TEXT_CHARS));
  const entities = field<unknown[]>(value, path, 'entities', anArray);
  const topics = field<unknown[]>(value, path, 'topics', anArray);
  return withDerivedFields({
    id: field(value, path, 'id', aString(200)),
    url: field(value, path, 'url', anAddress),
    canonicalUrl: field(value, path, 'canonicalUrl', anAddress),
    title: field(value, path, 'title', aString()),
    site: field(value, path, 'site', aString(1_000)),
    byline: field(value, path, 'byline', aNullableString),
    publishedAt: field(value, path, 'publishedAt', aNullableString),
    language: field(value, path, 'language', aNullableString),
    readAt: field(value, path, 'readAt', aTime),
    firstReadAt: field(value, path, 'firstReadAt', aTime),
    visits: field(value, path, 'visits', (v) => (isCount(v) && (v as number) > 0 ? null : 'not a positive whole number')),
    text,
    entities: entities.map((e, i) => readArticleEntity(e, `${path}.entities[${i}]`, text.length)),
    topics: topics.map((t, i) => readArticleTopic(t, `${path}.topics[${i}]`)),
    signature: field(value, path, 'signature', (v) =>
      typeof v === 'string' && decodeSignature(v) ? null : 'not a text signature',
    ),
    groupId: field(value, path, 'groupId', aString(200)),
  });
}

function readEntity(value: unknown, path: string): BackupEntity {
  const outcome = readEntityObject(value, path);
  if (outcome.kind === 'invalid') throw new ImportError(outcome.issues.slice(0, 1));
  const entity: BackupEntity = outcome.kind === 'entity' ? outcome.entity : fail({ path }, 'not an entity');
  const fields = value as Fields;
  if (fields.edited !== undefined)
    entity.edited = field(fields, path, 'edited', (v) => (typeof v === 'boolean' ? null : 'not true or false'));
  if (fields.mergedIds !== undefined) {
    const ids = field<string[]>(fields, path, 'mergedIds', (v) =>
      Array.isArray(v) && v.every((id) => typeof id === 'string') ? null : 'not a list of ids',
    );
    entity.mergedIds = [...ids];
  }
  if (fields.updatedAt !== undefined) entity.updatedAt = field(fields, path, 'updatedAt', aTime);
  return entity;
}

function readRejected(value: unknown, path: string): RejectedName {
  if (!isObject(value)) fail({ path }, 'not an object');
  return {
    key: field(value, path, 'key', aString(1_000)),
    name: field(value, path, 'name', aString(1_000)),
    at: field(value, path, 'at', aTime),
  };
}

function readSettings(value: unknown): BackupSettings {
  if (!isObject(value)) fail({ path: 'settings' }, 'not an object');
  const topics = field<unknown[]>(value, 'settings', 'customTopics', anArray);
  topics.forEach((t, i) => {
    if (!isUserTopic(t)) fail({ path: `settings.customTopics[${i}]` }, 'not a topic (id, label and at least one keyword)');
  });
  const retention = value.retention ?? DEFAULT_RETENTION;
  if (!isRetentionPolicy(retention)) fail({ path: 'settings.retention' }, 'not a retention policy');
  const settings: BackupSettings = { customTopics: topics as UserTopic[], retention };
  if (value.privacy !== undefined) settings.privacy = readPrivacy(value.privacy);
  return settings;
}

function readPrivacy(value: unknown): BackupPrivacy {
  if (!isObject(value)) fail({ path: 'settings.privacy' }, 'not an object');
  const storePrivate = field(value, 'settings.privacy', 'storePrivate', (v) =>
    typeof v === 'boolean' ? null : 'not true or false',
  );
  const sites = field<unknown[]>(value, 'settings.privacy', 'excludedSites', anArray);
  if (sites.length > MAX_IMPORT_RECORDS)
    fail({ path: 'settings.privacy.excludedSites' }, `more than ${MAX_IMPORT_RECORDS} items`);
  sites.forEach((site, i) => {
    if (typeof site !== 'string' || !site || site.length > MAX_FIELD)
      fail({ path: `settings.privacy.excludedSites[${i}]` }, 'not a site name');
  });
  return { storePrivate: storePrivate as boolean, excludedSites: sites as string[] };
}

function readList<T>(file: Fields, name: string, max: number, read: (value: unknown, path: string) => T): T[] {
  const list = field<unknown[]>(file, '', name, anArray);
  if (list.length > max) fail({ path: name }, `more than ${max} items`);
  return list.map((item, i) => read(item, `${name}[${i}]`));
}

function checkUniqueIds(articles: readonly ArticleRecord[]): void {
  const first = new Map<string, number>();
  articles.forEach((a, i) => {
    const seen = first.get(a.id);
    if (seen !== undefined) fail({ path: `articles[${i}].id` }, `repeats articles[${seen}].id`);
    first.set(a.id, i);
  });
}

/**
 * Reads a backup file, checking all of it; throws an `ImportError` naming the first problem.
 * @example
 * try { plan(parseBackup(await file.text())) } catch (e) { show((e as Error).message) } // 'articles[12].url: not a string'
 */
export function parseBackup(text: string): Backup {
  if (text.length > MAX_BACKUP_CHARS) fail({}, `The file is larger than ${MAX_BACKUP_CHARS / 1024 / 1024} MB`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail({}, 'The file is not JSON (damaged or not a Dramatis backup)');
  }
  if (!isObject(value) || value.format !== BACKUP_FORMAT)
    fail({ path: 'format' }, `not a Dramatis backup: "format" is not "${BACKUP_FORMAT}"`);
  const version = value.version;
  if (!Number.isSafeInteger(version) || (version as number) < 1) fail({ path: 'version' }, 'not a whole number');
  if ((version as number) > BACKUP_VERSION) {
    fail({ path: 'version' }, `written by a newer Dramatis (version ${version}); this one reads version ${BACKUP_VERSION}`);
  }
  const exportedAt = field<string>(value, '', 'exportedAt', (v) =>
    typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? null : 'not a date',
  );
  const articles = readList(value, 'articles', MAX_BACKUP_ARTICLES, readArticle);
  checkUniqueIds(articles);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    entities: readList(value, 'entities', MAX_IMPORT_RECORDS, readEntity),
    rejected: readList(value, 'rejected', MAX_IMPORT_RECORDS, readRejected),
    settings: readSettings(value.settings),
    articles,
  };
}

// ---- restoring ----

/** One stored article meeting its backed-up copy: the later reading wins, the history adds up. */
export function mergeArticle(existing: ArticleRecord, incoming: ArticleRecord): ArticleRecord {
  const newer = incoming.readAt > existing.readAt ? incoming : existing;
  return {
    ...newer,
    id: existing.id,
    firstReadAt: Math.min(existing.firstReadAt, incoming.firstReadAt),
    visits: Math.max(existing.visits, incoming.visits),
  };
}

/** Merging keeps the reader's choice on private windows and excludes the sites either excludes. */
function mergedPrivacy(current?: BackupPrivacy, incoming?: BackupPrivacy): { privacy?: BackupPrivacy } {
  if (!current && !incoming) return {};
  const excludedSites = [...new Set([...(current?.excludedSites ?? []), ...(incoming?.excludedSites ?? [])])];
  return { privacy: { storePrivate: current?.storePrivate ?? false, excludedSites } };
}

/** What to write: the store applies it in one transaction. */
export interface RestorePlan {
  /** Clear the tables first (replace). */
  clear: boolean;
  /** The whole knowledge base after the restore. */
  entities: Entity[];
  rejected: RejectedName[];
  settings: BackupSettings;
  /** Articles to put. */
  articles: ArticleRecord[];
}

/**
 * The restore plan. Merge: entities through `mergeImported` (by id, then by type and name),
 * articles by id or canonical address (`mergeArticle`), rejected names and the reader's topics
 * united (theirs kept on a clash), the current retention and private-window choice kept, excluded
 * sites united. Replace: the file's everything.
 * @param existingArticles the stored articles that share an id or `urlKey` with the file's
 */
export function planRestore(
  current: { entities: readonly StoredEntity[]; settings: BackupSettings },
  existingArticles: readonly ArticleRecord[],
  backup: Backup,
  mode: MergeMode,
): RestorePlan {
  if (mode === 'replace') {
    return {
      clear: true,
      entities: backup.entities,
      rejected: backup.rejected,
      settings: backup.settings,
      articles: backup.articles,
    };
  }
  const byId = new Map(existingArticles.map((a) => [a.id, a]));
  const byKey = new Map(existingArticles.map((a) => [a.urlKey, a]));
  const articles = backup.articles.map((incoming) => {
    const existing = byId.get(incoming.id) ?? byKey.get(incoming.urlKey);
    return existing ? mergeArticle(existing, incoming) : incoming;
  });
  const topicIds = new Set(current.settings.customTopics.map((t) => t.id));
  return {
    clear: false,
    entities: mergeImported(current.entities, backup.entities, 'merge'),
    rejected: backup.rejected,
    settings: {
      customTopics: [...current.settings.customTopics, ...backup.settings.customTopics.filter((t) => !topicIds.has(t.id))],
      retention: current.settings.retention,
      ...mergedPrivacy(current.settings.privacy, backup.settings.privacy),
    },
    articles,
  };
}
