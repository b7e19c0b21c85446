/**
 * The dashboard's entity table query: text search over names and aliases (folded the way the
 * matcher folds, so "tehran" finds "Tehrán" and "Иран" finds Iran by its Russian name), filters
 * by type, source and visibility, facet counts, and paging. Pure, over the entities in memory.
 */
import { foldText } from '../matcher';
import type { EntityPage, EntityQuery, EntityRow } from '../messaging/protocol';

const fold = (s: string) => foldText(s).text.trim();

function matchesText(entity: EntityRow, needle: string): boolean {
  if (!needle) return true;
  return [entity.name, ...entity.aliases, entity.id].some((name) => fold(name).includes(needle));
}

function matchesFilters(entity: EntityRow, q: EntityQuery): boolean {
  if (q.type !== 'all' && entity.type !== q.type) return false;
  if (q.source !== 'all' && entity.sourceKind !== q.source) return false;
  if (q.hidden === 'exclude' && entity.hidden) return false;
  if (q.hidden === 'only' && !entity.hidden) return false;
  return true;
}

function tally(rows: readonly EntityRow[], key: (e: EntityRow) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
}

/** Ranks exact name matches first, then names starting with the text, then the rest, by name. */
function rank(row: EntityRow, needle: string): number {
  const name = fold(row.name);
  return name === needle ? 0 : name.startsWith(needle) ? 1 : 2;
}

/**
 * @example queryEntities(all, { text: 'iran', type: 'all', source: 'all', hidden: 'include', offset: 0, limit: 50 })
 */
export function queryEntities(all: readonly EntityRow[], q: EntityQuery): EntityPage {
  const needle = fold(q.text);
  const matched = all.filter((e) => matchesFilters(e, q) && matchesText(e, needle));
  matched.sort((a, b) => rank(a, needle) - rank(b, needle) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return {
    rows: matched.slice(q.offset, q.offset + q.limit),
    total: matched.length,
    byType: tally(all, (e) => e.type),
    bySource: tally(all, (e) => e.sourceKind),
  };
}
