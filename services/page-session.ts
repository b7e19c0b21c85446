/**
 * The content script's whole job on a page: find the article, send its text to the background,
 * paint the spans that come back, and record the contract's performance measures.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyzeDocument } from '../lib/article';
import type { ArticleMeta } from '../lib/article/types';
import { LIMITS, type PageReport } from '../lib/messaging/protocol';
import { createPainter, highlightApiOf } from '../lib/paint/painter';
import { handleMessages, sendToBackground } from './messaging';

const clip = (s: string) => s.slice(0, LIMITS.field);
const clipOrNull = (s: string | null) => (s === null ? null : clip(s));

function clipMeta(meta: ArticleMeta): ArticleMeta {
  return {
    title: clip(meta.title),
    byline: clipOrNull(meta.byline),
    publishedAt: clipOrNull(meta.publishedAt),
    siteName: clipOrNull(meta.siteName),
    canonicalUrl: clipOrNull(meta.canonicalUrl),
    language: clipOrNull(meta.language),
  };
}

export function startPageSession(ctx: ContentScriptContext): void {
  const started = performance.now();
  const painter = createPainter(document, highlightApiOf(window));
  let measuredArticle = false;
  let measuredPage = false;
  let forced = false;

  function measureOnce(name: 'dramatis:article' | 'dramatis:page') {
    performance.measure(name, { start: started, end: performance.now() });
  }

  async function analyze(force: boolean): Promise<void> {
    forced = force;
    const { verdict, meta, blocks } = analyzeDocument(document, { force });
    const report: PageReport = {
      url: clip(location.href),
      title: clip(meta.title || document.title),
      isArticle: verdict.isArticle,
      score: verdict.score,
    };
    if (!verdict.isArticle && !force) {
      await sendToBackground('bg:not-article', report);
      return;
    }
    const texts = blocks.map((b) => b.text.slice(0, LIMITS.blockChars)).slice(0, LIMITS.blocks);
    const { spans } = await sendToBackground('bg:article', { ...report, forced: force, meta: clipMeta(meta), blocks: texts });
    if (ctx.isInvalid) return;
    painter.clear();
    painter.paint(blocks, spans);
    if (verdict.isArticle && !measuredArticle) {
      measuredArticle = true;
      measureOnce('dramatis:article');
    }
  }

  async function run(force: boolean): Promise<void> {
    try {
      await analyze(force);
    } finally {
      if (!measuredPage) {
        measuredPage = true;
        measureOnce('dramatis:page');
      }
    }
  }

  const stopListening = handleMessages({
    'tab:analyze-anyway': async () => {
      await run(true);
      return { ok: true };
    },
    // The reader changed the knowledge base from the popup: paint what it now says.
    'tab:reanalyze': async () => {
      await run(forced);
      return { ok: true };
    },
  });
  ctx.onInvalidated(() => {
    stopListening();
    painter.clear();
  });
  void run(false);
}
