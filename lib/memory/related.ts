/**
 * Related articles: the stored articles that share the current one's actors, rarest first. One
 * ranking serves the popup, the hover card and the dashboard (issue 6).
 *
 * score = Σ shared entities idf(e)·sat(count here)·sat(count there)
 *         (idf = ln(1 + (N − df + ½) / (df + ½)), BM25's, positive even when every article names e)
 *       + TOPIC_WEIGHT · shared topics + RECENCY_WEIGHT · 2^(−age / half-life)
 * where sat(c) = c·(k+1)/(c+k), BM25's saturation (k = 1.2): a name said 20 times is not 20 times
 * the evidence. A shared admiral (df 3 of 50,000: idf 9.6) outweighs a shared "China" (df 10,000:
 * idf 1.6) six times; with two stored stories that both name the admiral, he still relates them
 * (a plain ln(N / df) would be 0 there). Only articles sharing at least one entity are
 * candidates: topics alone ("politics") are too broad to call two stories related. The current article and
 * its near-duplicate group are excluded.
 *
 * `relatedArticles` walks the postings of the current article's entities only; `fullScanRelated`
 * computes the same ranking by reading every article (the bench's baseline and the tests' oracle).
 */
import type { IndexedArticle, RelatedIndex } from './related-index';

export const SATURATION_K = 1.2;
export const TOPIC_WEIGHT = 0.75;
export const RECENCY_WEIGHT = 1;
export const HALF_LIFE_DAYS = 30;
const DAY = 86_400_000;

/** The article to find relations for; it need not be stored. */
export interface RelatedQuery {
  /** Its record id, when it is stored: excluded from the results. */
  id?: string;
  /** Its near-duplicate group: every member is excluded. */
  groupId?: string;
  entities: readonly { id: string; count: number }[];
  topics: readonly { id: string; label?: string }[];
}

export interface RelatedOptions {
  /** How many to return; default 5. */
  limit?: number;
  /** Epoch milliseconds the recency is measured from. */
  now: number;
  /** Resolves entity names for the reasons; ids are shown when it returns nothing. */
  nameOf?: (entityId: string) => string | undefined;
  /** Shared entities named in a reason; default 3. */
  reasonEntities?: number;
}

export interface SharedEntity {
  id: string;
  name: string;
  /** This entity's part of the score. */
  weight: number;
}

export interface RelatedArticle {
  id: string;
  score: number;
  readAt: number;
  /** The shared entities that weigh most, heaviest first. */
  sharedEntities: SharedEntity[];
  sharedTopics: { id: string; label: string }[];
  /** What the reader sees: the heaviest shared names, then shared topic labels. */
  reason: string[];
}

/** BM25's inverse document frequency: rare names weigh most, and none weighs nothing. */
export const idfOf = (articles: number, df: number) => Math.log(1 + (articles - df + 0.5) / (df + 0.5));
export const saturate = (count: number) => (count * (SATURATION_K + 1)) / (count + SATURATION_K);
export const recencyOf = (readAt: number, now: number) => 0.5 ** (Math.max(0, now - readAt) / (HALF_LIFE_DAYS * DAY));

/** The query's entities, deduplicated, in the order given (the order scores are summed in). */
function queryEntities(query: RelatedQuery): { id: string; count: number }[] {
  const seen = new Set<string>();
  return query.entities.filter((e) => !seen.has(e.id) && seen.add(e.id));
}

interface Scored {
  id: string;
  score: number;
  readAt: number;
}

/** Best first: score, then the more recent, then by id (a total order, so both rankings agree). */
function better(a: Scored, b: Scored): boolean {
  return a.score > b.score || (a.score === b.score && (a.readAt > b.readAt || (a.readAt === b.readAt && a.id < b.id)));
}

/** Keeps the `limit` best in order; `floor` is the score a newcomer must reach. */
function createTopList(limit: number) {
  const items: Scored[] = [];
  return {
    items,
    get floor() {
      return items.length < limit ? -Infinity : items[items.length - 1]!.score;
    },
    offer(item: Scored) {
      if (items.length === limit && !better(item, items[items.length - 1]!)) return;
      let at = items.length;
      while (at > 0 && better(item, items[at - 1]!)) at--;
      items.splice(at, 0, item);
      if (items.length > limit) items.pop();
    },
  };
}

function sharedTopicCount<T>(query: ReadonlySet<T>, topics: readonly T[]): number {
  let n = 0;
  for (const t of topics) if (query.has(t)) n++;
  return n;
}

/** Shared entities with their contributions, heaviest first; the same for both rankings. */
function explain(
  entities: readonly { id: string; count: number }[],
  idf: ReadonlyMap<string, number>,
  theirs: ReadonlyMap<string, number>,
  topics: readonly { id: string; label?: string }[],
  theirTopics: ReadonlySet<string>,
  options: RelatedOptions,
): Pick<RelatedArticle, 'sharedEntities' | 'sharedTopics' | 'reason'> {
  const shared: SharedEntity[] = [];
  for (const e of entities) {
    const count = theirs.get(e.id);
    const weight = idf.get(e.id) ?? 0;
    if (count === undefined || weight <= 0) continue;
    shared.push({ id: e.id, name: options.nameOf?.(e.id) ?? e.id, weight: weight * saturate(e.count) * saturate(count) });
  }
  shared.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
  const sharedTopics = topics.filter((t) => theirTopics.has(t.id)).map((t) => ({ id: t.id, label: t.label ?? t.id }));
  const named = shared.slice(0, options.reasonEntities ?? 3);
  return { sharedEntities: named, sharedTopics, reason: [...named.map((s) => s.name), ...sharedTopics.map((t) => t.label)] };
}

