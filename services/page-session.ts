/**
 * The content script's whole job on a page: find the article, send its text to the background,
 * paint the spans that come back, record the contract's performance measures, and show the hover
 * card of a name (on hover, or on keyboard navigation through the names in reading order).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyzeDocument } from '../lib/article';
import type { ArticleMeta } from '../lib/article/types';
import type { TextBlock } from '../lib/article/types';
import { LIMITS, type PageReport, type PaintSpan } from '../lib/messaging/protocol';
import { createMentionNavigator, scrollIntoView } from '../lib/paint/navigator';
import { createPainter, highlightApiOf } from '../lib/paint/painter';
import { DEFAULT_SETTINGS, isHighlightingOn, type ReaderSettings } from '../lib/settings/reader-settings';
import { createHoverCard } from './hover-card';
import { handleMessages, sendToBackground } from './messaging';
import { loadSettings, watchSettings } from './reader-settings';

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

export interface PageSessionOptions {
  /** The hover card's stylesheet, for its shadow root. */
  cardCss: string;
}

export function startPageSession(ctx: ContentScriptContext, { cardCss }: PageSessionOptions): void {
  const started = performance.now();
  const api = highlightApiOf(window);
  const painter = createPainter(document, api);
  const navigator = createMentionNavigator(document, api);
  const card = createHoverCard(ctx, cardCss);
  const settingsReady = loadSettings().catch(() => DEFAULT_SETTINGS);
  let settings: ReaderSettings = DEFAULT_SETTINGS;
  let painted: { blocks: TextBlock[]; spans: PaintSpan[] } = { blocks: [], spans: [] };
  let measuredArticle = false;
  let measuredPage = false;
  let forced = false;

  /** Paints what the settings let show: nothing where highlighting is off, no hidden type. */
  function repaint() {
    painter.clear();
    const visible = isHighlightingOn(settings, location.href)
      ? painted.spans.filter((s) => !settings.hiddenTypes.includes(s.type))
      : [];
    painter.paint(painted.blocks, visible, settings.highlightStyle);
    navigator.set(painted.blocks, visible);
    card.setMentions(painted.blocks, visible);
  }

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
    settings = await settingsReady;
    if (ctx.isInvalid) return;
    painted = { blocks, spans };
    repaint();
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
    // The panel's "show me": the entity's next mention, scrolled to and drawn in focus.
    'tab:reveal': ({ entityId }) => {
      const mention = navigator.step(1, entityId);
      if (mention) scrollIntoView(window, mention.range);
      return { ok: mention !== null };
    },
    // Keyboard navigation (a browser command the background relays): the next name in reading
    // order, in focus, with its card open and the keyboard in it.
    'tab:navigate': ({ direction }) => {
      const mention = navigator.step(direction);
      if (!mention) return { ok: false };
      scrollIntoView(window, mention.range);
      void card.openFor(mention, { focus: true });
      return { ok: true };
    },
  });
  const stopWatching = watchSettings((next) => {
    settings = next;
    repaint();
  });
  ctx.onInvalidated(() => {
    stopListening();
    stopWatching();
    card.close();
    navigator.clear();
    painter.clear();
  });
  void run(false);
}
