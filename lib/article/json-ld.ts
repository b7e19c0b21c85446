/**
 * Reads schema.org JSON-LD blocks safely: `@graph`, top-level arrays, `@type` arrays, full IRIs
 * and a nested `mainEntity` are flattened into a list of typed nodes; malformed JSON is skipped.
 * See https://schema.org/Article for the type hierarchy used by the detector.
 */

/** A JSON-LD node with its types reduced to bare names ("NewsArticle"). */
export interface LdNode {
  types: string[];
  data: Record<string, unknown>;
}

const MAX_DEPTH = 4;

/** schema.org Article and its subtypes that are articles in the reader's sense. */
export const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'AnalysisNewsArticle',
  'AskPublicQuestionArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReportageNewsArticle',
  'ReviewNewsArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
  'SatiricalArticle',
  'ScholarlyArticle',
  'MedicalScholarlyArticle',
  'AdvertiserContentArticle',
]);

/** Types that mark a page as something other than an article. */
export const NON_ARTICLE_TYPES = new Set([
  'Product',
  'ProductGroup',
  'Offer',
  'AggregateOffer',
  'DiscussionForumPosting',
  'QAPage',
  'Question',
  'SearchResultsPage',
  'CollectionPage',
  'ItemList',
  'FAQPage',
  'SoftwareApplication',
  'WebApplication',
  'MobileApplication',
  'JobPosting',
  'Course',
  'ProfilePage',
  'RealEstateListing',
  'Store',
  'APIReference',
  'Book',
  'Dataset',
]);

/** Strips the schema.org IRI prefix (http or https scheme) so IRIs and bare names compare equal. */
export function bareTypeName(type: string): string {
  const slash = type.lastIndexOf('/');
  const hash = type.lastIndexOf('#');
  return type.slice(Math.max(slash, hash) + 1).trim();
}

function typesOf(data: Record<string, unknown>): string[] {
  const raw = data['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map(bareTypeName);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, out: LdNode[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  const types = typesOf(value);
  if (types.length > 0) out.push({ types, data: value });
  flatten(value['@graph'], out, depth + 1);
  flatten(value['mainEntity'], out, depth + 1);
}

/** Parses JSON-LD text, tolerating HTML comment and CDATA wrappers; null when malformed. */
export function parseJsonLd(text: string): unknown {
  const cleaned = text.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '');
  try {
    return JSON.parse(cleaned) as unknown;
  } catch {
    return null;
  }
}

/**
 * All typed JSON-LD nodes of the document, in source order.
 * @example readJsonLd(document).some((n) => n.types.includes('NewsArticle'))
 */
export function readJsonLd(doc: Document): LdNode[] {
  const out: LdNode[] = [];
  for (const script of doc.querySelectorAll('script[type]')) {
    const type = script.getAttribute('type')!.toLowerCase();
    if (!type.startsWith('application/ld+json')) continue;
    flatten(parseJsonLd(script.textContent ?? ''), out, 0);
  }
  return out;
}

/** The first node having one of `types`, if any. */
export function findLdNode(nodes: LdNode[], types: Set<string>): LdNode | undefined {
  return nodes.find((node) => node.types.some((t) => types.has(t)));
}

/** A string value, or the `name` of an object value, or the names of an array of them. */
export function ldText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(ldText).filter((v): v is string => v !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (isObject(value)) return ldText(value['name']);
  return null;
}
