/**
 * Turns an article's text blocks into paintable spans, the list of its actors and its topics:
 * knowledge-base matches, shared names resolved from the article's context, people's surnames,
 * then the names nobody listed (discovery), then topics from words and actors together.
 */
import { learnedIdOf, type LearnedName } from '../entities/repo';
import type { Entity } from '../entities/types';
import { discoverNames, type Discovery } from '../discovery';
import type { Actor, PaintSpan } from '../messaging/protocol';
import { classifyTopics, type RankedTopic, type TopicEntity, type UserTopic } from '../topics';
import type { CandidateMatcher } from './combine-matchers';
import { buildContext, resolve } from './disambiguate';
import { shortNameSpans, type ResolvedSpan } from './short-names';

export type { CandidateMatcher } from './combine-matchers';

/** Discovered names at least this sure are learned: stored, and matched as known next time. */
export const LEARN_CONFIDENCE = 0.6;
/** How many of the taxonomy's topics an article shows. */
const TOPICS_SHOWN = 6;

export interface AnalysisOptions {
  /** Names discovery must not propose (rejected, or of hidden entities). */
  isSuppressed?: (name: string) => boolean;
  customTopics?: readonly UserTopic[];
}

export interface ArticleAnalysis {
  spans: PaintSpan[];
  /** Actors by mention count, most mentioned first, then by name. */
  actors: Actor[];
  topics: RankedTopic[];
  /** Discovered names sure enough to learn when the article is stored. */
  learned: LearnedName[];
}

function byPosition(a: ResolvedSpan, b: ResolvedSpan): number {
  return a.block - b.block || a.start - b.start;
}

