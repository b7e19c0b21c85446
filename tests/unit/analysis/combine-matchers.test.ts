import { expect, test } from 'vitest';
import { combineMatchers, type CandidateMatcher } from '../../../lib/analysis/combine-matchers';
import type { Candidate } from '../../../lib/analysis/disambiguate';

const fixed = (spans: Candidate[]): CandidateMatcher => ({
  match: () => spans.map((s) => ({ ...s, candidates: [...s.candidates] })),
});
const span = (block: number, start: number, end: number, ...candidates: string[]): Candidate => ({
  block,
  start,
  end,
  candidates,
});

test.each([
  [
    'disjoint spans are all kept, in order',
    [span(0, 10, 14, 'b')],
    [span(0, 0, 4, 'a')],
    [span(0, 0, 4, 'a'), span(0, 10, 14, 'b')],
  ],
  [
    'the same span offers both matchers’ candidates, base first',
    [span(0, 0, 4, 'a')],
    [span(0, 0, 4, 'x', 'a')],
    [span(0, 0, 4, 'a', 'x')],
  ],
  ['the longer of two spans at one start wins', [span(0, 0, 4, 'a')], [span(0, 0, 9, 'x')], [span(0, 0, 9, 'x')]],
  ['the leftmost of two overlapping spans wins', [span(0, 3, 9, 'a')], [span(0, 0, 5, 'x')], [span(0, 0, 5, 'x')]],
  [
    'spans in different blocks never collide',
    [span(1, 0, 4, 'a')],
    [span(0, 0, 4, 'x')],
    [span(0, 0, 4, 'x'), span(1, 0, 4, 'a')],
  ],
])('%s', (_label, base, learned, expected) => {
  expect(combineMatchers(fixed(base), fixed(learned)).match([])).toEqual(expected);
});
