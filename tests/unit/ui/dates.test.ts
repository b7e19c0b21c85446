import { expect, test } from 'vitest';
import { dayFormat, formatDay } from '../../../lib/ui/dates';

test('a date is written as the locale writes a medium date, the raw text when it is not one', () => {
  expect(formatDay('2026-11-28T10:00:00Z', 'en-US')).toBe('Nov 28, 2026');
  expect(formatDay(Date.UTC(2026, 10, 28, 10), 'de')).toBe('28.11.2026');
  expect(formatDay('not a date', 'en-US')).toBe('not a date');
});

test('one formatter per locale is made and reused', () => {
  const english = dayFormat('en-US');
  expect(dayFormat('en-US')).toBe(english);
  expect(dayFormat('fr')).not.toBe(english);
  expect(dayFormat('fr').resolvedOptions().locale).toBe('fr');
  // The browser's own locale is a locale of its own.
  expect(dayFormat()).toBe(dayFormat(undefined));
});
