import { describe, expect, test } from 'vitest';
import { canonicalUrl, isAmpUrl, normalizeUrl, registrableDomain, urlKey } from '../../../lib/memory/canonical-url';

describe('normalizeUrl', () => {
  test.each([
    ['https://Example.COM/a/b', 'https://example.com/a/b'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['http://example.com:8080/a', 'http://example.com:8080/a'],
    ['https://example.com./a', 'https://example.com/a'],
    ['https://example.com/a#comments', 'https://example.com/a'],
    ['https://example.com/#!/story/12', 'https://example.com/#!/story/12'],
    ['https://example.com/a?utm_source=tw&utm_medium=social&UTM_Campaign=x', 'https://example.com/a'],
    ['https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=home&spm=a.b&ocid=x&smid=nytcore', 'https://example.com/a'],
    ['https://example.com/a?id=7&utm_source=x&page=2', 'https://example.com/a?id=7&page=2'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['https://example.com/news/index.html', 'https://example.com/news/'],
    ['https://example.com/index.php', 'https://example.com/'],
    ['https://example.com/news/indexes.html', 'https://example.com/news/indexes.html'],
    ['https://user:pw@example.com/a', 'https://example.com/a'],
    ['  https://example.com/a  ', 'https://example.com/a'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  test.each(['ftp://example.com/a', 'javascript:alert(1)', 'not a url', '', 'about:blank', 'file:///etc/passwd'])(
    'refuses %j',
    (input) => {
      expect(normalizeUrl(input)).toBeNull();
    },
  );
});

describe('urlKey', () => {
  test.each([
    ['https://www.bbc.com/news/x', 'http://bbc.com/news/x/'],
    ['https://m.bbc.com/news/x', 'https://www.bbc.com/news/x?utm_source=email'],
    ['https://amp.theguardian.com/world/x', 'https://www.theguardian.com/world/x#img-1'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2&fbclid=zz'],
    ['https://example.com/', 'https://example.com'],
    ['https://www2.example.com/a/index.html', 'https://example.com/a/'],
  ])('%s is the same article as %s', (a, b) => {
    expect(urlKey(a)).toBe(urlKey(b));
  });

  test.each([
    ['https://example.com/a', 'https://example.com/A'],
    ['https://example.com/a?id=1', 'https://example.com/a?id=2'],
    ['https://news.example.com/a', 'https://example.com/a'],
    ['https://example.com/a', 'https://example.org/a'],
  ])('%s is not %s', (a, b) => {
    expect(urlKey(a)).not.toBe(urlKey(b));
  });
});

test.each([
  ['edition.cnn.com', 'cnn.com'],
  ['www.bbc.co.uk', 'bbc.co.uk'],
  ['news.abc.net.au', 'abc.net.au'],
  ['example.com', 'example.com'],
  ['127.0.0.1', '127.0.0.1'],
  ['www.lemonde.fr', 'lemonde.fr'],
])('registrableDomain(%s) = %s', (host, domain) => {
  expect(registrableDomain(host)).toBe(domain);
});

test.each([
  ['https://www-reuters-com.cdn.ampproject.org/c/s/www.reuters.com/x', true],
  ['https://amp.theguardian.com/world/x', true],
  ['https://example.com/news/x/amp', true],
  ['https://example.com/news/x/amp/', true],
  ['https://example.com/news/x?amp=1', true],
  ['https://example.com/news/x?outputType=amp', true],
  ['https://www.google.com/amp/s/example.com/x', true],
  ['https://example.com/news/ampere-record', false],
  ['https://example.com/news/x', false],
])('isAmpUrl(%s) = %s', (url, amp) => {
  expect(isAmpUrl(new URL(url))).toBe(amp);
});

describe('canonicalUrl', () => {
  const page = 'https://www.example.com/world/2025/05/story-slug?utm_source=newsletter#top';
  test.each<[string, string, (string | null)[], string | null]>([
    ['no declaration: the page itself, cleaned', page, [], 'https://www.example.com/world/2025/05/story-slug'],
    ['same-site canonical wins', page, ['https://www.example.com/world/story-slug'], 'https://www.example.com/world/story-slug'],
    ['relative canonical resolved', page, ['/world/story-slug'], 'https://www.example.com/world/story-slug'],
    ['canonical on another subdomain of the site', page, ['https://news.example.com/x'], 'https://news.example.com/x'],
    ['canonical is cleaned too', page, ['https://www.example.com/x?utm_campaign=a&id=1'], 'https://www.example.com/x?id=1'],
    [
      'home-page canonical (CMS default) ignored',
      page,
      ['https://www.example.com/'],
      'https://www.example.com/world/2025/05/story-slug',
    ],
    ['other-site canonical ignored', page, ['https://partner.org/story'], 'https://www.example.com/world/2025/05/story-slug'],
    ['og:url used when rel=canonical is missing', page, [null, 'https://www.example.com/og'], 'https://www.example.com/og'],
    [
      'rel=canonical preferred to og:url',
      page,
      ['https://www.example.com/c', 'https://www.example.com/og'],
      'https://www.example.com/c',
    ],
    [
      'bad canonical skipped for og:url',
      page,
      ['javascript:void(0)', 'https://www.example.com/og'],
      'https://www.example.com/og',
    ],
    [
      'AMP cache page: cross-site canonical followed',
      'https://www-reuters-com.cdn.ampproject.org/c/s/www.reuters.com/world/x',
      ['https://www.reuters.com/world/x/'],
      'https://www.reuters.com/world/x/',
    ],
    ['AMP path page', 'https://example.com/x/amp', ['https://example.com/x'], 'https://example.com/x'],
    ['home page keeps its home canonical', 'https://www.example.com/', ['https://www.example.com/'], 'https://www.example.com/'],
    ['non-http page', 'chrome://newtab', ['https://example.com/x'], null],
  ])('%s', (_name, url, declared, expected) => {
    expect(canonicalUrl(url, declared)).toBe(expected);
  });
});
