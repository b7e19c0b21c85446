/**
 * The content script's entry points: detection, metadata, root and blocks computed from one
 * scan of the live page, so a page is walked a couple of times at most and never modified.
 */
import { findRootSteps } from './article-root';
import { scoreFeatures } from './detect';
import { readJsonLd } from './json-ld';
import { readMetaTags, type MetaTags } from './meta-tags';
import { extractMetadata } from './metadata';
import { measurePageSteps, type PageFeatures } from './page-features';
import { scanSteps, type Paragraph } from './page-scan';
import { runToEnd, type Steps } from './steps';
import { textBlockSteps } from './text-blocks';
import type { ArticleVerdict, DocumentAnalysis } from './types';

/** Features and root of a page, from a single scan. */
export interface PageEvidence {
  features: PageFeatures;
  root: Element | null;
  /** The scan's paragraphs, from which the article's blocks are cut without a second walk. */
  walked: Paragraph[];
}

/** The page's own http(s) address, else the one it declares (saved pages). */
function pageAddress(doc: Document, tags: MetaTags): string | null {
  if (/^https?:/.test(doc.URL)) return doc.URL;
  return doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? tags.get('og:url') ?? null;
}

/** Measures the page once for detection; exported for the evaluation script. */
export function gatherEvidence(doc: Document): PageEvidence | null {
  return runToEnd(evidenceSteps(doc));
}

function* evidenceSteps(doc: Document): Steps<PageEvidence | null> {
  if (!doc.body) return null;
  const scan = yield* scanSteps(doc.body);
  const root = yield* findRootSteps(scan);
  yield;
  const tags = readMetaTags(doc);
  const ld = readJsonLd(doc);
  yield;
  const features = yield* measurePageSteps(tags, ld, scan, root, pageAddress(doc, tags));
  yield;
  return { features, root, walked: scan.all };
}

const EMPTY_VERDICT: ArticleVerdict = { isArticle: false, score: 0, signals: {} };

/**
 * Whether the page is an article, with the signals behind the answer.
 * @example detectArticle(document).isArticle
 */
export function detectArticle(doc: Document): ArticleVerdict {
  const evidence = gatherEvidence(doc);
  return evidence ? scoreFeatures(evidence.features) : EMPTY_VERDICT;
}

function fallbackRoot(doc: Document): Element | null {
  return doc.querySelector('main, [role="main"]') ?? doc.body;
}

/**
 * Everything the content script needs. Blocks are collected only for articles, unless
 * `force` ("Analyze this page anyway"), which falls back to `<main>` or `<body>`.
 * @example const { verdict, blocks } = analyzeDocument(document, { force: true });
 */
export function analyzeDocument(doc: Document, opts: { force?: boolean } = {}): DocumentAnalysis {
  return runToEnd(analyzeDocumentSteps(doc, opts));
}

/**
 * `analyzeDocument` as pausable steps: the content script runs them in slices (`runSliced`) so
 * that a large page never blocks its main thread for long.
 */
export function* analyzeDocumentSteps(doc: Document, opts: { force?: boolean } = {}): Steps<DocumentAnalysis> {
  const meta = extractMetadata(doc);
  yield;
  const evidence = yield* evidenceSteps(doc);
  const verdict = evidence ? scoreFeatures(evidence.features) : EMPTY_VERDICT;
  yield;
  const found = evidence?.root ?? null;
  const root = found ?? (opts.force ? fallbackRoot(doc) : null);
  const wanted = verdict.isArticle || opts.force === true;
  const blocks = wanted && root ? yield* textBlockSteps(root, evidence?.walked) : [];
  return { verdict, meta, root, blocks };
}
