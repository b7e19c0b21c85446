import { describe, expect, test } from 'vitest';
import { bareTypeName, ldText, parseJsonLd } from '../../../lib/article/json-ld';

describe('parseJsonLd', () => {
  test.each([
    ['{"@type":"NewsArticle"}', { '@type': 'NewsArticle' }],
    ['<!-- {"@type":"Article"} -->', { '@type': 'Article' }],
    ['//<![CDATA[\n{"@type":"Article"}\n//]]>', { '@type': 'Article' }],
    ['{"@type": "Article",}', null],
    ['', null],
  ])('%j', (text, expected) => {
    expect(parseJsonLd(text)).toEqual(expected);
  });
});

describe('bareTypeName', () => {
  test.each([
    ['NewsArticle', 'NewsArticle'],
    ['http://schema.org/BlogPosting', 'BlogPosting'],
    ['https://schema.org#Product', 'Product'],
  ])('%s', (type, expected) => {
    expect(bareTypeName(type)).toBe(expected);
  });
});

describe('ldText', () => {
  test.each([
    ['Jane Doe', 'Jane Doe'],
    [{ '@type': 'Person', name: 'Jane Doe' }, 'Jane Doe'],
    [[{ name: 'Jane Doe' }, { name: 'John Roe' }], 'Jane Doe, John Roe'],
    [42, null],
    [{ '@type': 'Person' }, null],
  ])('%j', (value, expected) => {
    expect(ldText(value)).toBe(expected);
  });
});
