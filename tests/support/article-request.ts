import type { ArticleRequest } from '../../lib/messaging/protocol';

/** An article's `bg:article` request as a content script sends it, titled after its address. */
export const articleRequest = (url: string, blocks: string[], extra: Partial<ArticleRequest> = {}): ArticleRequest => ({
  url,
  title: 'A story',
  isArticle: true,
  score: 3,
  forced: false,
  meta: { title: url.split('/').pop()!, byline: null, publishedAt: null, siteName: null, canonicalUrl: null, language: 'en' },
  blocks,
  ...extra,
});
