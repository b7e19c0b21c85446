/**
 * An article as the reading memory stores it, and how one is built from an analysis. Capped so
 * 50,000 of them fit comfortably in IndexedDB: the text at `MAX_TEXT_CHARS`, positions at
 * `MAX_POSITIONS` per entity. Fields ending in `Ids`, `bands` and `urlKey` are derived (they exist
 * for IndexedDB's indexes) and are rebuilt by `withDerivedFields`, so a backup need not carry them.
 */
import type { ArticleMeta } from '../article/types';
import type { ArticleAnalysis } from '../analysis/analyze-article';
import { canonicalUrl, normalizeUrl, urlKey } from './canonical-url';
import { bandKeys, decodeSignature, encodeSignature, textSignature } from './near-duplicate';

/** Longest text kept, in UTF-16 code units (≈ 10,000 words; news articles are 3–8 KB). */
export const MAX_TEXT_CHARS = 60_000;
/** Mentions kept per entity, as [start, end) pairs in `text`. */
export const MAX_POSITIONS = 32;
/** What separates blocks in `text`. */
export const BLOCK_SEPARATOR = '\n\n';

export interface ArticleEntity {
  id: string;
  /** Mentions in the whole article (not capped). */
  count: number;
  /** Flat [start, end, start, end, ...] offsets into `text`, the first `MAX_POSITIONS` mentions. */
  positions: number[];
}

export interface ArticleTopic {
  id: string;
  label: string;
  score: number;
}

export interface ArticleRecord {
  /** `a:` and a hash of `urlKey`: one record per article address. */
  id: string;
  /** The address read, normalized. */
  url: string;
  /** The address the article is remembered by (canonical-url.ts). */
  canonicalUrl: string;
  /** Identity of `canonicalUrl` (derived). */
  urlKey: string;
  title: string;
  /** The site's name, or its host without `www.`. */
  site: string;
  byline: string | null;
  publishedAt: string | null;
  language: string | null;
  /** Epoch milliseconds of the last and of the first visit. */
  readAt: number;
  firstReadAt: number;
  visits: number;
  /** The blocks joined by `BLOCK_SEPARATOR`, cut at `MAX_TEXT_CHARS`. */
  text: string;
  /** Most mentioned first. */
  entities: ArticleEntity[];
  topics: ArticleTopic[];
  /** MinHash signature of `text`, base64 (near-duplicate.ts). */
  signature: string;
  /** Id of the first stored article of the same story (its own id when it is the first). */
  groupId: string;
  /** Derived, for IndexedDB's multi-entry indexes. */
  entityIds: string[];
  topicIds: string[];
  bands: number[];
}

/** What `buildArticleRecord` needs: the page, what it says about itself, its text and analysis. */
export interface ArticleInput {
  url: string;
  meta: ArticleMeta;
  blocks: readonly string[];
  analysis: Pick<ArticleAnalysis, 'spans' | 'actors' | 'topics'>;
  /** Epoch milliseconds. */
  now: number;
  /** og:url, when the page has one beside rel=canonical (`meta.canonicalUrl`); else `meta.ogUrl`. */
  ogUrl?: string | null;
}

/** The record id of an address key: stable, short, the same for every visit. */
export function articleIdOf(key: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `a:${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36).padStart(7, '0')}`;
}

function joinBlocks(blocks: readonly string[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    starts.push(offset);
    offset += block.length + BLOCK_SEPARATOR.length;
  }
  return { text: blocks.join(BLOCK_SEPARATOR).slice(0, MAX_TEXT_CHARS), starts };
}

function siteOf(meta: ArticleMeta, url: string): string {
  return meta.siteName?.trim() || new URL(url).hostname.replace(/^www\d?\./, '');
}

function articleEntities(input: ArticleInput, starts: readonly number[], textLength: number): ArticleEntity[] {
  const kept = input.analysis.actors.filter((a) => !a.unsaved);
  const positions = new Map<string, number[]>(kept.map((a) => [a.entityId, []]));
  for (const span of input.analysis.spans) {
    const list = positions.get(span.entityId);
    const start = (starts[span.block] ?? Infinity) + span.start;
    const end = (starts[span.block] ?? Infinity) + span.end;
    if (!list || span.ambiguous || end > textLength || list.length >= MAX_POSITIONS * 2) continue;
    list.push(start, end);
  }
  return kept.map((a) => ({ id: a.entityId, count: a.mentions, positions: positions.get(a.entityId)! }));
}

/** Fills the derived fields (`urlKey`, `entityIds`, `topicIds`, `bands`) from the others. */
export function withDerivedFields(record: Omit<ArticleRecord, 'urlKey' | 'entityIds' | 'topicIds' | 'bands'>): ArticleRecord {
  const signature = decodeSignature(record.signature);
  return {
    ...record,
    urlKey: urlKey(record.canonicalUrl) ?? record.canonicalUrl,
    entityIds: record.entities.map((e) => e.id),
    topicIds: record.topics.map((t) => t.id),
    bands: signature ? bandKeys(signature) : [],
  };
}

/**
 * The record of a first visit; null when the page has no http(s) address. Actors not sure enough
 * to be stored (`unsaved`) are left out: their ids name no entity of the knowledge base.
 * @example
 * const record = buildArticleRecord({ url: tab.url, meta, blocks, analysis, now: Date.now() });
 */
export function buildArticleRecord(input: ArticleInput): ArticleRecord | null {
  const url = normalizeUrl(input.url);
  const canonical = canonicalUrl(input.url, [input.meta.canonicalUrl, input.ogUrl ?? input.meta.ogUrl]);
  if (!url || !canonical) return null;
  const key = urlKey(canonical)!;
  const { text, starts } = joinBlocks(input.blocks);
  const id = articleIdOf(key);
  return withDerivedFields({
    id,
    url,
    canonicalUrl: canonical,
    title: input.meta.title.trim() || url,
    site: siteOf(input.meta, canonical),
    byline: input.meta.byline,
    publishedAt: input.meta.publishedAt,
    language: input.meta.language,
    readAt: input.now,
    firstReadAt: input.now,
    visits: 1,
    text,
    entities: articleEntities(input, starts, text.length),
    topics: input.analysis.topics.map((t) => ({ id: t.id, label: t.label, score: t.score })),
    signature: encodeSignature(textSignature(text)),
    groupId: id,
  });
}

/**
 * A re-visit: the new reading (text, entities, topics may have changed) keeps the first visit's
 * date, counts the visit and stays in its group.
 */
export function recordVisit(previous: ArticleRecord, next: ArticleRecord): ArticleRecord {
  return {
    ...next,
    id: previous.id,
    firstReadAt: Math.min(previous.firstReadAt, next.firstReadAt),
    readAt: Math.max(previous.readAt, next.readAt),
    visits: previous.visits + 1,
    groupId: previous.groupId,
  };
}
