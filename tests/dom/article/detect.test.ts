// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { analyzeDocument, detectArticle } from '../../../lib/article';

const prose = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1}: the ministers met again on Tuesday to settle the dispute over the river, and officials said the talks, which stalled twice, would resume after the harvest.</p>`,
  ).join('');

const pages: Record<string, string> = {
  article: `<head><title>Talks resume - Daily</title><meta property="og:type" content="article">
    <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-01","author":{"name":"Jane Doe"}}</script></head>
    <body><nav><a href="/">Home</a></nav><article><h1>Talks resume</h1><p class="byline">By Jane Doe</p><time datetime="2024-05-01">May 1, 2024</time>${prose(8)}</article></body>`,
  sectionFront: `<head><title>World - Daily</title><meta property="og:type" content="website"></head><body><main><h1>World</h1>${Array.from(
    { length: 12 },
    (_, i) =>
      `<div class="teaser"><h2><a href="/story-${i}">Story ${i} headline</a></h2><p>Short teaser ${i}.</p><span>May ${i + 1}, 2024</span></div>`,
  ).join('')}</main></body>`,
  product: `<head><meta property="og:type" content="product"><script type="application/ld+json">{"@type":"Product","offers":{"@type":"Offer","price":"49.00"}}</script></head>
    <body><h1>Hiking backpack 40L</h1><p itemprop="price">$49.00</p><button>Add to cart</button>${prose(3)}</body>`,
  forum: `<head><script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Help"}</script></head><body><h1>Help with my bike</h1>${Array.from(
    { length: 8 },
    (_, i) =>
      `<div class="post" itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span class="author">user${i}</span><time datetime="2024-05-0${i + 1}">May ${i + 1}</time><p>Reply ${i}: I had the same problem with my bike last spring and the fix was to replace the chain and adjust the derailleur carefully.</p></div>`,
  ).join('')}</body>`,
  searchResults: `<head><script type="application/ld+json">{"@type":"SearchResultsPage"}</script></head><body><h1>Results for floods</h1><ol>${Array.from(
    { length: 10 },
    (_, i) => `<li><h3><a href="/r${i}">Result ${i}</a></h3><p>Snippet ${i} with the word floods.</p></li>`,
  ).join('')}</ol></body>`,
};

describe('detectArticle on hand-made pages', () => {
  test.each([
    ['article', true],
    ['sectionFront', false],
    ['product', false],
    ['forum', false],
    ['searchResults', false],
  ])('%s -> %s', (name, expected) => {
    const doc = new DOMParser().parseFromString(`<html>${pages[name]}</html>`, 'text/html');
    const verdict = detectArticle(doc);
    expect(verdict.isArticle).toBe(expected);
    expect(verdict.score >= 0).toBe(expected);
  });

  test('the verdict names its signals', () => {
    const doc = new DOMParser().parseFromString(`<html>${pages.article}</html>`, 'text/html');
    expect(detectArticle(doc).signals).toMatchObject({ schemaArticle: expect.any(Number), declaredAuthor: expect.any(Number) });
  });

  test('analyzeDocument never changes the page', () => {
    const doc = new DOMParser().parseFromString(`<html>${pages.article}</html>`, 'text/html');
    const before = doc.documentElement.outerHTML;
    analyzeDocument(doc, { force: true });
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
