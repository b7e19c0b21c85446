import { expect, test } from 'vitest';
import { snippetParts } from '../../../lib/dashboard/snippet-parts';

const snippet = (text: string, marks: [number, number][]) => ({ text, marks, cutStart: false, cutEnd: false });

test.each([
  ['no marks', snippet('Caspian navies', []), [['Caspian navies', false]]],
  [
    'one mark inside',
    snippet('Admiral Sayyari said', [[8, 15]]),
    [
      ['Admiral ', false],
      ['Sayyari', true],
      [' said', false],
    ],
  ],
  [
    'marks at both ends, unsorted',
    snippet('Sayyari and Sayyari', [
      [12, 19],
      [0, 7],
    ]),
    [
      ['Sayyari', true],
      [' and ', false],
      ['Sayyari', true],
    ],
  ],
  [
    'overlapping and out-of-range marks are clipped',
    snippet('abcdef', [
      [1, 4],
      [2, 5],
      [4, 99],
    ]),
    [
      ['a', false],
      ['bcd', true],
      ['e', true],
      ['f', true],
    ],
  ],
])('%s', (_name, input, expected) => {
  const parts = snippetParts(input);
  expect(parts.map((p) => [p.text, p.marked])).toEqual(expected);
  expect(parts.map((p) => p.text).join('')).toBe(input.text);
});
