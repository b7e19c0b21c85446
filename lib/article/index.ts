/** Public API of article detection and extraction; the content script imports only this. */
export type { ArticleMeta, ArticleVerdict, DocumentAnalysis, TextBlock } from './types';
export { analyzeDocument, detectArticle, gatherEvidence } from './analyze';
export { findArticleRoot } from './article-root';
export { collectTextBlocks } from './text-blocks';
export { extractMetadata } from './metadata';
export { scoreFeatures } from './detect';
export type { PageFeatures } from './page-features';
