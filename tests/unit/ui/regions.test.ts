import { expect, test } from 'vitest';
import { regionName } from '../../../lib/ui/regions';

test('a country is named in the reader’s language, from its code in either case', () => {
  expect(regionName('IR', 'en')).toBe('Iran');
  expect(regionName('ir', 'en')).toBe('Iran');
  expect(regionName('RU', 'ru')).toBe('Россия');
  expect(regionName('CH', 'de')).toBe('Schweiz');
});

test('a code that names no country, or is no code at all, is shown as it is', () => {
  expect(regionName('XX', 'en')).toBe('XX');
  expect(regionName('not a code', 'en')).toBe('not a code');
  expect(regionName('IR', 'not a locale!')).toBe('IR');
});
