/**
 * Extracts what a page says about itself (title, byline, date, site, canonical URL, language)
 * from JSON-LD, Open Graph / article:* meta, microdata and common byline markup, in that order
 * of trust: structured data is written for machines, markup for people.
 */
import { ARTICLE_TYPES, findLdNode, ldText, readJsonLd, type LdNode } from './json-ld';
import { firstMeta, readMetaTags, type MetaTags } from './meta-tags';
import { chooseTitle } from './page-title';
import type { ArticleMeta } from './types';

const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'article.published',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dc.date',
  'dcterms.date',
  'date',
  'article:modified_time',
];
const BYLINE_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '[rel="author"]',
  '.byline',
  '.author-name',
  '.author',
  '[class*="byline"]',
];
const MAX_BYLINE_CHARS = 100;

function clean(text: string | null | undefined): string | null {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
}

/** Strips a leading "By" and trailing punctuation from an author line. */
export function cleanByline(text: string | null): string | null {
  const value = clean(text)
    ?.replace(/^by[:\s]+/i, '')
    .replace(/[\s,|–-]+$/, '');
  return value && value.length <= MAX_BYLINE_CHARS && !/^https?:/.test(value) ? value : null;
}

/** ISO 8601 when the date parses, else the raw trimmed value (null when empty). */
export function toIsoDate(raw: string | null): string | null {
  const value = clean(raw);
  if (value === null) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function bylineFromMarkup(doc: Document): string | null {
  for (const selector of BYLINE_SELECTORS) {
    const el = doc.querySelector(selector);
    if (!el) continue;
    const byline = cleanByline(el.getAttribute('content') ?? el.textContent);
    if (byline) return byline;
  }
  return null;
}

function dateFromMarkup(doc: Document): string | null {
  const el = doc.querySelector('[itemprop="datePublished"], time[datetime]');
  return el ? clean(el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent) : null;
}

function resolveUrl(href: string | null, doc: Document): string | null {
  if (!clean(href)) return null;
  try {
    return new URL(href!.trim(), doc.baseURI).href;
  } catch {
    return href!.trim();
  }
}

/** "en_US" (Open Graph locale) -> "en-US" (BCP 47). */
function localeToLanguage(locale: string | null): string | null {
  return locale ? locale.replace('_', '-') : null;
}

function siteNameOf(tags: MetaTags, ld: LdNode[], article: LdNode | undefined): string | null {
  const website = findLdNode(ld, new Set(['WebSite']));
  return clean(
    firstMeta(tags, ['og:site_name', 'application-name']) ?? ldText(article?.data['publisher']) ?? ldText(website?.data['name']),
  );
}

function singleH1(doc: Document): string | null {
  const h1s = doc.querySelectorAll('h1');
  return h1s.length === 1 ? clean(h1s[0]!.textContent) : null;
}

/**
 * @example extractMetadata(document).publishedAt // "2024-09-15T16:39:00.000Z"
 */
export function extractMetadata(doc: Document): ArticleMeta {
  const tags = readMetaTags(doc);
  const ld = readJsonLd(doc);
  const article = findLdNode(ld, ARTICLE_TYPES);
  const siteName = siteNameOf(tags, ld, article);
  const ogUrl = firstMeta(tags, ['og:url']);
  const candidates = [
    firstMeta(tags, ['og:title', 'twitter:title']),
    ldText(article?.data['headline']),
    singleH1(doc),
    doc.title,
  ];
  return {
    title: chooseTitle(candidates, siteName),
    byline:
      cleanByline(ldText(article?.data['author'])) ??
      cleanByline(firstMeta(tags, ['author', 'article:author', 'parsely-author', 'dc.creator', 'byl'])) ??
      bylineFromMarkup(doc),
    publishedAt: toIsoDate(clean(ldText(article?.data['datePublished'])) ?? firstMeta(tags, DATE_META) ?? dateFromMarkup(doc)),
    siteName,
    canonicalUrl: resolveUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? ogUrl, doc),
    language:
      clean(doc.documentElement.getAttribute('lang')) ??
      clean(firstMeta(tags, ['content-language'])) ??
      localeToLanguage(firstMeta(tags, ['og:locale'])),
    ogUrl: resolveUrl(ogUrl, doc),
  };
}
