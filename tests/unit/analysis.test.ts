import { describe, expect, test } from 'vitest';
import { analyzeArticle } from '../../lib/analysis/analyze-article';
import { combineMatchers } from '../../lib/analysis/combine-matchers';
import { learnedIdOf } from '../../lib/entities/repo';
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

/** The knowledge base's spans (discovery's are tested below and in tests/unit/discovery). */
function named(blocks: string[]): [string, string, boolean][] {
  return analyzeArticle(blocks, matcher, byId)
    .spans.filter((s) => !s.discovered)
    .map((s) => [blocks[s.block]!.slice(s.start, s.end), s.entityId, !!s.ambiguous]);
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

describe('with discovery', () => {
  const small: Entity[] = entities.filter((e) => ['iran', 'tehran', 'icrc'].includes(e.id));
  small.push({ id: 'china', name: 'China', type: 'place', aliases: ['Chinese'], country: 'CN' });
  const smallById = new Map(small.map((e) => [e.id, e]));
  const smallMatcher = createKbMatcher(small);
  const text = [
    'Iranian Navy chief meets Red Cross official',
    'Rear Admiral Habibollah Sayyari met Gilles Carbonnier of the ICRC in Tehran on Monday.',
    'Carbonnier said the Bank of China would help. Sayyari agreed.',
  ];

  test('names nobody listed become discovered actors, surnames included, under the ids learning uses', () => {
    const { spans, actors, learned } = analyzeArticle(text, smallMatcher, smallById);
    const carbonnier = actors.find((a) => a.name === 'Gilles Carbonnier');
    expect(carbonnier).toMatchObject({
      entityId: learnedIdOf('Gilles Carbonnier'),
      type: 'person',
      mentions: 2,
      discovered: true,
    });
    expect(actors.find((a) => a.name === 'Habibollah Sayyari')).toMatchObject({ type: 'person', mentions: 2, discovered: true });
    expect(actors.find((a) => a.name === 'Tehran')).not.toHaveProperty('discovered');
    const surfaces = spans.filter((s) => s.entityId === carbonnier!.entityId).map((s) => text[s.block]!.slice(s.start, s.end));
    expect(surfaces).toEqual(['Gilles Carbonnier', 'Carbonnier']);
    expect(spans.filter((s) => s.discovered).every((s) => s.entityId.startsWith('discovered:'))).toBe(true);
    expect(learned.map((l) => l.name)).toEqual(expect.arrayContaining(['Habibollah Sayyari', 'Gilles Carbonnier']));
  });

  test('a discovered name that contains a known one is the fuller name', () => {
    const { spans } = analyzeArticle(text, smallMatcher, smallById);
    const inBlock2 = spans.filter((s) => s.block === 2).map((s) => text[2]!.slice(s.start, s.end));
    expect(inBlock2).toContain('Bank of China');
    expect(inBlock2).not.toContain('China');
  });

  test('a suppressed name is never proposed, nor its surname', () => {
    const { actors, spans } = analyzeArticle(text, smallMatcher, smallById, { isSuppressed: (n) => /carbonnier/i.test(n) });
    expect(actors.map((a) => a.name)).not.toContain('Gilles Carbonnier');
    expect(spans.some((s) => text[s.block]!.slice(s.start, s.end).includes('Carbonnier'))).toBe(false);
  });

  test('a learned name is matched as known and keeps its discovered mark until the reader keeps it', () => {
    const sayyari: Entity = {
      id: learnedIdOf('Habibollah Sayyari'),
      name: 'Habibollah Sayyari',
      type: 'person',
      aliases: [],
      source: { kind: 'discovered' },
    };
    const withLearned = new Map([...smallById, [sayyari.id, sayyari]]);
    const m = combineMatchers(smallMatcher, createKbMatcher([sayyari]));
    const { spans, actors } = analyzeArticle(['Habibullah Sayyari visited Tehran. Sayyari spoke.'], m, withLearned);
    expect(actors.find((a) => a.entityId === sayyari.id)).toMatchObject({
      name: 'Habibollah Sayyari',
      mentions: 2,
      discovered: true,
    });
    expect(spans.filter((s) => s.entityId === sayyari.id).every((s) => s.discovered)).toBe(true);
  });

  test('every article gets topics with the terms behind them', () => {
    const { topics } = analyzeArticle(
      [
        'The ICRC delivered humanitarian aid to refugees after the earthquake; relief convoys and humanitarian workers reached the displaced.',
      ],
      smallMatcher,
      smallById,
    );
    expect(topics[0]).toMatchObject({ label: 'humanitarian aid' });
    expect(topics[0]!.terms.length).toBeGreaterThan(0);
  });

  test('a reader topic that matched is always shown, with its terms, however many built-in topics rank', () => {
    const long = [
      'Troops and warships held joint military exercises; sanctions and trade talks, elections, refugees and humanitarian aid, oil and gas, the earthquake relief, nuclear talks and cyber attacks were discussed.',
      'A drone struck; drones were seen.',
    ];
    const custom = [{ id: 'user-drones', label: 'Drones', keywords: ['drone'] }];
    const { topics } = analyzeArticle(long, smallMatcher, smallById, { customTopics: custom });
    expect(topics.find((t) => t.custom)).toMatchObject({ id: 'user-drones', label: 'Drones', terms: ['drone'] });
    expect(topics.filter((t) => !t.custom).length).toBeLessThanOrEqual(6);
  });
});

test('a live page’s updates, then another article: each reading’s surnames are its own people’s', () => {
  const live = ['Habibollah Sayyari spoke.', 'Sayyari said so.'];
  expect(named(live)).toEqual([
    ['Habibollah Sayyari', 'sayyari', false],
    ['Sayyari', 'sayyari', false],
  ]);
  expect(named([...live, 'Update: Sayyari left.']).map(([text, id]) => `${text}:${id}`)).toEqual([
    'Habibollah Sayyari:sayyari',
    'Sayyari:sayyari',
    'Sayyari:sayyari',
  ]);
  // The same block read before, in an article that names someone else: not Sayyari any more.
  expect(named(['Alexander Fomin spoke.', 'Sayyari said so.', 'Fomin left.'])).toEqual([
    ['Alexander Fomin', 'fomin', false],
    ['Fomin', 'fomin', false],
  ]);
});
