/** What the popup announces: once per new result, and the outcome of the reader's actions. */
import { expect, test } from 'vitest';
import type { Actor, TabAnalysis } from '../../../lib/messaging/protocol';
import { announceAction, announceAnalysis } from '../../../entrypoints/popup/announce';

const fomin: Actor = { entityId: 'd:fomin', name: 'Alexander Fomin', type: 'person', mentions: 2, discovered: true };
const base: TabAnalysis = {
  status: 'pending',
  url: 'https://x.test/a',
  title: 'A',
  forced: false,
  meta: null,
  actors: [],
  topics: [],
};
const article: TabAnalysis = { ...base, status: 'article', actors: [fomin] };

test.each([
  ['the first result', null, article, 'Actors found: 1'],
  ['a result after the skeleton', base, article, 'Actors found: 1'],
  ['“Analyze anyway” done', { ...base, status: 'not-article' }, { ...article, forced: true }, 'Actors found: 1'],
  ['a live re-analysis of the same article', article, { ...article, actors: [] }, null],
  ['a page that is not an article', null, { ...base, status: 'not-article' }, null],
  ['still pending', null, base, null],
] as const)('%s', (_label, previous, next, expected) => {
  expect(announceAnalysis(previous as TabAnalysis | null, next as TabAnalysis)).toBe(expected);
});

test.each([
  [{ kind: 'promote', actor: fomin }, 'Kept Alexander Fomin.'],
  [{ kind: 'reject', actor: fomin }, 'Rejected Alexander Fomin.'],
  [{ kind: 'edit', actor: fomin, name: 'Aleksandr Fomin', type: 'person' }, 'Corrected to Aleksandr Fomin.'],
  [{ kind: 'merge', actor: fomin, intoId: 'x' }, 'Merged Alexander Fomin.'],
] as const)('%o is announced as %j', (action, expected) => {
  expect(announceAction(action)).toBe(expected);
});
