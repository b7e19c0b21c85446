/** Shapes shared by article detection, metadata and text-block extraction (kept DOM-light). */

/** What the page says about itself: title, author, date, site, canonical address, language. */
export interface ArticleMeta {
  title: string;
  byline: string | null;
  /** ISO 8601 when the page's date parses, else the raw value. */
  publishedAt: string | null;
  siteName: string | null;
  /** `rel=canonical`, else `og:url`. */
  canonicalUrl: string | null;
  language: string | null;
  /** `og:url` on its own: the reading memory tries it when `rel=canonical` cannot stand for the page. */
  ogUrl?: string | null;
}

/** Whether a page is an article, with each named signal's contribution to the score. */
export interface ArticleVerdict {
  isArticle: boolean;
  score: number;
  /** Named signal -> contribution, for debugging and the popup's "why". */
  signals: Record<string, number>;
}

/**
 * One block of readable text. `text` is exactly the concatenation of the nodes' data, and
 * `starts[i]` is the offset of `nodes[i]` in `text`, so offsets map 1:1 back to DOM positions.
 */
export interface TextBlock {
  element: Element;
  text: string;
  nodes: Text[];
  starts: number[];
}

/** Everything the content script needs from one page. */
export interface DocumentAnalysis {
  verdict: ArticleVerdict;
  meta: ArticleMeta;
  root: Element | null;
  blocks: TextBlock[];
}
