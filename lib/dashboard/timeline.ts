/**
 * An entity's mentions over time, bucketed for the dashboard's chart: per day over two months
 * or less, per week (starting Monday) over two years or less, per month beyond. Buckets are
 * contiguous, empty ones included, so the chart's gaps are real gaps. Dates are UTC, so the
 * buckets do not depend on the machine's time zone.
 */

export type BucketUnit = 'day' | 'week' | 'month';

export interface TimelineBucket {
  /** ISO date of the bucket's first day (`2026-11-23`), or its month (`2026-11`). */
  key: string;
  /** Epoch milliseconds of the bucket's start. */
  start: number;
  /** Mentions in the articles read in the bucket. */
  mentions: number;
  /** Articles read in the bucket that name the entity. */
  articles: number;
}

export interface Timeline {
  unit: BucketUnit;
  buckets: TimelineBucket[];
}

const DAY = 86_400_000;

/** The unit for mentions spread over `span` milliseconds. */
export function bucketUnit(span: number): BucketUnit {
  if (span <= 62 * DAY) return 'day';
  if (span <= 2 * 366 * DAY) return 'week';
  return 'month';
}

function startOf(time: number, unit: BucketUnit): number {
  const day = Math.floor(time / DAY) * DAY;
  if (unit === 'day') return day;
  if (unit === 'week') return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
  const date = new Date(day);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function next(start: number, unit: BucketUnit): number {
  if (unit === 'day') return start + DAY;
  if (unit === 'week') return start + 7 * DAY;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

const keyOf = (start: number, unit: BucketUnit) => new Date(start).toISOString().slice(0, unit === 'month' ? 7 : 10);

/**
 * The mentions, bucketed.
 * @example
 * bucketMentions([{ readAt: Date.UTC(2026, 0, 1), count: 3 }, { readAt: Date.UTC(2026, 0, 3), count: 1 }])
 * // { unit: 'day', buckets: [{ key: '2026-01-01', mentions: 3, articles: 1, ... }, { key: '2026-01-02', mentions: 0, ... }, ...] }
 */
export function bucketMentions(mentions: readonly { readAt: number; count: number }[]): Timeline {
  const times = mentions.map((m) => m.readAt).filter(Number.isFinite);
  if (times.length === 0) return { unit: 'day', buckets: [] };
  const first = Math.min(...times);
  const unit = bucketUnit(Math.max(...times) - first);
  const buckets: TimelineBucket[] = [];
  const index = new Map<number, TimelineBucket>();
  const last = startOf(Math.max(...times), unit);
  for (let start = startOf(first, unit); start <= last; start = next(start, unit)) {
    const bucket = { key: keyOf(start, unit), start, mentions: 0, articles: 0 };
    buckets.push(bucket);
    index.set(start, bucket);
  }
  for (const m of mentions) {
    if (!Number.isFinite(m.readAt)) continue;
    const bucket = index.get(startOf(m.readAt, unit))!;
    bucket.mentions += m.count;
    bucket.articles += 1;
  }
  return { unit, buckets };
}
