/**
 * How long the reading memory keeps articles: everything, the last N days, or the latest N
 * articles. The reader sets it; the background applies it after each stored article and at start.
 * Articles are judged by their last read date, so re-reading an old article keeps it.
 */

export type RetentionPolicy = { kind: 'all' } | { kind: 'days'; days: number } | { kind: 'count'; count: number };

export const DEFAULT_RETENTION: RetentionPolicy = { kind: 'all' };
const DAY = 86_400_000;

/** True for a policy the reader may set: whole days and counts of at least one. */
export function isRetentionPolicy(value: unknown): value is RetentionPolicy {
  if (typeof value !== 'object' || value === null) return false;
  const policy = value as Record<string, unknown>;
  if (policy.kind === 'all') return true;
  const n = policy.kind === 'days' ? policy.days : policy.kind === 'count' ? policy.count : undefined;
  return Number.isSafeInteger(n) && (n as number) >= 1;
}

/**
 * The articles the policy lets go. For `count`, ties on the read date keep the smaller id, so the
 * answer never depends on storage order.
 * @example
 * expiredArticles([{ id: 'a', readAt: 0 }, { id: 'b', readAt: 5 * DAY }], { kind: 'days', days: 2 }, 6 * DAY) // ['a']
 */
export function expiredArticles(
  articles: readonly { id: string; readAt: number }[],
  policy: RetentionPolicy,
  now: number,
): string[] {
  if (policy.kind === 'days') {
    const cutoff = now - policy.days * DAY;
    return articles.filter((a) => a.readAt < cutoff).map((a) => a.id);
  }
  if (policy.kind === 'count' && articles.length > policy.count) {
    const newestFirst = [...articles].sort((a, b) => b.readAt - a.readAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return newestFirst.slice(policy.count).map((a) => a.id);
  }
  return [];
}
