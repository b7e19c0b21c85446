import { describe, expect, test } from 'vitest';
import { containsDate } from '../../../lib/article/date-text';
import { cleanByline, toIsoDate } from '../../../lib/article/metadata';
import { stripSiteName } from '../../../lib/article/page-title';
import { describeUrl, isDocsHost } from '../../../lib/article/url-shape';

describe('describeUrl', () => {
  test.each([
    ['https://example.org/', { isHome: true, nonArticleSection: false }],
    ['https://example.org/2024/05/floods-return-to-the-valley/', { datedPath: true, slugWords: 5 }],
    ['https://example.org/news/floods-return-to-the-river-valley-again', { editorialSection: true, slugWords: 7 }],
    ['https://example.org/news/', { editorialSection: false }],
    ['https://shop.example/products/hiking-backpack-40l', { nonArticleSection: true }],
    ['https://example.org/find?q=floods', { nonArticleSection: true, isHome: false }],
    ['https://example.org/forum/thread-123', { nonArticleSection: true }],
    ['not a url', { isHome: false, slugWords: 0 }],
  ])('%s', (url, expected) => {
    expect(describeUrl(url)).toMatchObject(expected);
  });
});

describe('containsDate', () => {
  test.each([
    ['Published March 5, 2024', true],
    ['5 mars 2024', true],
    ['2024-03-05T10:00', true],
    ['05.03.2024 | 10:12', true],
    ['2013年8月3日', true],
    ['12 de marzo de 2024', true],
    ['Top 10 tips for 2024', false],
    ['Call 555-1234 today', false],
  ])('%s -> %s', (text, expected) => {
    expect(containsDate(text)).toBe(expected);
  });
});

describe('metadata helpers', () => {
  test.each([
    ['2024-09-15T20:09:00+03:30', '2024-09-15T16:39:00.000Z'],
    ['  ', null],
    ['sometime last week', 'sometime last week'],
  ])('toIsoDate(%j)', (raw, expected) => {
    expect(toIsoDate(raw)).toBe(expected);
  });

  test.each([
    ['By Jane Doe', 'Jane Doe'],
    ['by: John Smith, ', 'John Smith'],
    ['https://facebook.com/someone', null],
    ['x'.repeat(150), null],
  ])('cleanByline(%j)', (raw, expected) => {
    expect(cleanByline(raw)).toBe(expected);
  });

  test.each([
    ['Floods return - Daily News', 'Daily News', 'Floods return'],
    ['Daily News | Floods return to the valley', 'Daily News', 'Floods return to the valley'],
    ['Floods return to the valley | DN', null, 'Floods return to the valley'],
    ['Obama – the untold story', null, 'Obama – the untold story'],
    ['Plain headline', 'Daily News', 'Plain headline'],
    // The site name compared without spaces, punctuation and symbols, in any script.
    ['Aktuálně.cz – Vláda schválila rozpočet na příští rok', 'Aktuálně', 'Vláda schválila rozpočet na příští rok'],
    ['Московский Комсомолец | Новости дня', 'МК: Московский комсомолец', 'Новости дня'],
    ['人民日报 — 两国举行会谈', '人民日报', '两国举行会谈'],
    ['Talks resume in Vienna after a long pause · O’Reilly™ News', 'OReilly News', 'Talks resume in Vienna after a long pause'],
  ])('stripSiteName(%j)', (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected);
  });
});

describe('isDocsHost', () => {
  test.each([
    ['https://docs.github.com/en/actions', true],
    ['https://developer.mozilla.org/en-US/docs/Web', true],
    ['https://help.example.com/a', true],
    ['https://www.tehrantimes.com/news/1', false],
    ['https://documentary.example.org/x', false],
    ['not a url', false],
    [null, false],
  ] as const)('%s -> %s', (url, expected) => {
    expect(isDocsHost(url)).toBe(expected);
  });
});
