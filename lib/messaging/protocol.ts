/**
 * The one message protocol between the content script, the background and the extension pages.
 * Names say direction: `bg:*` go to the background, `tab:*` go to a tab's content script.
 * The background checks every message with `isRequest` before acting on it: a page can talk to
 * its content script, so nothing that arrives from a tab is trusted beyond its shape.
 */
import type { ArticleMeta } from '../article/types';
import { isEntityType, type Entity, type EntityType } from '../entities/types';
import { isRetentionPolicy, type RetentionPolicy } from '../memory/retention';
import type { Snippet } from '../memory/search';
import type { RankedTopic, UserTopic } from '../topics';
import { isUserTopic } from '../topics/user-topic';
import type { BlockRun } from './block-runs';

/** A mention to paint: the span plus what the painter needs to pick a highlight. */
export interface PaintSpan {
  block: number;
  start: number;
  end: number;
  entityId: string;
  type: EntityType;
  /** The entities a shared name could be, when the article does not settle which. */
  ambiguous?: string[];
  /** Found by discovery or learned from it: painted apart from what the reader's sources list. */
  discovered?: true;
}

export interface Actor {
  entityId: string;
  name: string;
  type: EntityType;
  mentions: number;
  /** Discovered while reading, not (yet) confirmed by the reader. */
  discovered?: true;
  /** Discovered here but not sure enough to be stored: keeping it stores it. */
  unsaved?: true;
}

export type TabStatus = 'pending' | 'article' | 'not-article' | 'unsupported' | 'failed';

/** What the background knows of a tab: what the popup shows. */
export interface TabAnalysis {
  status: TabStatus;
  url: string;
  title: string;
  /** Whether the reader asked to analyze a page that is not an article. */
  forced: boolean;
  meta: ArticleMeta | null;
  actors: Actor[];
  /** Ranked topics, each with the terms behind it. */
  topics: RankedTopic[];
  /** Why the page is unsupported or the analysis failed. */
  reason?: string;
  /** Why this article could not be kept in the reading memory (storage full, a storage error). */
  storeError?: string;
  /** The stored reading of this page (reading memory), when it was stored. */
  articleId?: string;
  /**
   * Stored articles related to this one, best first, each with why; computed when the article is
   * analyzed so the popup shows them at once. Absent when nothing is stored yet.
   */
  related?: RelatedLink[];
}

export interface PageReport {
  url: string;
  title: string;
  isArticle: boolean;
  score: number;
}

export interface ArticleRequest extends PageReport {
  forced: boolean;
  meta: ArticleMeta;
  blocks: string[];
  /**
   * The page's count of the texts it sent through its port: a later `bg:article-update` names
   * this one as its base.
   */
  seq?: number;
}

/**
 * A changing page's article again, as runs against the text it sent last through its port
 * (`base`, that request's `seq`): its unchanged blocks are named, not sent (lib/messaging/block-runs.ts).
 */
export interface ArticleUpdate extends Omit<ArticleRequest, 'blocks' | 'seq'> {
  seq: number;
  base: number;
  runs: BlockRun[];
}

/** A row of the dashboard's entity table. */
export interface EntityRow extends Entity {
  sourceKind: string;
}

export interface EntityQuery {
  /** Matched against names and aliases, folded like the matcher folds text. */
  text: string;
  type: EntityType | 'all';
  source: string | 'all';
  hidden: 'include' | 'exclude' | 'only';
  offset: number;
  limit: number;
}

export interface EntityPage {
  rows: EntityRow[];
  /** Rows that match the query, before paging. */
  total: number;
  /** Entities by type and by source kind, over the whole knowledge base. */
  byType: Record<string, number>;
  bySource: Record<string, number>;
}

/** One stored article as the card and the panel link it. */
export interface ArticleLink {
  url: string;
  title: string;
  /** ISO date the reader read it. */
  readAt: string;
}

