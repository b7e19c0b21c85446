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
import { blockRuns } from '../lib/messaging/block-runs';
import { sameSpans } from '../lib/messaging/paint-spans';
import { isTabRequest, LIMITS, type ArticleRequest, type PageReport, type PaintSpan } from '../lib/messaging/protocol';
import { createMentionNavigator, scrollIntoView } from '../lib/paint/navigator';
import { createPainter, highlightApiOf } from '../lib/paint/painter';
import { DEFAULT_SETTINGS, isHighlightingOn, type ReaderSettings } from '../lib/settings/reader-settings';
import { createHoverCard } from './hover-card';
import { handleMessages, openPageChannel } from './messaging';
import { blockChanges, carrySpans, withinAny, type BlockChanges } from './page-changes';
import { loadSettings, watchSettings } from './reader-settings';

const clip = (s: string) => s.slice(0, LIMITS.field);
/** A changing page is analyzed again once its article has been quiet this long... */
const QUIET_MS = 400;
/** ...or this long after the first change, whichever comes first (a live blog never pauses). */
const MAX_WAIT_MS = 1_500;
/** Whole readings of a page judged no article, as its content arrives (an app's shell filled late). */
const MAX_WAITS = 20;
/** Elements Dramatis itself puts in the page: their changes are not the page's. */
const OWN_TAGS = new Set(['dramatis-card', 'dramatis-mark']);

function isOwnNode(node: Node | null): boolean {
  for (let n: Node | null = node; n !== null; n = n.parentNode) {
    if (n.nodeType === 1 && OWN_TAGS.has((n as Element).localName)) return true;
  }
  return false;
}

/** A changing page's text goes to the background at most this often (its changes are read every frame). */
const UPDATE_EVERY_MS = 500;
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

/** The blocks' text as the protocol takes it: at most `LIMITS.blocks` blocks, each clipped. */
const textOf = (block: TextBlock) => block.text.slice(0, LIMITS.blockChars);
const textsOf = (blocks: readonly TextBlock[]) => blocks.slice(0, LIMITS.blocks).map(textOf);

/** Known names first, discovered ones after. */
const ordered = (spans: readonly PaintSpan[]) => [...spans.filter((s) => !s.discovered), ...spans.filter((s) => s.discovered)];

function groupByBlock(blocks: readonly TextBlock[], spans: readonly PaintSpan[]): Map<TextBlock, PaintSpan[]> {
  const groups = new Map<TextBlock, PaintSpan[]>();
  for (const span of spans) {
    const block = blocks[span.block];
    if (!block) continue;
    const group = groups.get(block);
    if (group) group.push(span);
    else groups.set(block, [span]);
  }
  return groups;
}

/** Runs `task` before the next frame is drawn; hidden tabs draw none, so a timer stands in. */
function nextFrame(task: () => void): void {
  if (document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => task());
  else setTimeout(task, 50);
}

export interface PageSessionOptions {
  /** The hover card's stylesheet, for its shadow root. */
  cardCss: string;
}

/**
 * Starts the page's session in a task of its own. Chrome runs a `document_idle` script at the end
 * of one of the page's own load tasks, sometimes 48-69 ms long already: the 2 ms of setting up
 * (its port, painter and hover card; median, 3.7 ms p90) took some of those past 50 ms.
 */
export function startPageSession(ctx: ContentScriptContext, options: PageSessionOptions): void {
  const scriptStart = performance.now();
  void defaultYield().then(() => {
    if (!ctx.isInvalid) openPageSession(ctx, options, scriptStart);
  });
}

