/**
 * Gathers the evidence the detector weighs: what the page declares (JSON-LD, Open Graph), how
 * it is built (headline, date, byline, teaser lists, shop and forum markup, code) and how its text
 * is laid out (a long run of prose under one container, link density). Numbers only, no verdict.
 */
import { ARTICLE_TYPES, NON_ARTICLE_TYPES, type LdNode } from './json-ld';
import { firstMeta, hasMetaPrefix, type MetaTags } from './meta-tags';
import { containsDate, shortText } from './date-text';
import { isProse, linkDensity, type PageScan, type Paragraph } from './page-scan';
import { readerAddressRate } from './reader-address';
import { runToEnd, type Steps } from './steps';
import { describeUrl, isDocsHost, type UrlShape } from './url-shape';

/** The detector's inputs for one page. */
export interface PageFeatures {
  ldArticle: boolean;
  /** Non-article schema.org types found ("Product", "CollectionPage"...). */
  ldOther: string[];
  ogType: string | null;
  articleMeta: boolean;
  /** A publication date declared in meta tags or JSON-LD. */
  declaredDate: boolean;
  /** Date markup elements (time[datetime], itemprop=datePublished) on the page. */
  dateMarkup: number;
  /** Short blocks holding a written date, page-wide. */
  writtenDates: number;
  /** A written or marked-up date right around the headline or the start of the text. */
  datelineNearTitle: boolean;
  /** Author markup elements on the page. */
  bylineMarkup: number;
  declaredAuthor: boolean;
  /** Subheadings (h2-h6) inside the root. */
  rootHeadings: number;
  url: UrlShape;
  phoneLinks: number;
  codeElements: number;
  formFields: number;
  /** Short blocks that show a price ("$19.99", "24,90 €"). */
  priceTexts: number;
  /** A "By Jane Doe" line right around the headline or the start of the text. */
  bylineNearTitle: boolean;
  h1Count: number;
  articleElements: number;
  teaserHeadings: number;
  shopMarkers: number;
  forumMarkers: number;
  codeBlocks: number;
  rootProse: number;
  rootProseParagraphs: number;
  rootLinkDensity: number;
  totalProse: number;
  bodyLinkDensity: number;
  /** Characters of the longest run of prose paragraphs that share one parent. */
  longestRun: number;
  /** Reader-address pronouns ("you", "we") per 100 words of the root's prose. */
  readerAddress: number;
  /** The host names a documentation, help or developer site (docs.example.org). */
  docsHost: boolean;
}

const DATE_KEYS = [
  'article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'parsely-pub-date',
  'sailthru.date',
];
const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'dc.creator', 'byl'];
/** Short blocks (subheads, captions, ad labels) between prose paragraphs don't break a run. */
const RUN_BREAK_CHARS = 80;
/** Blocks before the headline / after the start of the text searched for a dateline. */
const DATELINE_BEFORE = 4;
const DATELINE_AFTER = 10;
const SUBHEADING = /^h[2-6]$/;
const PRICE = /[$€£¥₹]\s?\d|\d(?:[.,]\d{2})?\s?(?:€|EUR|USD|GBP|zł|kr)\b/;
/** "By Jane Doe", in the languages of the corpus and their neighbours. */
const BYLINE_TEXT = /(?:^|\s)(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa][vf]|[Pp]rzez|[Оо]т|[Аа]втор)[:\s]+\p{Lu}/u;
/** Paragraphs looked at per step of the page-wide counts (a page of 10,000 short blocks costs tens of ms). */
const PARAGRAPHS_PER_STEP = 500;

/** Short blocks whose text passes `test`. */
function countShortBlocks(paragraphs: readonly Paragraph[], test: (text: string) => boolean): number {
  return runToEnd(countShortBlocksSteps(paragraphs, test));
}

function* countShortBlocksSteps(paragraphs: readonly Paragraph[], test: (text: string) => boolean): Steps<number> {
  let count = 0;
  for (const [i, p] of paragraphs.entries()) {
    const text = shortText(p.nodes, p.chars);
    if (text !== null && test(text)) count++;
    if (i % PARAGRAPHS_PER_STEP === PARAGRAPHS_PER_STEP - 1) yield;
  }
  return count;
}

/** A short block passing `test`, from a few blocks before the headline (or text start) into the text. */
function nearTitle(paragraphs: readonly Paragraph[], root: Element | null, test: (text: string) => boolean): boolean {
  const firstInRoot = root ? paragraphs.findIndex((p) => isProse(p) && root.contains(p.element)) : -1;
  const headline = paragraphs.findIndex((p) => p.element.localName === 'h1');
  const anchor = headline >= 0 && (firstInRoot < 0 || headline < firstInRoot) ? headline : firstInRoot;
  if (anchor < 0) return false;
  const end = Math.max(anchor, firstInRoot) + DATELINE_AFTER;
  return countShortBlocks(paragraphs.slice(Math.max(0, anchor - DATELINE_BEFORE), end), test) > 0;
}

