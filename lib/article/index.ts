/** Public API of article detection and extraction; the content script imports only this. */
export type { ArticleMeta, ArticleVerdict, DocumentAnalysis, TextBlock } from './types';
export { analyzeDocument, analyzeDocumentSteps, detectArticle, gatherEvidence } from './analyze';
export { runSliced, runToEnd, type Steps } from './steps';
export { findArticleRoot } from './article-root';
export { collectRegionBlocks, collectTextBlocks } from './text-blocks';
export { owningBlock } from './text-walk';
export { extractMetadata } from './metadata';
export { scoreFeatures } from './detect';
export type { PageFeatures } from './page-features';