/** A stored article related to another, with what they share ("Habibollah Sayyari", "maritime security"). */
export interface RelatedLink extends ArticleLink {
  id: string;
  site: string;
  score: number;
  /** The heaviest shared names, then shared topic labels. */
  reason: string[];
}

/** A stored article as lists show it. */
export interface ArticleSummary {
  id: string;
  url: string;
  title: string;
  site: string;
  byline: string | null;
  publishedAt: string | null;
  /** ISO date of the last reading. */
  readAt: string;
  visits: number;
  /** Id of the first stored article of the same story (near-duplicates share it). */
  groupId: string;
}

/** A stored article with what the panel shows of it (the dashboard's article page). */
export interface ArticleView extends ArticleSummary {
  text: string;
  language: string | null;
  actors: Actor[];
  topics: { id: string; label: string; score: number }[];
  related: RelatedLink[];
  /** Other stored articles of the same story (near-duplicates). */
  duplicates: ArticleSummary[];
}

export interface MemoryFilters {
  site?: string;
  /** Read at or after, epoch milliseconds. */
  from?: number;
  /** Read before, epoch milliseconds. */
  to?: number;
  entityId?: string;
  topicId?: string;
}

export interface MemorySearchHit {
  article: ArticleSummary;
  /** Plain data with offsets to mark, never HTML. */
  title: Snippet;
  snippet: Snippet;
}

/** One entity across the reader's articles: the dashboard's entity page. */
export interface EntityMemory {
  entity: Entity | null;
  /** Each stored article naming it: when it was read and how often it named it. */
  mentions: { articleId: string; readAt: number; count: number }[];
  /** The entity and the actors most often seen with it; edges weigh articles naming both. */
  graph: {
    nodes: { id: string; name: string; type: EntityType; articles: number }[];
    edges: { source: string; target: string; weight: number }[];
  };
  /** The articles naming it, latest first (at most 200). */
  articles: ArticleSummary[];
}

/** What the reading memory keeps and where it stands. */
export interface MemorySettings {
  retention: RetentionPolicy;
  /** Store articles read in private windows (off unless the reader opts in). */
  storePrivate: boolean;
  /** Sites never stored (host names; subdomains included). */
  excludedSites: string[];
}

export interface MemoryStatus {
  settings: MemorySettings;
  articles: number;
  bytesPerArticle: number;
  /** Sites with stored articles, most articles first (the search's site filter). */
  sites: { site: string; articles: number }[];
  /** Topics of stored articles (the search's topic filter). */
  topics: { id: string; label: string }[];
}

/** What the hover card shows of an entity. */
export interface CardData {
  entity: {
    id: string;
    name: string;
    type: EntityType;
    description?: string;
    role?: string;
    /** ISO 3166-1 alpha-2. */
    country?: string;
    /** The country's name in the reader's language (see `memory.lastReadDay`). */
    countryName?: string;
    pinned?: boolean;
    /** Found while reading and not confirmed by the reader. */
    discovered?: boolean;
    /** Not stored yet (a discovery not sure enough to learn). */
    unsaved?: boolean;
  };
  /** The text that matched, when it is not the canonical name ("Habibullah Sayyari"). */
  matchedAs?: string;
  /** The reader's history with the entity; null until articles are stored (reading memory). */
  memory: null | {
    articles: number;
    lastReadAt: string | null;
    /**
     * `lastReadAt` as the reader's locale writes a date. The background writes the card's
     * locale-dependent words, so the content script carries no `Intl` code and makes no `Intl`
     * object: a process's first loads the locale's data (16-40 ms in blank Chromium tabs; on the
     * sample articles the page had paid it already, and the first card took as long either way).
     */
    lastReadDay: string | null;
    recent: (ArticleLink & { day: string })[];
    coActors: { entityId: string; name: string; type: EntityType; count: number }[];
  };
}

/** What the reader can do from the card. */
export type CardAction = 'hide' | 'not-here' | 'pin' | 'unpin' | 'promote' | 'reject' | 'edit';