/**
 * The stored articles most related to `query`, best first, each with its reason.
 * @example
 * relatedArticles(index, { id: record.id, groupId: record.groupId, entities: record.entities, topics: record.topics },
 *   { now: Date.now(), nameOf: (id) => entities.get(id)?.name })
 * // [{ id: 'a:…', score: 14.2, reason: ['Habibollah Sayyari', 'Xiangshan Security Forum', 'defence'], … }]
 */
export function relatedArticles(index: RelatedIndex, query: RelatedQuery, options: RelatedOptions): RelatedArticle[] {
  const n = index.size;
  const entities = queryEntities(query);
  const scores = new Float64Array(index.slots);
  const seen = new Uint8Array(index.slots);
  const touched: number[] = [];
  const idf = new Map<string, number>();
  for (const e of entities) {
    const num = index.entityNumber(e.id);
    if (num === undefined) continue;
    const slots = index.postingSlots(num);
    const weight = slots.length > 0 ? idfOf(n, slots.length) : 0;
    idf.set(e.id, weight);
    if (weight <= 0) continue;
    const wq = weight * saturate(e.count);
    const counts = index.postingCounts(num);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (seen[slot] === 0) {
        seen[slot] = 1;
        touched.push(slot);
      }
      scores[slot] = scores[slot]! + wq * saturate(counts[i]!);
    }
  }
  const excludeSlot = query.id === undefined ? undefined : index.slotOf(query.id);
  const excludeGroup = query.groupId === undefined ? undefined : index.groupNumber(query.groupId);
  const topicNums = new Set(query.topics.map((t) => index.topicNumber(t.id)).filter((t): t is number => t !== undefined));
  const bound = TOPIC_WEIGHT * topicNums.size + RECENCY_WEIGHT;
  const top = createTopList(options.limit ?? 5);
  for (const slot of touched) {
    if (slot === excludeSlot || (excludeGroup !== undefined && index.groupOf(slot) === excludeGroup)) continue;
    if (scores[slot]! + bound < top.floor) continue;
    const readAt = index.readAtOf(slot);
    const score =
      scores[slot]! +
      TOPIC_WEIGHT * sharedTopicCount(topicNums, index.topicsOf(slot)) +
      RECENCY_WEIGHT * recencyOf(readAt, options.now);
    top.offer({ id: index.idAt(slot)!, score, readAt });
  }
  return top.items.map((item) => {
    const slot = index.slotOf(item.id)!;
    const theirs = new Map(index.entitiesOf(slot).map((e, i) => [index.entityName(e), index.countsOf(slot)[i]!]));
    const theirTopics = new Set(index.topicsOf(slot).map((t) => index.topicName(t)));
    return { ...item, ...explain(entities, idf, theirs, query.topics, theirTopics, options) };
  });
}

/**
 * The same ranking as `relatedArticles` by reading every article: document frequencies from a
 * first pass, scores from a second. The baseline an index must beat, and the tests' oracle.
 */
export function fullScanRelated(
  articles: Iterable<IndexedArticle>,
  query: RelatedQuery,
  options: RelatedOptions,
): RelatedArticle[] {
  const all = [...articles];
  const df = new Map<string, number>();
  for (const article of all) for (const id of new Set(article.entities.map((e) => e.id))) df.set(id, (df.get(id) ?? 0) + 1);
  const entities = queryEntities(query);
  const idf = new Map<string, number>();
  for (const e of entities) if (df.has(e.id)) idf.set(e.id, idfOf(all.length, df.get(e.id)!));
  const topicIds = new Set(query.topics.map((t) => t.id));
  const top = createTopList(options.limit ?? 5);
  const details = new Map<string, { theirs: Map<string, number>; topics: Set<string> }>();
  for (const article of all) {
    if (article.id === query.id || (query.groupId !== undefined && article.groupId === query.groupId)) continue;
    const theirs = new Map<string, number>();
    for (const e of article.entities) if (!theirs.has(e.id)) theirs.set(e.id, e.count);
    let content = 0;
    for (const e of entities) {
      const weight = idf.get(e.id) ?? 0;
      const count = theirs.get(e.id);
      if (weight > 0 && count !== undefined) content += weight * saturate(e.count) * saturate(count);
    }
    if (content === 0) continue;
    const topics = new Set(article.topics.map((t) => t.id).filter((t) => topicIds.has(t)));
    const score = content + TOPIC_WEIGHT * topics.size + RECENCY_WEIGHT * recencyOf(article.readAt, options.now);
    details.set(article.id, { theirs, topics });
    top.offer({ id: article.id, score, readAt: article.readAt });
  }
  return top.items.map((item) => {
    const { theirs, topics } = details.get(item.id)!;
    return { ...item, ...explain(entities, idf, theirs, query.topics, topics, options) };
  });
}
