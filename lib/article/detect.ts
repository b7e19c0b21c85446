/**
 * Decides whether a page is an article by adding up weighted, named signals. Declarations
 * (schema.org, Open Graph) are strong but not trusted alone, because many articles say
 * og:type=website and many service pages say og:type=article; who wrote it and when, the shape
 * of the address, and how the prose is laid out (one long run vs. scattered posts) settle it.
 */
import type { PageFeatures } from './page-features';
import type { ArticleVerdict } from './types';

/**
 * A page is an article when its summed signals reach this score. Weights and threshold are a
 * sign-constrained logistic regression over the shared corpus (see scripts/eval-detect.ts),
 * rounded; the threshold is set for 97.5% article recall.
 */
export const ARTICLE_THRESHOLD = 0.04;

const SHOP_TYPES = new Set(['Product', 'ProductGroup', 'Offer', 'AggregateOffer', 'Store']);
const FORUM_TYPES = new Set(['DiscussionForumPosting', 'QAPage', 'Question']);
const LISTING_TYPES = new Set(['SearchResultsPage', 'CollectionPage', 'ItemList']);
const OTHER_OG_TYPES = /product|profile|video|music|book|business|place|restaurant/;
/** Prose in the root, in characters, that counts as neither evidence for nor against. */
const NEUTRAL_PROSE = 800;

type SignalRule = (f: PageFeatures) => number;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function hasAny(types: readonly string[], set: Set<string>): boolean {
  return types.some((t) => set.has(t));
}

function hasVisibleDate(f: PageFeatures): boolean {
  return f.dateMarkup > 0 || f.datelineNearTitle;
}

function hasDate(f: PageFeatures): boolean {
  return f.declaredDate || hasVisibleDate(f);
}

function hasAuthor(f: PageFeatures): boolean {
  return f.declaredAuthor || f.bylineMarkup > 0 || f.bylineNearTitle;
}

/** `weight` when `test` holds, else 0. */
function when(test: (f: PageFeatures) => boolean, weight: number): SignalRule {
  return (f) => (test(f) ? weight : 0);
}

/** Each named signal's contribution; 0 means "no evidence either way". */
const SIGNALS: Record<string, SignalRule> = {
  // What the page declares (schema.org types, Open Graph https://ogp.me).
  schemaArticle: when((f) => f.ldArticle, 1.0),
  // Shop and forum types are absent from the tuning corpus: prior weights, not fitted ones.
  schemaShop: when((f) => hasAny(f.ldOther, SHOP_TYPES), -1.5),
  schemaForum: when((f) => hasAny(f.ldOther, FORUM_TYPES), -1.5),
  schemaListing: when((f) => hasAny(f.ldOther, LISTING_TYPES), -0.4),
  ogArticle: when((f) => f.ogType === 'article', 1.14),
  ogWebsite: when((f) => f.ogType === 'website', -0.84),
  ogOther: when((f) => f.ogType !== null && OTHER_OG_TYPES.test(f.ogType), -0.76),
  // Who wrote it and when.
  declaredAuthor: when((f) => f.declaredAuthor, 2.02),
  bylineMarkup: when((f) => f.bylineMarkup > 0, 0.36),
  bylineText: when((f) => f.bylineNearTitle, 0.23),
  // A date the reader sees (dateline, <time>) and one the page declares: articles show both,
  // while service pages often declare a date in their meta tags that they never show.
  visibleDate: when(hasVisibleDate, 1.46),
  declaredDate: when((f) => f.declaredDate, -0.36),
  bothDates: when((f) => hasVisibleDate(f) && f.declaredDate, 0.4),
  anonymous: when((f) => !hasDate(f) && !hasAuthor(f), -0.95),
  manyBylines: when((f) => f.bylineMarkup >= 8, -0.76),
  manyDates: when((f) => f.dateMarkup >= 4 || f.writtenDates >= 5, -2.18),
  // The address (https://developer.wordpress.org/advanced-administration/wordpress/permalink/).
  editorialPath: when((f) => f.url.editorialSection, 2.12),
  datedPath: when((f) => f.url.datedPath, 0.78),
  longSlug: when((f) => f.url.slugWords >= 6, 0.43),
  nonArticlePath: when((f) => f.url.nonArticleSection, -1.67),
  homePage: when((f) => f.url.isHome, -1.1),
  // The main text.
  mainText: (f) => 0.34 * clamp(Math.log2(Math.max(f.rootProse, 50) / NEUTRAL_PROSE), -3, 2),
  proseRun: when((f) => f.longestRun >= 1000, 0.53),
  scattered: when((f) => f.totalProse > 0 && f.rootProse / f.totalProse < 0.5, -1.17),
  subheadHeavy: when((f) => f.rootProseParagraphs > 0 && f.rootHeadings / f.rootProseParagraphs > 0.5, -0.57),
  links: when((f) => f.rootLinkDensity > 0.3, -0.45),
  // Shops, businesses, forums and docs.
  shop: when((f) => f.shopMarkers > 0, -0.86),
  phone: when((f) => f.phoneLinks > 0, -0.95),
  // Forum markup is rare in the tuning corpus: a prior weight, not a fitted one.
  forum: when((f) => f.forumMarkers >= 3, -1),
  code: when((f) => f.codeElements >= 15, -0.45),
  docsHost: when((f) => f.docsHost, -1.21),
  // Pages that talk to their reader ("you", "we") more than reports do.
  readerAddress: (f) => -0.11 * clamp(f.readerAddress - 2, -2, 4),
};

/**
 * Turns measured features into a verdict with the named contributions; `score` is relative
 * to the threshold (>= 0 means article).
 * @example scoreFeatures(features).signals.mainText // 2.5 on a long report
 */
export function scoreFeatures(f: PageFeatures): ArticleVerdict {
  const signals: Record<string, number> = {};
  let score = 0;
  for (const [name, rule] of Object.entries(SIGNALS)) {
    const value = Math.round(rule(f) * 100) / 100;
    if (value === 0) continue;
    signals[name] = value;
    score += value;
  }
  score = Math.round((score - ARTICLE_THRESHOLD) * 100) / 100;
  return { isArticle: score >= 0, score, signals };
}
