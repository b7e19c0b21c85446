// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { extractMetadata } from '../../../lib/article';
import { readJsonLd } from '../../../lib/article/json-ld';
import { readMetaTags } from '../../../lib/article/meta-tags';

const parse = (head: string, body = ''): Document =>
  new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');
const ld = (json: string): string => `<script type="application/ld+json">${json}</script>`;

describe('readJsonLd', () => {
  test.each([
    ['single object', ld('{"@type":"NewsArticle"}'), [['NewsArticle']]],
    ['@graph', ld('{"@graph":[{"@type":"WebSite"},{"@type":"ReportageNewsArticle"}]}'), [['WebSite'], ['ReportageNewsArticle']]],
    ['top-level array', ld('[{"@type":"BlogPosting"},{"@type":"BreadcrumbList"}]'), [['BlogPosting'], ['BreadcrumbList']]],
    [
      '@type array and IRIs',
      ld('{"@type":["http://schema.org/OpinionNewsArticle","WebPage"]}'),
      [['OpinionNewsArticle', 'WebPage']],
    ],
    [
      'mainEntity',
      ld('{"@type":"WebPage","mainEntity":{"@type":"AnalysisNewsArticle"}}'),
      [['WebPage'], ['AnalysisNewsArticle']],
    ],
    ['malformed block skipped, others kept', ld('{"@type":') + ld('{"@type":"Product"}'), [['Product']]],
    [
      'charset in type attribute',
      '<script type="application/ld+json; charset=utf-8">{"@type":"Article"}</script>',
      [['Article']],
    ],
  ])('%s', (_name, head, expected) => {
    expect(readJsonLd(parse(head)).map((n) => n.types)).toEqual(expected);
  });
});

describe('readMetaTags', () => {
  test('reads property, name and itemprop keys case-insensitively, first value wins', () => {
    const tags = readMetaTags(
      parse(
        '<meta property="OG:Type" content="article"><meta property="og:type" content="website"><meta name="author" content="Jane"><meta itemprop="datePublished" content="2024-01-02">',
      ),
    );
    expect(tags.get('og:type')).toBe('article');
    expect(tags.get('author')).toBe('Jane');
    expect(tags.get('datepublished')).toBe('2024-01-02');
  });
});

describe('extractMetadata', () => {
  test.each([
    [
      'og:title over <title>',
      '<title>Floods - Daily</title><meta property="og:title" content="Floods return to the valley">',
      '',
      { title: 'Floods return to the valley' },
    ],
    [
      '<title> without the site suffix',
      '<title>Floods return to the valley - Daily News</title><meta property="og:site_name" content="Daily News">',
      '',
      { title: 'Floods return to the valley', siteName: 'Daily News' },
    ],
    ['single h1 when no og:title', '<title>Daily News</title>', '<h1>Floods return</h1>', { title: 'Floods return' }],
    [
      'byline from JSON-LD author array',
      ld('{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}]}'),
      '',
      { byline: 'Jane Doe, John Roe' },
    ],
    ['byline from rel=author', '', '<a rel="author" href="/j">By Jane Doe</a>', { byline: 'Jane Doe' }],
    ['byline from .byline', '', '<div class="byline">by Jane Doe</div>', { byline: 'Jane Doe' }],
    [
      'ISO date from article:published_time',
      '<meta property="article:published_time" content="2024-09-15T20:09:00+03:30">',
      '',
      { publishedAt: '2024-09-15T16:39:00.000Z' },
    ],
    [
      'date from time[datetime]',
      '',
      '<time datetime="2024-01-02T03:04:05Z">Jan 2</time>',
      { publishedAt: '2024-01-02T03:04:05.000Z' },
    ],
    [
      'canonical link before og:url',
      '<link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y">',
      '',
      { canonicalUrl: 'https://a.example/x', ogUrl: 'https://b.example/y' },
    ],
    [
      'og:url when no canonical',
      '<meta property="og:url" content="https://b.example/y">',
      '',
      { canonicalUrl: 'https://b.example/y', ogUrl: 'https://b.example/y' },
    ],
    ['language from og:locale', '<meta property="og:locale" content="pt_BR">', '', { language: 'pt-BR' }],
    ['nothing known', '', '', { byline: null, publishedAt: null, siteName: null, canonicalUrl: null, ogUrl: null }],
  ])('%s', (_name, head, body, expected) => {
    expect(extractMetadata(parse(head, body))).toMatchObject(expected);
  });

  test('language from <html lang>', () => {
    const doc = new DOMParser().parseFromString('<html lang="de"><body></body></html>', 'text/html');
    expect(extractMetadata(doc).language).toBe('de');
  });
});
