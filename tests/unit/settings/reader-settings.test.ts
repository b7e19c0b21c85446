import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS, isHighlightingOn, readSettings, siteOf, withSite } from '../../../lib/settings/reader-settings';

test.each([
  ['https://www.tehrantimes.com/news/1', 'tehrantimes.com'],
  ['http://127.0.0.1:8080/a.html', '127.0.0.1'],
  ['https://news.example.org/x?y#z', 'news.example.org'],
  ['chrome://extensions', null],
  ['not a url', null],
])('siteOf(%s) is %s', (url, site) => {
  expect(siteOf(url)).toBe(site);
});

test('a site switched off stays off there only, and back on', () => {
  const off = withSite(DEFAULT_SETTINGS, 'https://www.tehrantimes.com/a', false);
  expect(off.disabledSites).toEqual(['tehrantimes.com']);
  expect(isHighlightingOn(off, 'https://tehrantimes.com/b')).toBe(false);
  expect(isHighlightingOn(off, 'https://example.com/b')).toBe(true);
  expect(withSite(off, 'https://tehrantimes.com/c', true).disabledSites).toEqual([]);
  expect(withSite(off, 'https://tehrantimes.com/c', false).disabledSites).toEqual(['tehrantimes.com']);
});

test('the global switch wins over every site', () => {
  expect(isHighlightingOn({ ...DEFAULT_SETTINGS, enabled: false }, 'https://example.com/')).toBe(false);
});

test.each([
  ['nothing stored', undefined, DEFAULT_SETTINGS],
  ['a string', 'on', DEFAULT_SETTINGS],
  [
    'bad fields fall back one by one',
    { enabled: 'yes', disabledSites: ['a.com', 3, 'a.com'], hiddenTypes: ['place', 'robot'], highlightStyle: 'neon' },
    { ...DEFAULT_SETTINGS, disabledSites: ['a.com'], hiddenTypes: ['place'] },
  ],
  [
    'good values are kept, types in their fixed order',
    { enabled: false, disabledSites: [], hiddenTypes: ['place', 'person'], highlightStyle: 'tint' },
    { enabled: false, disabledSites: [], hiddenTypes: ['person', 'place'], highlightStyle: 'tint' },
  ],
])('readSettings: %s', (_label, value, expected) => {
  expect(readSettings(value)).toEqual(expected);
});
