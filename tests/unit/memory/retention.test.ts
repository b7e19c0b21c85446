import { expect, test } from 'vitest';
import { expiredArticles, isRetentionPolicy, type RetentionPolicy } from '../../../lib/memory/retention';

const DAY = 86_400_000;
const now = Date.UTC(2025, 5, 1);
const articles = [
  { id: 'a', readAt: now - 100 * DAY },
  { id: 'b', readAt: now - 31 * DAY },
  { id: 'c', readAt: now - 30 * DAY },
  { id: 'd', readAt: now - 1 * DAY },
  { id: 'e', readAt: now - 1 * DAY },
  { id: 'f', readAt: now },
];

test.each<[string, RetentionPolicy, typeof articles, string[]]>([
  ['keep all', { kind: 'all' }, articles, []],
  ['30 days: older than the cutoff go', { kind: 'days', days: 30 }, articles, ['a', 'b']],
  ['1 day: read exactly a day ago stays', { kind: 'days', days: 1 }, articles, ['a', 'b', 'c']],
  ['365 days: nothing old enough', { kind: 'days', days: 365 }, articles, []],
  ['latest 3: ties keep the smaller id', { kind: 'count', count: 3 }, articles, ['c', 'b', 'a']],
  ['latest 2', { kind: 'count', count: 2 }, articles, ['e', 'c', 'b', 'a']],
  ['latest 6: all fit', { kind: 'count', count: 6 }, articles, []],
  ['latest 100', { kind: 'count', count: 100 }, articles, []],
  ['nothing stored', { kind: 'days', days: 1 }, [], []],
  ['input order does not matter', { kind: 'count', count: 3 }, [...articles].reverse(), ['c', 'b', 'a']],
])('%s', (_name, policy, list, expected) => {
  expect(expiredArticles(list, policy, now)).toEqual(expected);
});

test.each<[unknown, boolean]>([
  [{ kind: 'all' }, true],
  [{ kind: 'days', days: 30 }, true],
  [{ kind: 'count', count: 1 }, true],
  [{ kind: 'days', days: 0 }, false],
  [{ kind: 'days', days: 1.5 }, false],
  [{ kind: 'count', count: -3 }, false],
  [{ kind: 'count' }, false],
  [{ kind: 'forever' }, false],
  [null, false],
  ['all', false],
])('isRetentionPolicy(%j) = %s', (value, ok) => {
  expect(isRetentionPolicy(value)).toBe(ok);
});
