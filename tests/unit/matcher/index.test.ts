import { describe, expect, test } from 'vitest';
import type { Entity } from '../../../lib/entities/types';
import { compileMatcher, createKbMatcher, aliasesOf } from '../../../lib/matcher';

const ENTITIES: Entity[] = [
  { id: 'iran', name: 'Iran', type: 'place', aliases: ['ایران'] },
  { id: 'zarif', name: 'Mohammad Javad Zarif', type: 'person', aliases: ['Zarif'] },
  { id: 'ga-country', name: 'Georgia', type: 'place', aliases: [] },
  { id: 'ga-state', name: 'Georgia', type: 'place', aliases: [] },
];

describe('createKbMatcher keeps the Matcher shape', () => {
  test.each([
    ['from entities', createKbMatcher(ENTITIES)],
    ['from a compiled matcher', createKbMatcher(compileMatcher(aliasesOf(ENTITIES)))],
  ])('%s', (_source, matcher) => {
    const spans = matcher.match(['Muhammad Javad Zarif in Iran', 'nothing', 'Georgia']);
    expect(spans.map(({ block, start, end, entityId, fuzzy }) => ({ block, start, end, entityId, fuzzy }))).toEqual([
      { block: 0, start: 0, end: 20, entityId: 'zarif', fuzzy: true },
      { block: 0, start: 24, end: 28, entityId: 'iran', fuzzy: false },
      { block: 2, start: 0, end: 7, entityId: 'ga-country', fuzzy: false },
    ]);
    expect(spans[2]?.candidates).toEqual(['ga-country', 'ga-state']);
  });

  test.each([
    ['person names are fuzzy', 'zarif', true],
    ['places are not', 'iran', false],
  ])('%s', (_case, id, fuzzy) => {
    expect([...aliasesOf(ENTITIES)].filter((a) => a.entityId === id).every((a) => a.fuzzy === fuzzy)).toBe(true);
  });
});
