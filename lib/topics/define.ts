/**
 * The notation of the taxonomy data: keywords grouped by weight, one comma-separated line per
 * weight, so the data reads as a ranked vocabulary and stays one screen per topic.
 */
import type { KeywordWeight } from './types';

/**
 * Keyword entries from weight groups.
 * @example kw({ 3: 'humanitarian aid, aid convoy', 1: 'relief' })
 * // [['humanitarian aid', 3], ['aid convoy', 3], ['relief', 1]]
 */
export function kw(groups: Readonly<Record<number, string>>): KeywordWeight[] {
  const entries: KeywordWeight[] = [];
  for (const [weight, list] of Object.entries(groups)) {
    for (const term of list.split(',')) {
      const trimmed = term.trim();
      if (trimmed) entries.push([trimmed, Number(weight)]);
    }
  }
  return entries;
}