function* countHeadingsSteps(paragraphs: readonly Paragraph[], root: Element): Steps<number> {
  let count = 0;
  for (const [i, p] of paragraphs.entries()) {
    if (SUBHEADING.test(p.element.localName) && root.contains(p.element)) count++;
    if (i % PARAGRAPHS_PER_STEP === PARAGRAPHS_PER_STEP - 1) yield;
  }
  return count;
}

function ldTypes(ld: LdNode[]): { article: boolean; other: string[] } {
  const other = new Set<string>();
  let article = false;
  for (const node of ld) {
    for (const type of node.types) {
      if (ARTICLE_TYPES.has(type)) article = true;
      else if (NON_ARTICLE_TYPES.has(type)) other.add(type);
    }
  }
  return { article, other: [...other] };
}

function hasLdField(ld: LdNode[], field: string): boolean {
  return ld.some((node) => node.data[field] !== undefined && node.data[field] !== null);
}

/** Longest run of prose paragraphs under one parent, in characters. */
export function longestProseRun(paragraphs: readonly Paragraph[]): number {
  let best = 0;
  let run = 0;
  let parent: Element | null = null;
  for (const p of paragraphs) {
    if (isProse(p)) {
      const sameParent = p.element.parentElement === parent;
      run = sameParent ? run + p.chars : p.chars;
      parent = p.element.parentElement;
      best = Math.max(best, run);
    } else if (p.chars >= RUN_BREAK_CHARS) {
      run = 0;
      parent = null;
    }
  }
  return best;
}

/**
 * Measures one page; `root` is the article root found on the same scan, `address` its URL.
 * @example measurePage(readMetaTags(doc), readJsonLd(doc), scan, root, doc.URL).rootProse
 */
export function measurePage(
  tags: MetaTags,
  ld: LdNode[],
  scan: PageScan,
  root: Element | null,
  address: string | null,
): PageFeatures {
  return runToEnd(measurePageSteps(tags, ld, scan, root, address));
}

/** `measurePage` as pausable steps (lib/article/steps.ts): its page-wide counts yield as they go. */
export function* measurePageSteps(
  tags: MetaTags,
  ld: LdNode[],
  scan: PageScan,
  root: Element | null,
  address: string | null,
): Steps<PageFeatures> {
  const { census, body } = scan;
  const types = ldTypes(ld);
  const rootTotals = root ? scan.subtree.get(root) : undefined;
  const writtenDates = yield* countShortBlocksSteps(scan.paragraphs, containsDate);
  const priceTexts = yield* countShortBlocksSteps(scan.paragraphs, (text) => PRICE.test(text));
  const rootHeadings = root ? yield* countHeadingsSteps(scan.paragraphs, root) : 0;
  const datelineNearTitle = nearTitle(scan.paragraphs, root, containsDate);
  const bylineNearTitle = nearTitle(scan.paragraphs, root, (text) => BYLINE_TEXT.test(text));
  yield;
  const longestRun = longestProseRun(scan.paragraphs);
  yield;
  const readerAddress = readerAddressRate(scan.paragraphs, root);
  return {
    ldArticle: types.article,
    ldOther: types.other,
    ogType: firstMeta(tags, ['og:type'])?.toLowerCase() ?? null,
    articleMeta: hasMetaPrefix(tags, 'article:'),
    declaredDate: hasLdField(ld, 'datePublished') || firstMeta(tags, DATE_KEYS) !== null,
    dateMarkup: census.dateMarkup,
    writtenDates,
    datelineNearTitle,
    bylineMarkup: census.bylineMarkup,
    declaredAuthor: hasLdField(ld, 'author') || firstMeta(tags, AUTHOR_KEYS) !== null,
    rootHeadings,
    url: describeUrl(address),
    phoneLinks: census.phoneLinks,
    codeElements: census.codeElements,
    formFields: census.formFields,
    priceTexts,
    bylineNearTitle,
    h1Count: census.h1Count,
    articleElements: census.articleElements,
    teaserHeadings: census.teaserHeadings,
    shopMarkers: census.shopMarkers,
    forumMarkers: census.forumMarkers,
    codeBlocks: census.codeBlocks,
    rootProse: rootTotals?.prose ?? 0,
    rootProseParagraphs: rootTotals?.proseParagraphs ?? 0,
    rootLinkDensity: linkDensity(rootTotals),
    totalProse: scan.subtree.get(body)?.prose ?? 0,
    bodyLinkDensity: linkDensity(scan.subtree.get(body)),
    longestRun,
    readerAddress,
    docsHost: isDocsHost(address),
  };
}
