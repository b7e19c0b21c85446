import { expect, test } from 'vitest';
import { bucketMentions, bucketUnit } from '../../../lib/dashboard/timeline';

const DAY = 86_400_000;
const at = (y: number, m: number, d: number, h = 12) => Date.UTC(y, m - 1, d, h);

test.each([
  [0, 'day'],
  [62 * DAY, 'day'],
  [63 * DAY, 'week'],
  [700 * DAY, 'week'],
  [800 * DAY, 'month'],
])('a span of %d ms is bucketed per %s', (span, unit) => {
  expect(bucketUnit(span)).toBe(unit);
});

test('no mentions, no buckets', () => {
  expect(bucketMentions([])).toEqual({ unit: 'day', buckets: [] });
});

test('per day: contiguous buckets, empty days included, counts and articles summed', () => {
  const { unit, buckets } = bucketMentions([
    { readAt: at(2026, 11, 26, 9), count: 3 },
    { readAt: at(2026, 11, 26, 20), count: 1 },
    { readAt: at(2026, 11, 28), count: 2 },
  ]);
  expect(unit).toBe('day');
  expect(buckets.map((b) => [b.key, b.mentions, b.articles])).toEqual([
    ['2026-11-26', 4, 2],
    ['2026-11-27', 0, 0],
    ['2026-11-28', 2, 1],
  ]);
});

test('per week: weeks start on Monday', () => {
  const { unit, buckets } = bucketMentions([
    { readAt: at(2026, 1, 1), count: 1 }, // a Thursday
    { readAt: at(2026, 4, 15), count: 5 },
  ]);
  expect(unit).toBe('week');
  expect(buckets[0]!.key).toBe('2025-12-29');
  expect(new Date(buckets.at(-1)!.start).getUTCDay()).toBe(1);
  expect(buckets.reduce((n, b) => n + b.mentions, 0)).toBe(6);
  expect(buckets.every((b, i) => i === 0 || b.start - buckets[i - 1]!.start === 7 * DAY)).toBe(true);
});

test('per month over years', () => {
  const { unit, buckets } = bucketMentions([
    { readAt: at(2023, 12, 31), count: 1 },
    { readAt: at(2026, 2, 1), count: 2 },
  ]);
  expect(unit).toBe('month');
  expect(buckets[0]!.key).toBe('2023-12');
  expect(buckets.at(-1)!.key).toBe('2026-02');
  expect(buckets).toHaveLength(27);
});
