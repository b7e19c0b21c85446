import { describe, expect, test } from 'vitest';
import { scoreFeatures } from '../../../lib/article/detect';
import type { PageFeatures } from '../../../lib/article/page-features';

const neutral: PageFeatures = {
  ldArticle: false,
  ldOther: [],
  ogType: null,
  articleMeta: false,
  declaredDate: false,
  dateMarkup: 0,
  writtenDates: 0,
  datelineNearTitle: false,
  bylineMarkup: 0,
  declaredAuthor: false,
  rootHeadings: 0,
  url: { isHome: false, datedPath: false, editorialSection: false, nonArticleSection: false, slugWords: 0 },
  phoneLinks: 0,
  codeElements: 0,
  formFields: 0,
  priceTexts: 0,
  bylineNearTitle: false,
  h1Count: 1,
  articleElements: 0,
  teaserHeadings: 0,
  shopMarkers: 0,
  forumMarkers: 0,
  codeBlocks: 0,
  rootProse: 800,
  rootProseParagraphs: 5,
  rootLinkDensity: 0,
  totalProse: 800,
  bodyLinkDensity: 0,
  readerAddress: 0,
  docsHost: false,
  longestRun: 800,
};

const report: Partial<PageFeatures> = {
  ldArticle: true,
  ogType: 'article',
  declaredDate: true,
  declaredAuthor: true,
  rootProse: 4000,
  totalProse: 4200,
  longestRun: 3500,
};

describe('scoreFeatures', () => {
  test.each<[string, Partial<PageFeatures>, boolean]>([
    ['news report with schema, date and author', report, true],
    [
      'og:type=website article with a byline and a dateline',
      { ogType: 'website', bylineNearTitle: true, datelineNearTitle: true, rootProse: 3000, totalProse: 3200, longestRun: 2500 },
      true,
    ],
    ['home page', { ogType: 'website', url: { ...neutral.url, isHome: true }, rootProse: 300, totalProse: 2000 }, false],
    ['product page', { ogType: 'product', ldOther: ['Product'], shopMarkers: 3 }, false],
    [
      'forum thread',
      {
        ldOther: ['DiscussionForumPosting'],
        dateMarkup: 12,
        bylineMarkup: 12,
        forumMarkers: 10,
        rootProse: 900,
        totalProse: 6000,
      },
      false,
    ],
    [
      'search results',
      { url: { ...neutral.url, nonArticleSection: true }, ldOther: ['SearchResultsPage'], rootProse: 200, totalProse: 900 },
      false,
    ],
    [
      'service page with a phone number and no author or date',
      { phoneLinks: 2, rootProse: 2500, totalProse: 4000, rootHeadings: 6 },
      false,
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(scoreFeatures({ ...neutral, ...overrides }).isArticle).toBe(expected);
  });

  test('names each non-zero contribution and sums them into the score', () => {
    const verdict = scoreFeatures({ ...neutral, ...report });
    expect(verdict.signals).toMatchObject({ schemaArticle: expect.any(Number), declaredAuthor: expect.any(Number) });
    expect(Object.values(verdict.signals).every((v) => v !== 0)).toBe(true);
    const sum = Object.values(verdict.signals).reduce((a, b) => a + b, 0);
    expect(verdict.score).toBeGreaterThan(sum - 1);
    expect(verdict.score).toBeLessThan(sum + 1);
  });
});