function openPageSession(ctx: ContentScriptContext, { cardCss }: PageSessionOptions, scriptStart: number): void {
  /** When this page began: the script's start, or a single-page app's last navigation. */
  let started = scriptStart;
  /** Bumped by a single-page app's navigation: work begun for the page before is dropped. */
  let visit = 0;
  // A closed port can mean the extension was reloaded or removed: asking the context finds out,
  // and an invalidated context takes everything down (`onInvalidated` below). Chrome leaves an
  // orphaned script running in the page and tells it nothing else.
  const channel = openPageChannel(() => {
    // The context learns it is invalid only when asked, and a few milliseconds after the port closes.
    for (const ms of [0, 100, 1_000]) setTimeout(() => ctx.isInvalid, ms);
  });
  const api = highlightApiOf(window);
  const painter = createPainter(document, api);
  const navigator = createMentionNavigator(document, api);
  const card = createHoverCard(ctx, cardCss);
  let settings: ReaderSettings = DEFAULT_SETTINGS;
  /** The stored settings, unless a change the reader made since arrived first. */
  let settingsChanged = false;
  const settingsReady = loadSettings()
    .catch(() => DEFAULT_SETTINGS)
    .then((loaded) => {
      if (!settingsChanged) settings = loaded;
    });
  let painted: { blocks: TextBlock[]; spans: PaintSpan[] } = { blocks: [], spans: [] };
  let measuredArticle = false;
  /** Whether the page was judged an article (not only analyzed because the reader asked). */
  let articleVerdict = false;
  let measuredPage = false;
  let forced = false;

  let paintGeneration = 0;

  /** What the settings let show: nothing where highlighting is off, no hidden type. */
  function visibleSpans(): PaintSpan[] {
    if (!isHighlightingOn(settings, location.href)) return [];
    // Shared, not copied, when nothing is hidden: a live blog asks once a frame.
    return settings.hiddenTypes.length === 0
      ? painted.spans
      : painted.spans.filter((s) => !settings.hiddenTypes.includes(s.type));
  }

  /**
   * Paints what the settings let show (nothing where highlighting is off, no hidden type), in
   * slices that give the page its main thread back: the names the reader's sources list first,
   * those discovered while reading after. A newer repaint stops an older one between slices.
   * @returns whether anything was painted
   */
  async function repaint(): Promise<boolean> {
    const generation = ++paintGeneration;
    painter.clear();
    const visible = visibleSpans();
    navigator.set(painted.blocks, visible);
    card.setMentions(painted.blocks, visible);
    const order = ordered(visible);
    let first = true;
    for (let at = 0; at < order.length; at += SPANS_PER_SLICE) {
      if (!first) await defaultYield();
      if (generation !== paintGeneration || ctx.isInvalid) return false;
      painter.paint(painted.blocks, order.slice(at, at + SPANS_PER_SLICE), settings.highlightStyle);
      if (first) onFirstPaint();
      first = false;
    }
    return !first;
  }

  /** `repaint`, recorded as `dramatis:paint` (the extension's work on the page, for the bench). */
  async function timedRepaint(): Promise<boolean> {
    const start = performance.now();
    const any = await repaint();
    performance.measure('dramatis:paint', { start, end: performance.now() });
    return any;
  }

  /** The contract's `dramatis:article`: from the script's start to the first highlights painted. */
  function onFirstPaint() {
    if (measuredArticle || !articleVerdict) return;
    measuredArticle = true;
    measureOnce('dramatis:article');
  }

  /** Recorded once per page (again after a single-page app's navigation), with its address. */
  function measureOnce(name: 'dramatis:article' | 'dramatis:page') {
    performance.measure(name, { start: started, end: performance.now(), detail: location.href });
  }

  /** @param requested false when only the page's own changes asked for it */
  async function analyze(force: boolean, requested: boolean): Promise<void> {
    forced = force;
    analysisEpoch++;
    const at = visit;
    const gone = () => ctx.isInvalid || at !== visit;
    // Reading starts in a task of its own, after the set-up's: with the set-up, the first slice
    // on the 50,000-text-node page was a 50-70 ms task.
    await defaultYield();
    if (gone()) return;
    const scanStart = performance.now();
    const { verdict, meta, blocks, root } = await runSliced(analyzeDocumentSteps(document, { force }));
    performance.measure('dramatis:scan', { start: scanStart, end: performance.now() });
    if (gone()) return;
    articleVerdict = verdict.isArticle;
    const report: PageReport = {
      url: clip(location.href),
      title: clip(meta.title || document.title),
      isArticle: verdict.isArticle,
      score: verdict.score,
    };
    if (!verdict.isArticle && !force) {
      watchChanges(null);
      await channel.request('bg:not-article', report);
      return;
    }
    waits = 0;
    const texts = textsOf(blocks);
    const request = { ...report, forced: force, meta: clipMeta(meta) };
    if (!requested && sameText(texts)) {
      // Re-rendered, not rewritten: the same spans on the new nodes, no new analysis (its later
      // changes go to the background as this address's).
      lastRequest ??= request;
      painted = { blocks, spans: painted.spans };
      watchChanges(root);
      await repaint();
      return;
    }
    // What the page changes while the background answers is held, then applied to what was read.
    watchChanges(root, true);
    // Early answers come ahead of the last: the names the knowledge base holds, then every name
    // (discovered ones too) while the background journals the reading. Each is painted at once
    // when it changes what is painted; the last answer repeats the last early one.
    let complete = false;
    let early: Promise<unknown> = Promise.resolve();
    let answered = false;
    const asked = performance.now();
    const isPainted = (spans: readonly PaintSpan[]) => painted.blocks === blocks && sameSpans(painted.spans, spans);
    const { spans } = await channel.request(
      'bg:article',
      { ...request, blocks: texts, seq: sent(blocks) },
      ({ spans: ahead }) => {
        if (!answered) performance.measure('dramatis:known', { start: asked, end: performance.now() });
        answered = true;
        const painting = settingsReady.then(() => {
          if (complete || gone() || ahead.length === 0 || isPainted(ahead)) return;
          painted = { blocks, spans: ahead };
          return timedRepaint();
        });
        early = Promise.all([early, painting]);
      },
    );
    complete = true;
    if (gone()) return;
    lastRequest = request;
    await settingsReady;
    if (gone()) return;
    // Painted already from the early answer: nothing to do again (a repaint clears and rebuilds).
    const again = !isPainted(spans);
    painted = { blocks, spans };
    resume();
    const any = again && (await timedRepaint());
    // An article with nothing to paint is done when painting is: the measure still closes.
    if (!any) onFirstPaint();
    await early;
  }

  function sameText(texts: readonly string[]): boolean {
    const before = painted.blocks;
    return before.length === texts.length && before.every((b, i) => b.text === texts[i]);
  }

  /**
   * Late content, live blogs and edits, batched once a frame: only the blocks the page changed
   * are read again (services/page-changes.ts); their old highlights go at once, so edited or
   * removed text never keeps one, and the article's text goes to the background, whose spans
   * are painted block by block where they differ. When the article itself is replaced the page
   * is read again once quiet.
   */
  let watcher: MutationObserver | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let firstChange = 0;
  /** Whole readings since the page was last judged an article (bounded by MAX_WAITS). */
  let waits = 0;

  /** Reads the whole page again once it has been quiet for a while. */
  function readLater() {
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
  }

  /** Takes every highlight down at once; what was read stays, to tell a re-render from a new text. */
  function unpaint() {
    paintGeneration++;
    painter.clear();
    navigator.set([], []);
    card.setMentions([], []);
  }

  /** Takes down what the session shows and watches in the page: highlights, focus, card, observer, timer. */
  function takeDown() {
    watcher?.disconnect();
    watcher = null;
    clearTimeout(pending);
    pending = undefined;
    unpaint();
    navigator.clear();
    card.close();
  }

  /**
   * A page with no article (yet): text it adds (an app's shell filled late, a single-page app's
   * next page) has the whole page read again once quiet, a bounded number of times.
   */
  function waitForArticle() {
    if (waits >= MAX_WAITS) return;
    const addsText = (n: Node) => !isOwnNode(n) && /\S/.test(n.textContent ?? '');
    watcher = new MutationObserver((records) => {
      if (!records.some((r) => [...r.addedNodes].some(addsText))) return;
      watcher?.disconnect();
      waits++;
      readLater();
    });
    watcher.observe(document.body, { childList: true, subtree: true });
  }

  /** Lets the watcher apply the changes it held (set by `watchChanges`). */
  let resume = () => {};

  /** @param hold hold the page's changes until `resume()`: what was read is not painted yet */
  function watchChanges(root: Element | null, hold = false) {
    watcher?.disconnect();
    watcher = null;
    if (!document.body) return;
    if (!root) return waitForArticle();
    /** The article's root, then the stories an infinite scroll appended after it. */
    let roots = [root];
    // The article is its roots and the blocks read outside them (a headline just above).
    const outside = () => {
      const found = new Set<Node>();
      for (const { element } of painted.blocks) if (!withinAny(roots, element)) found.add(element);
      return found;
    };
    let read = outside();
    const inArticle = (node: Node) => {
      if (withinAny(roots, node)) return true;
      for (let n: Node | null = node; n !== null; n = n.parentNode) if (read.has(n)) return true;
      return false;
    };
    const relevant = (r: MutationRecord) =>
      !isOwnNode(r.target) &&
      (inArticle(r.target) || !root.isConnected || r.target.contains(root)) &&
      (r.addedNodes.length === 0 || ![...r.addedNodes].every(isOwnNode));
    let batch: MutationRecord[] = [];
    const flush = () => {
      if (hold) return;
      const records = batch;
      batch = [];
      if (ctx.isInvalid) return;
      const changes = blockChanges(records, roots, painted.blocks, inArticle);
      if (changes) {
        roots = [...roots, ...changes.grown].filter((r) => r.isConnected);
        applyChanges(changes);
        read = outside();
        return;
      }
      // The article itself was replaced: its highlights are on nodes no longer in the page.
      unpaint();
      readLater();
    };
    resume = () => {
      hold = false;
      read = outside();
      if (batch.length > 0) nextFrame(flush);
    };
    watcher = new MutationObserver((records) => {
      const mine = records.filter(relevant);
      if (mine.length === 0) return;
      if (batch.length === 0) nextFrame(flush);
      batch.push(...mine);
    });
    watcher.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  /** Takes the changed blocks' highlights down and asks for the article's spans again. */
  function applyChanges({ blocks, dropped, added }: BlockChanges) {
    if (dropped.length === 0 && added.length === 0) return;
    for (const block of dropped) painter.forget(block);
    const spans = carrySpans(painted.blocks, blocks, painted.spans);
    painted = { blocks, spans };
    const visible = visibleSpans();
    navigator.set(blocks, visible);
    card.setMentions(blocks, visible);
    void requestUpdate();
  }

  /** The last article request, for updates of the same article. */
  let lastRequest: Omit<ArticleRequest, 'blocks' | 'seq'> | null = null;
  /** The blocks of the last text sent through the port, and its number: an update's base. */
  let lastSent: { seq: number; blocks: readonly TextBlock[] } | null = null;
  let seq = 0;
  /** Notes `blocks` as the text about to be sent; returns its number. */
  function sent(blocks: readonly TextBlock[]): number {
    lastSent = { seq: ++seq, blocks: blocks.slice(0, LIMITS.blocks) };
    return seq;
  }

  /**
   * The article's spans for `snapshot`: asked as runs against the text sent last (its unchanged
   * blocks named, not sent), and answered, in `keep`, with the blocks whose spans are those the
   * page holds; whole when the background no longer has that text.
   */
  async function updatedSpans(
    request: Omit<ArticleRequest, 'blocks' | 'seq'>,
    snapshot: readonly TextBlock[],
  ): Promise<{ spans: PaintSpan[]; keep: readonly [number, number][] }> {
    const base = lastSent;
    if (base) {
      const runs = blockRuns(base.blocks, snapshot.slice(0, LIMITS.blocks), textOf);
      const answer = await channel.request('bg:article-update', { ...request, seq: sent(snapshot), base: base.seq, runs });
      if ('spans' in answer) return answer;
    }
    const { spans } = await channel.request('bg:article', { ...request, blocks: textsOf(snapshot), seq: sent(snapshot) });
    return { spans, keep: [] };
  }
  /** Bumped by every whole-page analysis: an update answered after one is dropped. */
  let analysisEpoch = 0;
  let updating = false;
  let stale = false;
  let lastUpdate = -Infinity;
  /** One update in flight at a time; changes made meanwhile go in the next. */
  async function requestUpdate() {
    stale = true;
    if (updating || !lastRequest) return;
    updating = true;
    try {
      while (stale && !ctx.isInvalid && lastRequest) {
        // A live page changing every frame is analyzed at most every UPDATE_EVERY_MS.
        const wait = lastUpdate + UPDATE_EVERY_MS - performance.now();
        if (wait > 0) await new Promise((resume) => setTimeout(resume, wait));
        if (ctx.isInvalid || !lastRequest) return;
        lastUpdate = performance.now();
        stale = false;
        const epoch = analysisEpoch;
        const snapshot = painted.blocks;
        const { spans, keep } = await updatedSpans(lastRequest, snapshot);
        if (epoch !== analysisEpoch || ctx.isInvalid) return;
        paintUpdate(snapshot, spans, keep);
      }
    } catch {
      // The background is gone (the extension reloaded): this page keeps what it shows.
    } finally {
      updating = false;
    }
  }

  /**
   * Repaints only the blocks whose spans the update changed.
   * @param keep runs of the snapshot's blocks whose spans are those painted (`spans` has none of them)
   */
  function paintUpdate(snapshot: readonly TextBlock[], spans: readonly PaintSpan[], keep: readonly [number, number][]) {
    // Usually nothing changed while the background answered: every block is the snapshot's.
    const inSnapshot = snapshot === painted.blocks ? null : new Set(snapshot);
    const kept = new Set<TextBlock>();
    for (const [from, count] of keep) for (let i = from; i < from + count && i < snapshot.length; i++) kept.add(snapshot[i]!);
    const fresh = groupByBlock(snapshot, spans);
    const before = groupByBlock(painted.blocks, painted.spans);
    const next: PaintSpan[] = [];
    const show = isHighlightingOn(settings, location.href);
    for (let i = 0; i < painted.blocks.length; i++) {
      const block = painted.blocks[i]!;
      // A block added after the snapshot waits for the next update; a kept one keeps what is painted.
      const answered = (!inSnapshot || inSnapshot.has(block)) && !kept.has(block);
      const now = answered ? (fresh.get(block) ?? []) : (before.get(block) ?? []);
      if (!sameSpans(before.get(block) ?? [], now)) {
        painter.forget(block);
        const visible = show ? now.filter((s) => !settings.hiddenTypes.includes(s.type)) : [];
        painter.paint(
          [block],
          ordered(visible).map((s) => ({ ...s, block: 0 })),
          settings.highlightStyle,
        );
      }
      for (const s of now) next.push(s.block === i ? s : { ...s, block: i });
    }
    painted = { blocks: painted.blocks, spans: next };
    const visible = visibleSpans();
    navigator.set(painted.blocks, visible);
    card.setMentions(painted.blocks, visible);
  }

  let running: Promise<void> | null = null;
  /** The run asked for during the current one: one, however many asked, with what they asked. */
  let queued: { force: boolean; requested: boolean; done: Promise<void> } | null = null;
  /**
   * One analysis at a time; a request during one runs once after it, and its caller's promise
   * settles when that run has (the popup's "analyze anyway" answers once its own run is done,
   * not the run it interrupted).
   */
  function run(force: boolean, requested = true): Promise<void> {
    if (running) {
      if (queued) {
        queued.force ||= force;
        queued.requested ||= requested;
        return queued.done;
      }
      const after = running.catch(() => undefined);
      const next = { force, requested, done: Promise.resolve() };
      next.done = after.then(() => {
        queued = null;
        if (ctx.isInvalid) return;
        return run(next.force || forced, next.requested);
      });
      queued = next;
      return next.done;
    }
    const current = runOnce(force, requested).finally(() => {
      running = null;
    });
    running = current;
    return current;
  }

  async function runOnce(force: boolean, requested: boolean): Promise<void> {
    const at = visit;
    try {
      await analyze(force, requested);
    } finally {
      if (!measuredPage && at === visit) {
        measuredPage = true;
        measureOnce('dramatis:page');
      }
    }
  }

  const stopListening = handleMessages(
    {
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
    },
    isTabRequest,
  );
  const stopWatching = watchSettings((next) => {
    settingsChanged = true;
    settings = next;
    void repaint();
  });
  // Single-page apps: a new address (not a new fragment) is a new page. Its old highlights go at
  // once; it is read when quiet, since WXT reports the navigation as it starts (the Navigation
  // API's navigate event), before the app has swapped its article. Until then what was read
  // stays: the same text read again is the same article under another address, not analyzed again.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl, oldUrl }) => {
    if (newUrl.href.split('#')[0] === oldUrl.href.split('#')[0]) return;
    visit++;
    started = performance.now();
    measuredPage = measuredArticle = articleVerdict = forced = false;
    lastRequest = null;
    waits = 0;
    unpaint();
    watchChanges(null);
    readLater();
  });
  // The back/forward cache keeps a page the reader left alive, in the process that renders the
  // site's next pages: what was read and painted is let go (after the 50,000-text-node page, 11
  // MB that every garbage collection on the next page traced, in pauses of 60-76 ms), and a page
  // the reader comes back to is read again.
  ctx.addEventListener(window, 'pagehide', (event) => {
    if (!event.persisted) return;
    channel.release();
    lastSent = null;
    visit++;
    analysisEpoch++;
    lastRequest = null;
    resume = () => {};
    takeDown();
    painted = { blocks: [], spans: [] };
  });
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (!event.persisted) return;
    started = performance.now();
    void run(forced);
  });
  ctx.onInvalidated(() => {
    // The page first (the extension's APIs may already be gone and throw), then the listeners.
    takeDown();
    for (const stop of [stopListening, stopWatching, channel.close]) {
      try {
        stop();
      } catch {
        // Extension context invalidated: the browser took that listener down itself.
      }
    }
  });
  void run(false);
}
