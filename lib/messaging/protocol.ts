/**
 * The one message protocol between the content script, the background and the extension pages.
 * Names say direction: `bg:*` go to the background, `tab:*` go to a tab's content script.
 * The background checks every message with `isRequest` before acting on it: a page can talk to
 * its content script, so nothing that arrives from a tab is trusted beyond its shape.
 */
import type { ArticleMeta } from '../article/types';
import { isEntityType, type Entity, type EntityType } from '../entities/types';
import type { RankedTopic, UserTopic } from '../topics';
import { isUserTopic } from '../topics/user-topic';

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
    recent: ArticleLink[];
    coActors: { entityId: string; name: string; type: EntityType; count: number }[];
  };
}

/** What the reader can do from the card. */
export type CardAction = 'hide' | 'not-here' | 'pin' | 'unpin' | 'promote' | 'reject' | 'edit';

/** Request and response types, by message name. */
export interface Protocol {
  'bg:article': { request: ArticleRequest; response: { spans: PaintSpan[] } };
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
} as const;

type Guard = (data: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShortString = (v: unknown): v is string => typeof v === 'string' && v.length <= LIMITS.field;
const isNullableString = (v: unknown) => v === null || isShortString(v);
const isTabId = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

function isMeta(v: unknown): v is ArticleMeta {
  if (!isObject(v)) return false;
  return (
    isShortString(v.title) &&
    ['byline', 'publishedAt', 'siteName', 'canonicalUrl', 'language'].every((k) => isNullableString(v[k]))
  );
}

function isPageReport(v: unknown): v is PageReport {
  return (
    isObject(v) && isShortString(v.url) && isShortString(v.title) && typeof v.isArticle === 'boolean' && Number.isFinite(v.score)
  );
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

const GUARDS: { [N in MessageName]: Guard } = {
  'bg:article': (d) => isPageReport(d) && isObject(d) && typeof d.forced === 'boolean' && isMeta(d.meta) && isBlocks(d.blocks),
  'bg:not-article': isPageReport,
  'bg:get-tab': (d) => isObject(d) && isTabId(d.tabId),
  'bg:analyze-anyway': (d) => isObject(d) && isTabId(d.tabId),
  'tab:analyze-anyway': isObject,
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
  'tab:reanalyze': isObject,
  'bg:reveal': (d) => isObject(d) && isTabId(d.tabId) && isShortString(d.entityId),
  'tab:reveal': (d) => isObject(d) && isShortString(d.entityId),
  'bg:card': (d) => isObject(d) && isShortString(d.entityId) && isShortString(d.surface),
  'bg:card-action': (d) =>
    isObject(d) &&
    isShortString(d.entityId) &&
    ['hide', 'not-here', 'pin', 'unpin', 'promote', 'reject', 'edit'].includes(d.action as string),
  'tab:navigate': (d) => isObject(d) && (d.direction === 1 || d.direction === -1),
  'bg:topics-get': isObject,
  'bg:topics-save': (d) => isObject(d) && Array.isArray(d.topics) && d.topics.length <= 200 && d.topics.every(isUserTopic),
};

/** True when `message` is a well-formed request of a known name. */
export function isRequest(message: unknown): message is Envelope {
  if (!isObject(message) || typeof message.name !== 'string') return false;
  const guard = GUARDS[message.name as MessageName] as Guard | undefined;
  return guard !== undefined && guard(message.data);
}
