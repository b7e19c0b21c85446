/** Turns an article's text blocks into paintable spans and the list of its actors. */
import type { Entity } from '../entities/types';
import type { Matcher } from '../entities/match';
import type { Actor, PaintSpan } from '../messaging/protocol';

export interface ArticleAnalysis {
  spans: PaintSpan[];
  /** Actors by mention count, most mentioned first, then by name. */
  actors: Actor[];
}

/**
 * @example
 * const { spans, actors } = analyzeArticle(['Iran and Russia'], matcher, byId);
 * // actors: Iran (1), Russia (1); spans: [0, 4) and [9, 15) of block 0
 */
export function analyzeArticle(
  blocks: readonly string[],
  matcher: Matcher,
  entities: ReadonlyMap<string, Entity>,
): ArticleAnalysis {
  const spans: PaintSpan[] = [];
  const counts = new Map<string, number>();
  for (const span of matcher.match(blocks)) {
    const entity = entities.get(span.entityId);
    if (!entity) continue;
    spans.push({ ...span, type: entity.type });
    counts.set(entity.id, (counts.get(entity.id) ?? 0) + 1);
  }
  const actors = [...counts].map(([id, mentions]) => {
    const { name, type } = entities.get(id)!;
    return { entityId: id, name, type, mentions };
  });
  actors.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  return { spans, actors };
}
