import { expect, test } from 'vitest';
import { analyzeArticle } from '../../lib/analysis/analyze-article';
import { classifyUrl } from '../../lib/analysis/supported-url';
import { surnameOf } from '../../lib/analysis/short-names';
import type { Entity } from '../../lib/entities/types';
import { createKbMatcher } from '../../lib/matcher';

const entities: Entity[] = [
  { id: 'iran', name: 'Iran', type: 'place', aliases: ['Iranian'], country: 'IR' },
  { id: 'tehran', name: 'Tehran', type: 'place', aliases: [], country: 'IR' },
  { id: 'icrc', name: 'International Committee of the Red Cross', type: 'organization', aliases: ['ICRC'] },
  { id: 'sayyari', name: 'Habibollah Sayyari', type: 'person', aliases: [], country: 'IR' },
  { id: 'fomin', name: 'Alexander Fomin', type: 'person', aliases: [] },
  { id: 'georgia', name: 'Georgia', type: 'place', aliases: [], country: 'GE' },
  { id: 'tbilisi', name: 'Tbilisi', type: 'place', aliases: [], country: 'GE' },
  { id: 'us-ga', name: 'Georgia', type: 'place', aliases: ['State of Georgia'], country: 'US' },
  { id: 'atlanta', name: 'Atlanta', type: 'place', aliases: [], country: 'US' },
];
const byId = new Map(entities.map((e) => [e.id, e]));
const matcher = createKbMatcher(entities);

function named(blocks: string[]): [string, string, boolean][] {
  return analyzeArticle(blocks, matcher, byId).spans.map((s) => [
    blocks[s.block]!.slice(s.start, s.end),
    s.entityId,
    !!s.ambiguous,
  ]);
}

test('counts mentions per actor and types each span', () => {
  const { spans, actors } = analyzeArticle(['Iran and the ICRC.', 'Iranian officials'], matcher, byId);
  expect(actors).toEqual([
    { entityId: 'iran', name: 'Iran', type: 'place', mentions: 2 },
    { entityId: 'icrc', name: 'International Committee of the Red Cross', type: 'organization', mentions: 1 },
  ]);
  expect(spans.map((s) => [s.block, s.start, s.end, s.type])).toEqual([
    [0, 0, 4, 'place'],
    [0, 13, 17, 'organization'],
    [1, 0, 7, 'place'],
  ]);
});

test.each([
  [
    'a transliterated full name, then the surname',
    ['Rear Admiral Habibullah Sayyari spoke.', 'Rear Admiral Sayyari said so.'],
    [
      ['Habibullah Sayyari', 'sayyari', false],
      ['Sayyari', 'sayyari', false],
    ],
  ],
  [
    'the surname before the full name, in the same article',
    ['Sayyari in Beijing', 'Habibollah Sayyari, deputy chief'],
    [
      ['Sayyari', 'sayyari', false],
      ['Habibollah Sayyari', 'sayyari', false],
    ],
  ],
  ['a surname alone names nobody', ['Sayyari said so.'], []],
  [
    'a shared name settled by the article',
    ['Georgia and its capital Tbilisi'],
    [
      ['Georgia', 'georgia', false],
      ['Tbilisi', 'tbilisi', false],
    ],
  ],
  [
    'the other reading settled the other way',
    ['Atlanta, Georgia'],
    [
      ['Atlanta', 'atlanta', false],
      ['Georgia', 'us-ga', false],
    ],
  ],
  ['an unsettled shared name stays ambiguous', ['Georgia voted.'], [['Georgia', 'georgia', true]]],
] as const)('%s', (_label, blocks, expected) => {
  expect(named([...blocks])).toEqual(expected);
});

test('ambiguous mentions are not counted as actors', () => {
  expect(analyzeArticle(['Georgia voted.'], matcher, byId).actors).toEqual([]);
});

test.each([
  ['Habibollah Sayyari', 'Sayyari'],
  ['Alexander Fomin', 'Fomin'],
  ['Iran', null],
  ['Xi', null],
  ['Jean-Claude van Damme', 'Damme'],
])('surnameOf(%s) is %s', (name, expected) => {
  expect(surnameOf(name)).toBe(expected);
});

test.each([
  ['https://www.tehrantimes.com/news/1', 'supported'],
  ['http://127.0.0.1:8080/a.html', 'supported'],
  ['chrome://extensions', 'unsupported'],
  ['about:debugging', 'unsupported'],
  ['https://chromewebstore.google.com/detail/x', 'unsupported'],
  ['https://chrome.google.com/webstore/detail/x', 'unsupported'],
  ['https://addons.mozilla.org/en-US/firefox/', 'unsupported'],
  ['file:///tmp/a.html', 'unsupported'],
  ['not a url', 'unsupported'],
])('classifyUrl(%s) is %s', (url, expected) => {
  expect(classifyUrl(url)).toBe(expected);
});
