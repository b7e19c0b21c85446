import { describe, expect, test } from 'vitest';
import { compileMatcher } from '../../../lib/matcher/compile';
import { matchText } from '../../../lib/matcher/match-text';
import type { AliasEntry } from '../../../lib/matcher/types';

function run(aliases: AliasEntry[], text: string) {
  return matchText(compileMatcher(aliases), text).map((s) => ({
    text: text.slice(s.start, s.end),
    entityId: s.entityId,
    candidates: s.candidates,
  }));
}

describe('leftmost-longest resolution', () => {
  const aliases: AliasEntry[] = [
    { text: 'Iran', entityId: 'iran' },
    { text: 'Islamic Republic of Iran', entityId: 'iran' },
    { text: 'Islamic Republic of Iran Army', entityId: 'army' },
    { text: 'Republic of Iran Army Day', entityId: 'day' },
    { text: 'New York', entityId: 'nyc' },
    { text: 'York', entityId: 'york' },
    { text: 'New York Times', entityId: 'nyt' },
    { text: 'Times Square', entityId: 'times-square' },
  ];

  test.each([
    ['longest wins', 'the Islamic Republic of Iran Army said', [['Islamic Republic of Iran Army', 'army']]],
    ['falls back to a shorter alias', 'the Islamic Republic of Iran said', [['Islamic Republic of Iran', 'iran']]],
    [
      'leftmost beats a longer overlapping match',
      'Islamic Republic of Iran Army Day',
      [['Islamic Republic of Iran Army', 'army']],
    ],
    ['overlap resolved left to right', 'New York Times Square', [['New York Times', 'nyt']]],
    [
      'adjacent matches both kept',
      'New York York',
      [
        ['New York', 'nyc'],
        ['York', 'york'],
      ],
    ],
    ['partial longer alias does not block', 'Islamic Republic of Iraq and Iran', [['Iran', 'iran']]],
  ])('%s', (_case, text, expected) => {
    expect(run(aliases, text).map((s) => [s.text, s.entityId])).toEqual(expected);
  });
});

describe('ambiguity and ties', () => {
  test.each([
    [
      'one alias, several entities: sorted by entity id',
      [
        { text: 'Georgia', entityId: 'Q230' },
        { text: 'Georgia', entityId: 'Q1428' },
      ],
      ['Q1428', 'Q230'],
    ],
    [
      'lower priority number first',
      [
        { text: 'Georgia', entityId: 'Q1428', priority: 2 },
        { text: 'Georgia', entityId: 'Q230', priority: 1 },
      ],
      ['Q230', 'Q1428'],
    ],
    [
      'exact key beats skeleton key',
      [
        { text: 'Mohammed', entityId: 'a-skeleton', fuzzy: true },
        { text: 'Muhammad', entityId: 'z-exact' },
      ],
      ['z-exact', 'a-skeleton'],
    ],
    [
      'an entity named twice is one candidate',
      [
        { text: 'Georgia', entityId: 'Q230' },
        { text: 'GEORGIA', entityId: 'Q230' },
      ],
      ['Q230'],
    ],
  ] as [string, AliasEntry[], string[]][])('%s', (_case, aliases, candidates) => {
    const text = aliases[0]!.text === 'Mohammed' ? 'Muhammad' : 'in Georgia';
    const [span] = run(aliases, text);
    expect(span?.candidates).toEqual(candidates);
    expect(span?.entityId).toBe(candidates[0]);
  });

  test('candidates only include aliases whose case rule holds', () => {
    const spans = run(
      [
        { text: 'US', entityId: 'usa' },
        { text: 'Us', entityId: 'us-magazine' },
      ],
      'Us Weekly',
    );
    expect(spans).toEqual([{ text: 'Us', entityId: 'us-magazine', candidates: ['us-magazine'] }]);
  });

  test('aliasIndex points at the winning input alias, also for skipped aliases', () => {
    const m = compileMatcher([
      { text: '—', entityId: 'x' },
      { text: 'Iran', entityId: 'iran' },
    ]);
    expect(matchText(m, 'Iran')[0]?.aliasIndex).toBe(1);
  });

  test('deterministic: same result whatever the input order', () => {
    const aliases: AliasEntry[] = [
      { text: 'Georgia', entityId: 'b' },
      { text: 'Georgia', entityId: 'a' },
      { text: 'Georgia', entityId: 'c', priority: -1 },
    ];
    const forward = run(aliases, 'Georgia');
    expect(run([...aliases].reverse(), 'Georgia')).toEqual(forward);
    expect(forward[0]?.candidates).toEqual(['c', 'a', 'b']);
  });
});
