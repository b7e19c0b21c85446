/**
 * Reads the shape of a page address the way CMSs lay them out: dated paths and long slugs for
 * posts (WordPress "/2024/05/slug/", news "/news/...-12345"), fixed words for shops, categories,
 * search, forums and docs. Generic conventions only, never particular sites.
 */

/** What a page's address says about the page. */
export interface UrlShape {
  /** The path is "/" (a home page). */
  isHome: boolean;
  /** A year/month/day in the path, as blogs and newspapers put it. */
  datedPath: boolean;
  /** A path segment naming editorial content (news, blog, story...) before a further segment. */
  editorialSection: boolean;
  /** A path segment or query naming a non-article kind of page (product, search, forum...). */
  nonArticleSection: boolean;
  /** Words in the last path segment ("how-the-vote-was-won" -> 5). */
  slugWords: number;
}

const DATED_PATH = /\/(?:19|20)\d{2}[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)|\/(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b/;
const EDITORIAL =
  /^(?:news|blogs?|articles?|story|stories|posts?|opinions?|columns?|editorials?|features?|analysis|politics|world|business|sport|sports|culture|science|tech|technology|health|entertainment|lifestyle|nachrichten|noticias|notizie|actualites|actualidad)$/;
const NON_ARTICLE =
  /^(?:products?|shop|store|cart|checkout|collections?|categor(?:y|ies)|tags?|search|forums?|threads?|topics?|questions|community|discussions?|docs?|documentation|api|reference|manual|wiki|help|support|faq|pricing|plans|services?|solutions|locations?|careers|jobs|about(?:-us)?|contact(?:-us)?|login|signup|account|courses?|events?|catalog(?:ue)?)$/;
const SEARCH_QUERY = /[?&](?:q|s|query|search|keywords?)=/;
const SLUG_SEPARATOR = /[-_+]+/;

function segmentsOf(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s).toLowerCase();
      } catch {
        return s.toLowerCase();
      }
    });
}

function slugWordCount(segment: string | undefined): number {
  if (!segment) return 0;
  const stem = segment.replace(/\.[a-z0-9]{2,5}$/, '');
  return stem.split(SLUG_SEPARATOR).filter((w) => /\p{L}{2,}/u.test(w)).length;
}

const EMPTY: UrlShape = { isHome: false, datedPath: false, editorialSection: false, nonArticleSection: false, slugWords: 0 };

/**
 * @example describeUrl('https://example.org/news/2024/05/floods-return-to-the-valley').datedPath // true
 */
export function describeUrl(address: string | null): UrlShape {
  if (!address) return EMPTY;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return EMPTY;
  }
  if (!/^https?:$/.test(url.protocol)) return EMPTY;
  const segments = segmentsOf(url.pathname);
  const leading = segments.slice(0, -1);
  return {
    isHome: segments.length === 0 && !SEARCH_QUERY.test(url.search),
    datedPath: DATED_PATH.test(url.pathname),
    editorialSection: leading.some((s) => EDITORIAL.test(s)),
    nonArticleSection: segments.some((s) => NON_ARTICLE.test(s)) || SEARCH_QUERY.test(url.search),
    slugWords: slugWordCount(segments.at(-1)),
  };
}

const DOCS_HOST = /^(?:docs?|developers?|dev|help|support|wiki|kb|learn|api|manual)\./;

/**
 * True when the host is a documentation or help site by its first label.
 * @example isDocsHost('https://docs.github.com/en/actions') // true
 */
export function isDocsHost(address: string | null): boolean {
  if (!address) return false;
  try {
    return DOCS_HOST.test(new URL(address).hostname);
  } catch {
    return false;
  }
}