/** Request and response types, by message name. */
export interface Protocol {
  'bg:article': { request: ArticleRequest; response: { spans: PaintSpan[] } };
  /**
   * `keep`: `[from, count]` runs of blocks whose spans are the ones the page holds for them from the
   * base's answer (`spans` leaves them out). `unknownBase`: this port's last text is not the
   * update's base (a new port, a restarted background): send it whole.
   */
  'bg:article-update': {
    request: ArticleUpdate;
    response: { spans: PaintSpan[]; keep: [number, number][] } | { unknownBase: true };
  };
  'bg:not-article': { request: PageReport; response: { ok: true } };
  'bg:get-tab': { request: { tabId: number }; response: TabAnalysis };
  'bg:analyze-anyway': { request: { tabId: number }; response: TabAnalysis };
  'tab:analyze-anyway': { request: Record<string, never>; response: { ok: boolean } };
  'bg:entities-query': { request: EntityQuery; response: EntityPage };
  'bg:entity-save': { request: { entity: Entity }; response: { ok: true } };
  'bg:entity-hide': { request: { id: string; hidden: boolean }; response: { ok: true } };
  'bg:entities-merge': { request: { keepId: string; mergeId: string }; response: { entity: Entity } };
  'bg:entities-import': { request: { entities: Entity[]; mode: 'merge' | 'replace' }; response: { total: number } };
  'bg:entities-export': { request: Record<string, never>; response: { entities: Entity[] } };
  'bg:entity-get': { request: { id: string }; response: { entity: Entity | null } };
  /** Keeps a discovered name: it becomes the reader's own entity (stored first if it was not). */
  'bg:entity-promote': { request: { id: string; name: string; type: EntityType }; response: { entity: Entity } };
  /** Rejects a name: the entity is removed and discovery never proposes the name again. */
  'bg:entity-reject': { request: { id: string; name: string }; response: { ok: true } };
  /** Re-runs the analysis of a tab after the knowledge base changed. */
  'bg:reanalyze': { request: { tabId: number }; response: { ok: true } };
  'tab:reanalyze': { request: Record<string, never>; response: { ok: boolean } };
  /** Scrolls the page to the entity's next mention; `ok` is false when none is painted. */
  'bg:reveal': { request: { tabId: number; entityId: string }; response: { ok: boolean } };
  'tab:reveal': { request: { entityId: string }; response: { ok: boolean } };
  /** The hover card's content for an entity painted on the sender's page, `surface` as matched. */
  'bg:card': { request: { entityId: string; surface: string }; response: CardData };
  /**
   * A card action on an entity painted on the sender's page; `edit` opens the dashboard on it.
   * The background re-analyzes the page when the knowledge base changed.
   */
  'bg:card-action': { request: { entityId: string; action: CardAction }; response: { ok: true } };
  /** Keyboard navigation (browser commands): the background relays the command to the tab. */
  'tab:navigate': { request: { direction: 1 | -1 }; response: { ok: boolean } };
  'bg:topics-get': { request: Record<string, never>; response: { topics: UserTopic[] } };
  // ---- reading memory (extension pages only) ----
  /** Full-text search over stored articles, with filters; `total` counts every hit before paging. */
  'bg:memory-search': {
    request: { query: string; filters: MemoryFilters; offset: number; limit: number };
    response: { hits: MemorySearchHit[]; total: number };
  };
  'bg:memory-article': { request: { id: string }; response: { article: ArticleView | null } };
  'bg:memory-entity': { request: { id: string }; response: EntityMemory };
  /** Deletes stored articles everywhere (indexes, counts, graph); returns how many were stored. */
  'bg:memory-delete': { request: { ids: string[] }; response: { deleted: number } };
  /** Deletes every stored article (the knowledge base stays). */
  'bg:memory-clear': { request: { confirm: 'delete-all-articles' }; response: { ok: true } };
  'bg:memory-status': { request: Record<string, never>; response: MemoryStatus };
  'bg:memory-settings': { request: MemorySettings; response: MemoryStatus };
  /**
   * The backup file, in parts (a file of 50,000 articles is larger than one message may be): the
   * first call (no token) serializes it; each call returns the part at `offset`.
   */
  'bg:backup-export': {
    request: { token?: string; offset: number };
    response: { token: string; part: string; total: number };
  };
  /**
   * A backup file sent in parts; the call with `done` restores it in one transaction, merging or
   * replacing. A refused file changes nothing; the error names what and where.
   */
  'bg:backup-import': {
    request: { token?: string; part: string; done: boolean; mode: 'merge' | 'replace' };
    response: { token: string; restored?: { entities: number; articles: number } };
  };
  'bg:topics-save': { request: { topics: UserTopic[] }; response: { ok: true } };
}