function countActors(spans: readonly PaintSpan[], entities: ReadonlyMap<string, Entity>, unsure: ReadonlySet<string>): Actor[] {
  const counts = new Map<string, number>();
  for (const span of spans) if (!span.ambiguous) counts.set(span.entityId, (counts.get(span.entityId) ?? 0) + 1);
  const actors = [...counts].map(([id, mentions]): Actor => {
    const { name, type, source } = entities.get(id)!;
    const actor: Actor = { entityId: id, name, type, mentions };
    if (source?.kind === 'discovered') actor.discovered = true;
    if (unsure.has(id)) actor.unsaved = true;
    return actor;
  });
  return actors.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/**
 * The spans of the names the knowledge base holds, resolved and with people's short names: what
 * the page paints first, before discovery and topics (`analyzeArticle`) are done.
 * @example knownSpans(['Iran and Russia'], matcher, byId) // Iran [0, 4), Russia [9, 15)
 */
export function knownSpans(
  blocks: readonly string[],
  matcher: CandidateMatcher,
  entities: ReadonlyMap<string, Entity>,
): PaintSpan[] {
  const found = matcher.match(blocks).filter((s) => s.candidates.some((id) => entities.has(id)));
  const context = buildContext(found, entities);
  const spans: PaintSpan[] = found.map((span) => {
    const { entityId, ambiguous } = resolve(
      { ...span, candidates: span.candidates.filter((id) => entities.has(id)) },
      context,
      entities,
    );
    const entity = entities.get(entityId)!;
    const paint: PaintSpan = { block: span.block, start: span.start, end: span.end, entityId, type: entity.type };
    if (entity.source?.kind === 'discovered') paint.discovered = true;
    return ambiguous ? { ...paint, ambiguous } : paint;
  });
  const resolved = spans.filter((s) => !s.ambiguous);
  for (const extra of shortNameSpans(blocks, resolved, entities)) {
    const entity = entities.get(extra.entityId)!;
    spans.push(
      entity.source?.kind === 'discovered' ? { ...extra, type: entity.type, discovered: true } : { ...extra, type: entity.type },
    );
  }
  return spans;
}

/** Entities for the discovered actors, under the ids learning will store them by. */
function discoveredEntities(discovery: Discovery): Map<string, Entity> {
  const byKey = new Map<string, Entity>();
  for (const actor of discovery.actors) {
    byKey.set(actor.key, {
      id: learnedIdOf(actor.name),
      name: actor.name,
      type: actor.type,
      aliases: actor.aliases,
      source: { kind: 'discovered' },
    });
  }
  return byKey;
}

/** Topics shown: the taxonomy's best, plus every reader topic that matched (theirs are never crowded out). */
function rankTopics(blocks: readonly string[], entities: TopicEntity[], custom: readonly UserTopic[]): RankedTopic[] {
  const all = classifyTopics(blocks, entities, { custom, limit: TOPICS_SHOWN + custom.length });
  const mine = all.filter((t) => t.custom);
  const taxonomy = all.filter((t) => !t.custom).slice(0, TOPICS_SHOWN);
  return [...mine, ...taxonomy].sort((a, b) => b.score - a.score);
}

const contains = (outer: PaintSpan, inner: PaintSpan) =>
  outer.block === inner.block && outer.start <= inner.start && inner.end <= outer.end;

/** An article's spans, and what describing it (`describeArticle`) needs from finding them. */
export interface FoundSpans {
  spans: PaintSpan[];
  discovery: Discovery;
  /** The knowledge base's entities and the discovered ones. */
  all: ReadonlyMap<string, Entity>;
  byKey: ReadonlyMap<string, Entity>;
}

/**
 * Every span of the article, known names and discovered ones: all the page needs to paint.
 * @example findSpans(['Iran and Russia'], matcher, byId).spans // [0, 4) and [9, 15) of block 0
 */
export function findSpans(
  blocks: readonly string[],
  matcher: CandidateMatcher,
  entities: ReadonlyMap<string, Entity>,
  options: Pick<AnalysisOptions, 'isSuppressed'> & { known?: PaintSpan[] } = {},
): FoundSpans {
  // `known`: the knowledge-base spans when the caller already matched them (an early answer).
  const known = options.known ?? knownSpans(blocks, matcher, entities);
  const discovery = discoverNames(blocks, { known, isSuppressed: options.isSuppressed });
  const byKey = discoveredEntities(discovery);
  const all = new Map(entities);
  for (const entity of byKey.values()) if (!all.has(entity.id)) all.set(entity.id, entity);
  const found: PaintSpan[] = discovery.mentions.flatMap((m) => {
    const entity = byKey.get(m.key);
    if (!entity) return [];
    const stored = all.get(entity.id)!;
    return [{ block: m.block, start: m.start, end: m.end, entityId: stored.id, type: stored.type, discovered: true as const }];
  });
  // A discovered name that contains known ones ("Bank of China") is the fuller name: it wins.
  const spans = [...known.filter((k) => !found.some((f) => contains(f, k))), ...found].sort(byPosition);
  return { spans, discovery, all, byKey };
}

/**
 * What the popup and the reading memory need once the page is painted: the article's actors,
 * its topics, and the discovered names sure enough to learn.
 */
export function describeArticle(
  blocks: readonly string[],
  { spans, discovery, all, byKey }: FoundSpans,
  entities: ReadonlyMap<string, Entity>,
  options: Pick<AnalysisOptions, 'customTopics'> = {},
): ArticleAnalysis {
  const unsure = new Set<string>();
  const learned: LearnedName[] = [];
  for (const actor of discovery.actors) {
    const entity = byKey.get(actor.key)!;
    // Learned before: learning again only adds the surface forms it has not seen.
    if (actor.confidence >= LEARN_CONFIDENCE) learned.push({ name: actor.name, type: actor.type, aliases: actor.aliases });
    else if (!entities.has(entity.id)) unsure.add(entity.id);
  }
  const actors = countActors(spans, all, unsure);
  const topicEntities = actors.map((a) => ({
    name: a.name,
    type: a.type,
    tags: all.get(a.entityId)?.tags,
    mentions: a.mentions,
  }));
  const topics = rankTopics(blocks, topicEntities, options.customTopics ?? []);
  return { spans, actors, topics, learned };
}

/**
 * @example
 * const { spans, actors, topics } = analyzeArticle(['Iran and Russia'], matcher, byId);
 * // actors: Iran (1), Russia (1); spans: [0, 4) and [9, 15) of block 0
 */
export function analyzeArticle(
  blocks: readonly string[],
  matcher: CandidateMatcher,
  entities: ReadonlyMap<string, Entity>,
  options: AnalysisOptions = {},
): ArticleAnalysis {
  return describeArticle(blocks, findSpans(blocks, matcher, entities, options), entities, options);
}
