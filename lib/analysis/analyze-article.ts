/**
 * Turns an article's text blocks into paintable spans and the list of its actors: knowledge-base
 * matches, shared names resolved from the article's context, then people's surnames.
 */
import type { Entity } from '../entities/types';
import type { Actor, PaintSpan } from '../messaging/protocol';
import { buildContext, resolve, type Candidate } from './disambiguate';
import { shortNameSpans, type ResolvedSpan } from './short-names';

/** What the analysis needs of a matcher: spans with every candidate entity. */
export interface CandidateMatcher {
  match(blocks: readonly string[]): Candidate[];
}

export interface ArticleAnalysis {
  spans: PaintSpan[];
  /** Actors by mention count, most mentioned first, then by name. */
  actors: Actor[];
}

function byPosition(a: ResolvedSpan, b: ResolvedSpan): number {
  return a.block - b.block || a.start - b.start;
}

function countActors(spans: readonly PaintSpan[], entities: ReadonlyMap<string, Entity>): Actor[] {
  const counts = new Map<string, number>();
  for (const span of spans) if (!span.ambiguous) counts.set(span.entityId, (counts.get(span.entityId) ?? 0) + 1);
  const actors = [...counts].map(([id, mentions]) => {
    const { name, type } = entities.get(id)!;
    return { entityId: id, name, type, mentions };
  });
  return actors.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/**
 * @example
 * const { spans, actors } = analyzeArticle(['Iran and Russia'], matcher, byId);
 * // actors: Iran (1), Russia (1); spans: [0, 4) and [9, 15) of block 0
 */
export function analyzeArticle(
  blocks: readonly string[],
  matcher: CandidateMatcher,
  entities: ReadonlyMap<string, Entity>,
): ArticleAnalysis {
  const found = matcher.match(blocks).filter((s) => s.candidates.some((id) => entities.has(id)));
  const context = buildContext(found, entities);
  const spans: PaintSpan[] = found.map((span) => {
    const { entityId, ambiguous } = resolve(
      { ...span, candidates: span.candidates.filter((id) => entities.has(id)) },
      context,
      entities,
    );
    const paint: PaintSpan = {
      block: span.block,
      start: span.start,
      end: span.end,
      entityId,
      type: entities.get(entityId)!.type,
    };
    return ambiguous ? { ...paint, ambiguous } : paint;
  });
  const resolved = spans.filter((s) => !s.ambiguous);
  for (const extra of shortNameSpans(blocks, resolved, entities)) {
    spans.push({ ...extra, type: entities.get(extra.entityId)!.type });
  }
  spans.sort(byPosition);
  return { spans, actors: countActors(spans, entities) };
}