export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N]['request'];
export type ResponseOf<N extends MessageName> = Protocol[N]['response'];
export interface Envelope<N extends MessageName = MessageName> {
  name: N;
  data: RequestOf<N>;
}

/** Limits on what a page may send: a hostile page must not make the background allocate without bound. */
export const LIMITS = {
  blocks: 20_000,
  blockChars: 200_000,
  totalChars: 5_000_000,
  field: 4_096,
  aliases: 1_000,
  importEntities: 200_000,
  /** Characters of one part of a backup file in transit. */
  backupPart: 16 * 1024 * 1024,
} as const;

type Guard = (data: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShortString = (v: unknown): v is string => typeof v === 'string' && v.length <= LIMITS.field;
const isNullableString = (v: unknown) => v === null || isShortString(v);
const isTabId = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

/**
 * True when `v` has no own key beyond `keys`. Messages a page can cause (through its content
 * script) carry exactly their fields: nothing extra is kept, stored or passed on, whatever its
 * name (`__proto__`, `constructor`) or size.
 */
function hasOnly(v: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(v).every((k) => keys.includes(k));
}

const META_KEYS = ['title', 'byline', 'publishedAt', 'siteName', 'canonicalUrl', 'language', 'ogUrl'] as const;
const PAGE_REPORT_KEYS = ['url', 'title', 'isArticle', 'score'] as const;
const ARTICLE_KEYS = [...PAGE_REPORT_KEYS, 'forced', 'meta', 'blocks', 'seq'] as const;
const UPDATE_KEYS = [...PAGE_REPORT_KEYS, 'forced', 'meta', 'seq', 'base', 'runs'] as const;

function isMeta(v: unknown): v is ArticleMeta {
  if (!isObject(v) || !hasOnly(v, META_KEYS)) return false;
  return (
    isShortString(v.title) &&
    ['byline', 'publishedAt', 'siteName', 'canonicalUrl', 'language'].every((k) => isNullableString(v[k])) &&
    (v.ogUrl === undefined || isNullableString(v.ogUrl))
  );
}

function isPageReport(v: unknown, keys: readonly string[] = PAGE_REPORT_KEYS): v is PageReport {
  return (
    isObject(v) &&
    hasOnly(v, keys) &&
    isShortString(v.url) &&
    isShortString(v.title) &&
    typeof v.isArticle === 'boolean' &&
    Number.isFinite(v.score)
  );
}

const isSeq = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

/** A page report with the article's fields (`forced`, `meta`) and no key beyond `keys`. */
const isArticleReport = (v: unknown, keys: readonly string[]): v is Record<string, unknown> =>
  isPageReport(v, keys) && isObject(v) && typeof v.forced === 'boolean' && isMeta(v.meta);

function isArticleRequest(v: unknown): v is ArticleRequest {
  return isArticleReport(v, ARTICLE_KEYS) && isBlocks(v.blocks) && isOptional(v.seq, isSeq);
}

function isArticleUpdate(v: unknown): v is ArticleUpdate {
  return isArticleReport(v, UPDATE_KEYS) && isSeq(v.seq) && isSeq(v.base) && isRuns(v.runs);
}

/** Runs' own shape and size; whether they fit their base is the background's to check (`applyBlockRuns`). */
function isRuns(v: unknown): v is BlockRun[] {
  if (!Array.isArray(v) || v.length > LIMITS.blocks) return false;
  let total = 0;
  for (const run of v) {
    if (typeof run === 'string') {
      if (run.length > LIMITS.blockChars) return false;
      total += run.length;
    } else if (!(Array.isArray(run) && run.length === 2 && isSeq(run[0]) && isSeq(run[1]) && run[1] > 0)) {
      return false;
    }
  }
  return total <= LIMITS.totalChars;
}

function isBlocks(v: unknown): v is string[] {
  if (!Array.isArray(v) || v.length > LIMITS.blocks) return false;
  let total = 0;
  for (const b of v) {
    if (typeof b !== 'string' || b.length > LIMITS.blockChars) return false;
    total += b.length;
  }
  return total <= LIMITS.totalChars;
}

const isStringList = (v: unknown, max: number) => Array.isArray(v) && v.length <= max && v.every(isShortString);
const isOptional = (v: unknown, guard: (x: unknown) => boolean) => v === undefined || guard(v);

/** An entity as the dashboard may send it: every field bounded, the type one the views know. */
export function isEntity(v: unknown): v is Entity {
  return (
    isObject(v) &&
    isShortString(v.id) &&
    v.id.length > 0 &&
    isShortString(v.name) &&
    v.name.trim().length > 0 &&
    isEntityType(v.type) &&
    isStringList(v.aliases, LIMITS.aliases) &&
    ['description', 'country', 'role', 'qid'].every((k) => isOptional(v[k], isShortString)) &&
    isOptional(v.tags, (t) => isStringList(t, 100)) &&
    isOptional(v.hidden, (b) => typeof b === 'boolean') &&
    isOptional(v.pinned, (b) => typeof b === 'boolean') &&
    isOptional(v.source, isObject)
  );
}

function isEntityQuery(v: unknown): boolean {
  return (
    isObject(v) &&
    isShortString(v.text) &&
    (v.type === 'all' || isEntityType(v.type)) &&
    isShortString(v.source) &&
    ['include', 'exclude', 'only'].includes(v.hidden as string) &&
    Number.isInteger(v.offset) &&
    (v.offset as number) >= 0 &&
    Number.isInteger(v.limit) &&
    (v.limit as number) > 0 &&
    (v.limit as number) <= 1000
  );
}

const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

function isMemoryFilters(v: unknown): boolean {
  return (
    isObject(v) &&
    isOptional(v.site, isShortString) &&
    isOptional(v.from, isTime) &&
    isOptional(v.to, isTime) &&
    isOptional(v.entityId, isShortString) &&
    isOptional(v.topicId, isShortString)
  );
}

function isMemorySettings(v: unknown): v is MemorySettings {
  return (
    isObject(v) && isRetentionPolicy(v.retention) && typeof v.storePrivate === 'boolean' && isStringList(v.excludedSites, 1_000)
  );
}

type TabMessageName = Extract<MessageName, `tab:${string}`>;

/** What a tab's content script is asked: its checks alone go into the content script. */
const TAB_GUARDS: { [N in TabMessageName]: Guard } = {
  'tab:analyze-anyway': isObject,
  'tab:reanalyze': isObject,
  'tab:reveal': (d) => isObject(d) && isShortString(d.entityId),
  'tab:navigate': (d) => isObject(d) && (d.direction === 1 || d.direction === -1),
};

const GUARDS: { [N in MessageName]: Guard } = {
  ...TAB_GUARDS,
  'bg:article': isArticleRequest,
  'bg:article-update': isArticleUpdate,
  'bg:not-article': (d) => isPageReport(d),
  'bg:get-tab': (d) => isObject(d) && isTabId(d.tabId),
  'bg:analyze-anyway': (d) => isObject(d) && isTabId(d.tabId),
  'bg:entities-query': isEntityQuery,
  'bg:entity-save': (d) => isObject(d) && isEntity(d.entity),
  'bg:entity-hide': (d) => isObject(d) && isShortString(d.id) && typeof d.hidden === 'boolean',
  'bg:entities-merge': (d) => isObject(d) && isShortString(d.keepId) && isShortString(d.mergeId) && d.keepId !== d.mergeId,
  'bg:entities-import': (d) =>
    isObject(d) &&
    (d.mode === 'merge' || d.mode === 'replace') &&
    Array.isArray(d.entities) &&
    d.entities.length <= LIMITS.importEntities &&
    d.entities.every(isEntity),
  'bg:entities-export': isObject,
  'bg:entity-get': (d) => isObject(d) && isShortString(d.id),
  'bg:entity-promote': (d) => isObject(d) && isShortString(d.id) && isShortString(d.name) && isEntityType(d.type),
  'bg:entity-reject': (d) => isObject(d) && isShortString(d.id) && isShortString(d.name) && d.name.trim().length > 0,
  'bg:reanalyze': (d) => isObject(d) && isTabId(d.tabId),
  'bg:reveal': (d) => isObject(d) && isTabId(d.tabId) && isShortString(d.entityId),
  'bg:card': (d) => isObject(d) && hasOnly(d, ['entityId', 'surface']) && isShortString(d.entityId) && isShortString(d.surface),
  'bg:card-action': (d) =>
    isObject(d) &&
    hasOnly(d, ['entityId', 'action']) &&
    isShortString(d.entityId) &&
    ['hide', 'not-here', 'pin', 'unpin', 'promote', 'reject', 'edit'].includes(d.action as string),
  'bg:topics-get': isObject,
  'bg:memory-search': (d) =>
    isObject(d) &&
    typeof d.query === 'string' &&
    d.query.length <= LIMITS.field &&
    isMemoryFilters(d.filters) &&
    isCount(d.offset) &&
    isCount(d.limit) &&
    (d.limit as number) > 0 &&
    (d.limit as number) <= 200,
  'bg:memory-article': (d) => isObject(d) && isShortString(d.id),
  'bg:memory-entity': (d) => isObject(d) && isShortString(d.id),
  'bg:memory-delete': (d) => isObject(d) && isStringList(d.ids, 100_000),
  'bg:memory-clear': (d) => isObject(d) && d.confirm === 'delete-all-articles',
  'bg:memory-status': isObject,
  'bg:memory-settings': isMemorySettings,
  'bg:backup-export': (d) => isObject(d) && isOptional(d.token, isShortString) && isCount(d.offset),
  'bg:backup-import': (d) =>
    isObject(d) &&
    isOptional(d.token, isShortString) &&
    typeof d.part === 'string' &&
    d.part.length <= LIMITS.backupPart &&
    typeof d.done === 'boolean' &&
    (d.mode === 'merge' || d.mode === 'replace'),
  'bg:topics-save': (d) => isObject(d) && Array.isArray(d.topics) && d.topics.length <= 200 && d.topics.every(isUserTopic),
};

/** True when `name` is a message of the protocol: an own key, never one inherited (`constructor`, `__proto__`). */
export function isMessageName(name: unknown): name is MessageName {
  return typeof name === 'string' && Object.hasOwn(GUARDS, name);
}

/** True when `message` is a well-formed request of a known name. */
export function isRequest(message: unknown): message is Envelope {
  if (!isObject(message) || !isMessageName(message.name)) return false;
  return GUARDS[message.name](message.data);
}

/** `isRequest` for what a content script is asked (`tab:*`): the background's checks stay out of its bundle. */
export function isTabRequest(message: unknown): message is Envelope<TabMessageName> {
  if (!isObject(message) || typeof message.name !== 'string' || !Object.hasOwn(TAB_GUARDS, message.name)) return false;
  return TAB_GUARDS[message.name as TabMessageName](message.data);
}
