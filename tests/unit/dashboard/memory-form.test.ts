import { expect, test } from 'vitest';
import { readRetention, readSites, siteHost } from '../../../lib/dashboard/memory-form';

test.each([
  ['all', '', { ok: true, value: { kind: 'all' } }],
  ['all', 'junk', { ok: true, value: { kind: 'all' } }],
  ['days', '30', { ok: true, value: { kind: 'days', days: 30 } }],
  ['days', ' 7 ', { ok: true, value: { kind: 'days', days: 7 } }],
  ['count', '5000', { ok: true, value: { kind: 'count', count: 5000 } }],
  ['days', '', { ok: false, error: 'number' }],
  ['days', '1.5', { ok: false, error: 'number' }],
  ['days', '-3', { ok: false, error: 'number' }],
  ['count', 'ten', { ok: false, error: 'number' }],
  ['count', '0', { ok: false, error: 'range' }],
  ['days', '36501', { ok: false, error: 'range' }],
  ['count', '1000001', { ok: false, error: 'range' }],
] as const)('readRetention(%s, %j)', (kind, amount, expected) => {
  expect(readRetention(kind, amount)).toEqual(expected);
});

test.each([
  ['example.com', 'example.com'],
  ['https://www.Example.com/news/1?x=2', 'example.com'],
  ['news.example.co.uk:8080', 'news.example.co.uk'],
  ['localhost', 'localhost'],
  ['not a site', null],
  ['exa_mple.com', null],
  ['', null],
])('siteHost(%j)', (entry, host) => {
  expect(siteHost(entry)).toBe(host);
});

test('readSites: one per line or comma-separated, deduplicated; the first bad entry named', () => {
  expect(readSites('example.com\n\nwww.example.com, news.site\n')).toEqual({ ok: true, value: ['example.com', 'news.site'] });
  expect(readSites('')).toEqual({ ok: true, value: [] });
  expect(readSites('ok.com\nbad site\n')).toEqual({ ok: false, error: 'site', detail: 'bad site' });
});
