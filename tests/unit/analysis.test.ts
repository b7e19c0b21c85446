import { expect, test } from 'vitest';
import { analyzeArticle } from '../../lib/analysis/analyze-article';
import { classifyUrl } from '../../lib/analysis/supported-url';
import { createMatcher } from '../../lib/entities/match';
import type { Entity } from '../../lib/entities/types';

const entities: Entity[] = [
  { id: 'iran', name: 'Iran', type: 'place', aliases: ['Iranian'] },
  { id: 'icrc', name: 'International Committee of the Red Cross', type: 'organization', aliases: ['ICRC'] },
];
const byId = new Map(entities.map((e) => [e.id, e]));

test('analyzeArticle counts mentions per actor and types each span', () => {
  const { spans, actors } = analyzeArticle(['Iran and the ICRC.', 'Iranian officials'], createMatcher(entities), byId);
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
