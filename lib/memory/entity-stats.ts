/**
 * The reader's history with one entity, for the hover card ("in 14 of your articles, last read
 * 3 May; often with Xi Jinping, PLA Navy"): read from the related index's postings, so it costs
 * one pass over the articles that name the entity, never over all of them.
 */
import type { RelatedIndex } from './related-index';

export interface EntityStats {
  /** Stored articles that name the entity. */
  articles: number;
  /** Distinct stories among them (near-duplicates count once). */
  stories: number;
  /** Epoch milliseconds of the latest, or null when none. */
  lastReadAt: number | null;
  /** The most recently read article ids, latest first. */
  recent: string[];
  /** The entities named most often beside it: in how many of its articles. */
  coEntities: { id: string; count: number }[];
}

export interface EntityStatsOptions {
  /** How many recent articles; default 5. */
  recent?: number;
  /** How many co-occurring entities; default 5. */
  coEntities?: number;
}

/**
 * @example entityStats(index, 'person:habibollah-sayyari').articles // 14
 */
export function entityStats(index: RelatedIndex, entityId: string, options: EntityStatsOptions = {}): EntityStats {
  const num = index.entityNumber(entityId);
  const slots = num === undefined ? [] : index.postingSlots(num);
  if (slots.length === 0) return { articles: 0, stories: 0, lastReadAt: null, recent: [], coEntities: [] };
  const groups = new Set<number>();
  const together = new Map<number, number>();
  for (const slot of slots) {
    groups.add(index.groupOf(slot));
    for (const e of index.entitiesOf(slot)) if (e !== num) together.set(e, (together.get(e) ?? 0) + 1);
  }
  const byDate = [...slots].sort((a, b) => index.readAtOf(b) - index.readAtOf(a) || a - b);
  const coEntities = [...together]
    .sort((a, b) => b[1] - a[1] || (index.entityName(a[0]) < index.entityName(b[0]) ? -1 : 1))
    .slice(0, options.coEntities ?? 5)
    .map(([e, count]) => ({ id: index.entityName(e), count }));
  return {
    articles: slots.length,
    stories: groups.size,
    lastReadAt: index.readAtOf(byDate[0]!),
    recent: byDate.slice(0, options.recent ?? 5).map((slot) => index.idAt(slot)!),
    coEntities,
  };
}
