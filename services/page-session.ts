/**
 * The content script's whole job on a page: find the article, send its text to the background,
 * paint the spans that come back, record the contract's performance measures, and show the hover
 * card of a name (on hover, or on keyboard navigation through the names in reading order).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyzeDocumentSteps, runSliced } from '../lib/article';
import { defaultYield } from '../lib/article/steps';
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
/** A changing page is analyzed again once its article has been quiet this long... */
const QUIET_MS = 400;
/** ...or this long after the first change, whichever comes first (a live blog never pauses). */
const MAX_WAIT_MS = 1_500;
/** Elements Dramatis itself puts in the page: their changes are not the page's. */
const OWN_TAGS = new Set(['dramatis-card', 'dramatis-mark']);

function isOwnNode(node: Node | null): boolean {
  for (let n: Node | null = node; n !== null; n = n.parentNode) {
    if (n.nodeType === 1 && OWN_TAGS.has((n as Element).localName)) return true;
  }
  return false;
}

/** Spans painted per slice: a few milliseconds of Range building. */
const SPANS_PER_SLICE = 400;
const clipOrNull = (s: string | null) => (s === null ? null : clip(s));

function clipMeta(meta: ArticleMeta): ArticleMeta {
  return {
    title: clip(meta.title),
    byline: clipOrNull(meta.byline),
    publishedAt: clipOrNull(meta.publishedAt),
    siteName: clipOrNull(meta.siteName),
    canonicalUrl: clipOrNull(meta.canonicalUrl),
    language: clipOrNull(meta.language),
    ogUrl: clipOrNull(meta.ogUrl ?? null),
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
  /** Whether the page was judged an article (not only analyzed because the reader asked). */
  let articleVerdict = false;
  let measuredPage = false;
  let forced = false;

  let paintGeneration = 0;

  /**
   * Paints what the settings let show (nothing where highlighting is off, no hidden type), in
   * slices that give the page its main thread back: the names the reader's sources list first,
   * those discovered while reading after. A newer repaint stops an older one between slices.
   * @returns whether anything was painted
   */
  async function repaint(): Promise<boolean> {
    const generation = ++paintGeneration;
    painter.clear();
    const visible = isHighlightingOn(settings, location.href)
      ? painted.spans.filter((s) => !settings.hiddenTypes.includes(s.type))
      : [];
    navigator.set(painted.blocks, visible);
    card.setMentions(painted.blocks, visible);
    const ordered = [...visible.filter((s) => !s.discovered), ...visible.filter((s) => s.discovered)];
    let first = true;
    for (let at = 0; at < ordered.length; at += SPANS_PER_SLICE) {
      if (!first) await defaultYield();
      if (generation !== paintGeneration || ctx.isInvalid) return false;
      painter.paint(painted.blocks, ordered.slice(at, at + SPANS_PER_SLICE), settings.highlightStyle);
      if (first) onFirstPaint();
      first = false;
    }
    return !first;
  }

  /** The contract's `dramatis:article`: from the script's start to the first highlights painted. */
  function onFirstPaint() {
    if (measuredArticle || !articleVerdict) return;
    measuredArticle = true;
    measureOnce('dramatis:article');
  }

  function measureOnce(name: 'dramatis:article' | 'dramatis:page') {
    performance.measure(name, { start: started, end: performance.now() });
  }

  /** @param requested false when only the page's own changes asked for it */
  async function analyze(force: boolean, requested: boolean): Promise<void> {
    forced = force;
    const scanStart = performance.now();
    const { verdict, meta, blocks, root } = await runSliced(analyzeDocumentSteps(document, { force }));
    performance.measure('dramatis:scan', { start: scanStart, end: performance.now() });
    if (ctx.isInvalid) return;
    articleVerdict = verdict.isArticle;
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
    if (!requested && sameText(texts)) {
      // Re-rendered, not rewritten: the same spans on the new nodes, no new analysis.
      painted = { blocks, spans: painted.spans };
      watchChanges(root);
      await repaint();
      return;
    }
    const { spans } = await sendToBackground('bg:article', { ...report, forced: force, meta: clipMeta(meta), blocks: texts });
    settings = await settingsReady;
    if (ctx.isInvalid) return;
    painted = { blocks, spans };
    watchChanges(root);
    const paintStart = performance.now();
    const any = await repaint();
    performance.measure('dramatis:paint', { start: paintStart, end: performance.now() });
    // An article with nothing to paint is done when painting is: the measure still closes.
    if (!any) onFirstPaint();
  }

  function sameText(texts: readonly string[]): boolean {
    const before = painted.blocks;
    return before.length === texts.length && before.every((b, i) => b.text === texts[i]);
  }

  /**
   * Late content, live blogs and edits: after a change inside the article (or the article
   * replaced), the page is read again once quiet, and only new text goes to the background; the
   * painter replaces every highlight, so removed or edited text leaves none behind.
   */
  let watcher: MutationObserver | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let firstChange = 0;
  function watchChanges(root: Element | null) {
    watcher?.disconnect();
    if (!root || !document.body) return;
    // The article is its root and the blocks read outside it (a headline just above).
    const read = new Set<Node>([root, ...painted.blocks.map((b) => b.element)]);
    const inArticle = (node: Node) => {
      for (let n: Node | null = node; n !== null; n = n.parentNode) if (read.has(n)) return true;
      return false;
    };
    const relevant = (r: MutationRecord) =>
      !isOwnNode(r.target) &&
      (inArticle(r.target) || !root.isConnected) &&
      (r.addedNodes.length === 0 || ![...r.addedNodes].every(isOwnNode));
    watcher = new MutationObserver((records) => {
      if (!records.some(relevant)) return;
      const now = performance.now();
      if (pending === undefined) firstChange = now;
      clearTimeout(pending);
      pending = setTimeout(
        () => {
          pending = undefined;
          void run(forced, false);
        },
        Math.max(0, Math.min(QUIET_MS, firstChange + MAX_WAIT_MS - now)),
      );
    });
    watcher.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  let running: Promise<void> | null = null;
  let again = false;
  let againForced = false;
  let againRequested = false;
  /** One analysis at a time; a request during one runs once after it. */
  async function run(force: boolean, requested = true): Promise<void> {
    if (running) {
      again = true;
      againForced ||= force;
      againRequested ||= requested;
      return running;
    }
    running = runOnce(force, requested);
    try {
      await running;
    } finally {
      running = null;
    }
    if (again && !ctx.isInvalid) {
      const force2 = againForced || forced;
      const requested2 = againRequested;
      again = false;
      againForced = false;
      againRequested = false;
      await run(force2, requested2);
    }
  }

  async function runOnce(force: boolean, requested: boolean): Promise<void> {
    try {
      await analyze(force, requested);
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
    void repaint();
  });
  // Single-page apps: a new address is a new page to read; the old highlights go first.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    painted = { blocks: [], spans: [] };
    void repaint();
    void run(false);
  });
  ctx.onInvalidated(() => {
    watcher?.disconnect();
    clearTimeout(pending);
    stopListening();
    stopWatching();
    card.close();
    navigator.clear();
    painter.clear();
  });
  void run(false);
}
