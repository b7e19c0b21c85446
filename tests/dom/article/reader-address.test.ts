// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { scanPage } from '../../../lib/article/page-scan';
import { readerAddressRate } from '../../../lib/article/reader-address';

function rateOf(sentence: string, times: number): number {
  document.body.replaceChildren();
  const main = document.createElement('main');
  for (let i = 0; i < times; i++) {
    const p = document.createElement('p');
    p.textContent = sentence;
    main.append(p);
  }
  document.body.append(main);
  return readerAddressRate(scanPage(document.body).paragraphs, main);
}

test.each([
  [
    'a service page talks to its reader',
    'We help you plan your trip, and our team answers your questions whenever you need us to.',
    7,
    (100 * 7) / 17,
  ],
  [
    'a report speaks of third parties',
    'The minister said the talks would resume after the harvest, officials told reporters on Tuesday.',
    7,
    0,
  ],
])('%s', (_label, sentence, times, expected) => {
  expect(rateOf(sentence, times)).toBeCloseTo(expected, 0);
});

test('too little prose says nothing', () => {
  expect(rateOf('You and we.', 3)).toBe(0);
});
