import { describe, expect, test } from 'vitest';
import { createMatcher, foldWord } from '../../../lib/entities/match';
import { STARTER_ENTITIES } from '../../../lib/entities/starter';
import type { Entity } from '../../../lib/entities/types';

const ENTITIES: Entity[] = [
  { id: 'iran', name: 'Iran', type: 'place', aliases: ['Iranian', 'Islamic Republic of Iran'] },
  { id: 'russia', name: 'Russia', type: 'place', aliases: ['Russian Federation', 'Russian'] },
  { id: 'army', name: 'Islamic Republic of Iran Army', type: 'organization', aliases: ['Iranian Army'] },
  { id: 'instc', name: 'North-South Corridor', type: 'place', aliases: [] },
  { id: 'tehran', name: 'Tehran', type: 'place', aliases: [] },
  { id: 'china', name: 'China', type: 'place', aliases: [] },
];
const matcher = createMatcher(ENTITIES);

function found(text: string): [string, string][] {
  return matcher.match([text]).map((s) => [text.slice(s.start, s.end), s.entityId]);
}

describe('createMatcher', () => {
  test.each([
    [
      'Iran and Russia',
      [
        ['Iran', 'iran'],
        ['Russia', 'russia'],
      ],
    ],
    ['the Iranian Army said', [['Iranian Army', 'army']]],
    ['of the Russian Federation,', [['Russian Federation', 'russia']]],
    [
      "Iran’s navy and Iran's army",
      [
        ['Iran', 'iran'],
        ['Iran', 'iran'],
      ],
    ],
    ['the North-South Corridor', [['North-South Corridor', 'instc']]],
    ['the North–South Corridor (en dash)', [['North–South Corridor', 'instc']]],
    ['Tehrán, in accents', [['Tehrán', 'tehran']]],
    ['fine china and Chinatown', []],
    ['Iranians', []],
    ['Iranian', [['Iranian', 'iran']]],
    ['IRAN', [['IRAN', 'iran']]],
  ] as const)('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test('longest match wins and matches never overlap', () => {
    const spans = matcher.match(['Islamic Republic of Iran Army units']);
    expect(spans).toEqual([{ block: 0, start: 0, end: 29, entityId: 'army' }]);
  });

  test('reports the block each span is in', () => {
    expect(matcher.match(['Iran', 'nothing', 'China']).map((s) => s.block)).toEqual([0, 2]);
  });

  test('foldWord strips case and diacritics', () => {
    expect(foldWord('Tehrán')).toBe('tehran');
    expect(foldWord('ÇANKAYA')).toBe('cankaya');
  });
});

describe('starter list', () => {
  test('ids are unique and every entity has a name', () => {
    const ids = STARTER_ENTITIES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of STARTER_ENTITIES) expect(e.name.trim()).toBe(e.name);
  });

  test('no alias names two starter entities', () => {
    const owner = new Map<string, string>();
    for (const e of STARTER_ENTITIES) {
      for (const alias of [e.name, ...e.aliases]) {
        const key = alias.toLowerCase();
        expect(owner.get(key) ?? e.id, `${alias} is claimed twice`).toBe(e.id);
        owner.set(key, e.id);
      }
    }
  });

  test('covers the seed stories', () => {
    const m = createMatcher(STARTER_ENTITIES);
    const text =
      'Iranian Army, Russian Federation, Xiangshan Security Forum, Beijing, Caspian Sea, International Committee of the Red Cross';
    expect(m.match([text]).map((s) => text.slice(s.start, s.end))).toEqual([
      'Iranian Army',
      'Russian Federation',
      'Xiangshan Security Forum',
      'Beijing',
      'Caspian Sea',
      'International Committee of the Red Cross',
    ]);
  });
});
