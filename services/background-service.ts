/**
 * The brain's first service: analyzes the articles content scripts send, remembers each tab's
 * analysis for the popup, and relays the popup's "analyze anyway" to the page. Names the reader
 * marked as false matches on a page ("not this one here", from the card) are left out there.
 */
import { browser } from 'wxt/browser';
import { describeArticle, findSpans, knownSpans, type FoundSpans } from '../lib/analysis/analyze-article';
import type { Entity } from '../lib/entities/types';
import type { EntityRepo } from '../lib/entities/repo';
import type { SettingsRepo } from '../lib/store/settings';
import type { FalseMatchRepo } from '../lib/store/false-matches';
import { applyBlockRuns, keptFrom, rangesWhere } from '../lib/messaging/block-runs';
import { sameSpans, spansByBlock } from '../lib/messaging/paint-spans';
import {
  isRequest,
  LIMITS,
  type ArticleRequest,
  type ArticleUpdate,
  type PageReport,
  type PaintSpan,
  type TabAnalysis,
} from '../lib/messaging/protocol';
import { classifyUrl } from '../lib/analysis/supported-url';
import { handleMessages, handlePorts, sendToTab, type Handlers, type Sender } from './messaging';
import type { KnowledgeBase } from './knowledge-base';
import type { ArticleInput } from '../lib/memory/article-record';
import type { PendingReading } from '../lib/memory/article-repo';
import { StorageError } from '../lib/store/storage-error';
import type { ReadingMemory } from './reading-memory';
import { forgetTab, readTab, writeTab } from './tab-analyses';

/** The tab of a message sent by a tab's top frame; throws for anything else. */
export function tabOf(sender: Sender): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) throw new Error('Only a tab’s top frame may report a page');
  return tabId;
}

/**
 * The address of the sender's page. The one the page reports is kept only on the origin the
 * browser says the sender is on (it moves with a single-page app's navigation, which a port's
 * sender does not): a page cannot file its text, its analysis or its stored reading under
 * another site's address.
 */
export function pageUrlOf(sender: Sender, reported: string): string {
  if (!sender.url) return reported;
  try {
    return new URL(reported).origin === new URL(sender.url).origin ? reported : sender.url;
  } catch {
    return sender.url;
  }
}

function baseAnalysis(report: PageReport, sender: Sender): Omit<TabAnalysis, 'status'> {
  return { url: pageUrlOf(sender, report.url), title: report.title, forced: false, meta: null, actors: [], topics: [] };
}

async function describeUnknownTab(tabId: number): Promise<TabAnalysis> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  const verdict = classifyUrl(url);
  const base = { url, title: tab.title ?? '', forced: false, meta: null, actors: [], topics: [] };
  if (verdict === 'unsupported') return { ...base, status: 'unsupported', reason: 'Dramatis cannot run on this kind of page.' };
  return { ...base, status: 'pending' };
}

/** A task of its own: lets the answer reach the page before the work that follows it. */
const nextTask = () => new Promise<void>((resume) => setTimeout(resume, 0));
/**
 * A changing page (a live blog sends its text every 500 ms) is described and stored at most this
 * often. Each description rereads and restores the whole article: over a minute of a live blog,
 * that was most of the background's 10 s of work.
 */
const DESCRIBE_EVERY_MS = 2_000;

interface Described {
  found: FoundSpans;
  entities: ReadonlyMap<string, Entity>;
  spans: PaintSpan[];
  notHere: ReadonlySet<string>;
}

/** What the journal keeps of a reading until it is stored. */
interface Journaled {
  tabId: number;
  request: ArticleRequest;
  sender: Pick<Sender, 'url' | 'frameId'> & { tab: { id: number; incognito: boolean } };
}

export interface BackgroundDeps {
  knowledgeBase: KnowledgeBase;
  repo: EntityRepo;
  settings: SettingsRepo;
  falseMatches?: FalseMatchRepo;
  /** Stores each article read and finds the related ones (absent: nothing is stored). */
  memory?: ReadingMemory;
}

/**
 * @param extraHandlers extension pages only (the popup, the dashboard)
 * @param tabHandlers reachable from content scripts: each checks its sender itself
 */
export function createBackgroundService(
  { knowledgeBase, repo, settings, falseMatches, memory }: BackgroundDeps,
  extraHandlers: Handlers = {},
  tabHandlers: Handlers = {},
) {
  const extensionOrigin = browser.runtime.getURL('/');
  /**
   * The popup and the dashboard: a page of this extension, by the address (and, where the browser
   * gives one, the origin) the browser reports for the sender. A content script's sender is the
   * web page it runs in, so it never passes.
   */
  const isExtensionPage = (sender: Sender) =>
    sender.id === browser.runtime.id &&
    (sender.url ?? '').startsWith(extensionOrigin) &&
    (sender.origin === undefined || `${sender.origin}/` === extensionOrigin);

  /**
   * The article's spans, sent ahead as soon as they are found (the known names, then all of
   * them): the page paints them while the reading is journaled, its actors and topics described
   * for the popup and the article stored. The answer repeats the last early one.
   */
  async function onArticle(request: ArticleRequest, sender: Sender, early?: (value: { spans: PaintSpan[] }) => void) {
    const tabId = tabOf(sender);
    // A port's sender is one object for all its messages: the base of the page's next update.
    const sent: LastText | null = request.seq === undefined ? null : { seq: request.seq, blocks: request.blocks, answer: null };
    if (sent) lastTexts.set(sender, sent);
    const base = { ...baseAnalysis(request, sender), forced: request.forced, meta: request.meta };
    try {
      const [{ matcher, entities, isSuppressed }, notHereStored] = await Promise.all([
        knowledgeBase.current(),
        falseMatches?.forPage(base.url),
      ]);
      const notHere = notHereStored ?? new Set<string>();
      // The names the knowledge base holds, a millisecond of matching, go to the page at once
      // (through its port): it paints them while names are discovered here.
      const known = knownSpans(request.blocks, matcher, entities);
      if (early) early({ spans: known.filter((s) => !notHere.has(s.entityId)) });
      const journaled = journal(tabId, request, sender);
      const found = findSpans(request.blocks, matcher, entities, { isSuppressed, known });
      const spans = found.spans.filter((s) => !notHere.has(s.entityId));
      // Every name, discovered ones too, goes to the page while the journal is written: a page
      // whose names the knowledge base lacks has nothing else to paint until then.
      if (early) early({ spans });
      // What the page will hold: an update's base.
      if (sent) sent.answer = spansByBlock(spans, request.blocks.length);
      // Journaled before the answer leaves: a worker stopped before storing stores it on waking.
      const entry = await journaled;
      describeSoon(
        tabId,
        () => describe(tabId, base, request, sender, { found, entities, spans, notHere }).finally(() => memory?.settle(entry)),
        base.url,
      );
      return { spans };
    } catch (error) {
      await failed(tabId, base, error);
      throw error;
    }
  }

  /** The text a page's port sent last, and, once found, its spans by block. */
  interface LastText {
    seq: number;
    blocks: string[];
    answer: PaintSpan[][] | null;
  }
  /** By the port's sender (one object for all of a port's messages): what the page's updates are runs against. */
  const lastTexts = new WeakMap<Sender, LastText>();

  /**
   * A changing page's update: its article rebuilt from the runs and analyzed as `bg:article`. The
   * answer leaves out the blocks the page kept whose spans did not change: it holds them already.
   */
  async function onArticleUpdate({ base, runs, ...request }: ArticleUpdate, sender: Sender) {
    tabOf(sender);
    const last = lastTexts.get(sender);
    if (last?.seq !== base) return { unknownBase: true as const };
    const blocks = applyBlockRuns(last.blocks, runs, LIMITS);
    if (!blocks) throw new Error('The update does not fit the text it names');
    const before = last.answer;
    const { spans } = await onArticle({ ...request, blocks }, sender);
    if (!before) return { spans, keep: [] };
    const from = keptFrom(runs);
    const now = spansByBlock(spans, blocks.length);
    const kept = from.map((j, i) => j >= 0 && sameSpans(before[j]!, now[i]!));
    return { spans: spans.filter((s) => !kept[s.block]), keep: rangesWhere(blocks.length, (i) => kept[i]!) };
  }

  /**
   * Per tab, one description at a time and, per address, only the latest waiting: a live page
   * asking many times a second is described (and stored) as often as the background keeps up,
   * and at most every `DESCRIBE_EVERY_MS`, unless another page of the tab waits behind it. Its
   * spans are not held back, only its record.
   */
  /** `done`: who waits for this description, or for the newer one of its address that replaced it. */
  type Description = { job: () => Promise<void>; url?: string; done: (() => void)[] };
  type Slot = { queue: Description[]; current: Description | null; wake: () => void };
  const describing = new Map<number, Slot>();
  const lastDescribed = new Map<number, { url: string; at: number }>();
  function describeSoon(tabId: number, job: () => Promise<void>, url?: string) {
    const queued = describing.get(tabId);
    if (queued) {
      const same = queued.queue.findIndex((d) => d.url === url);
      if (same >= 0) queued.queue[same] = { job, url, done: queued.queue[same]!.done };
      else queued.queue.push({ job, url, done: [] });
      queued.wake();
      return;
    }
    const slot: Slot = { queue: [{ job, url, done: [] }], current: null, wake: () => undefined };
    describing.set(tabId, slot);
    track(
      (async () => {
        try {
          while (slot.queue.length > 0) {
            const head = slot.queue[0]!;
            const last = lastDescribed.get(tabId);
            const throttled = slot.queue.length === 1 && head.url !== undefined && last?.url === head.url;
            const wait = throttled ? last.at + DESCRIBE_EVERY_MS - Date.now() : 0;
            if (wait > 0) {
              // A newer reading of the page replaces this one; another page ends the wait.
              await new Promise<void>((resume) => {
                slot.wake = resume;
                setTimeout(resume, wait);
              });
              slot.wake = () => undefined;
              continue;
            }
            // A task of its own: the answer reaches the page before this work starts.
            await nextTask();
            const run = slot.queue.shift()!;
            slot.current = run;
            if (run.url !== undefined) lastDescribed.set(tabId, { url: run.url, at: Date.now() });
            await run.job().catch((error: unknown) => console.warn('Dramatis: could not record this article', error));
            slot.current = null;
            for (const resolve of run.done) resolve();
          }
        } finally {
          describing.delete(tabId);
          for (const left of slot.queue) for (const resolve of left.done) resolve();
        }
      })(),
    );
  }

  /** Settles once the tab's description waiting last (or running) now has been written. */
  function described(tabId: number): Promise<void> {
    const slot = describing.get(tabId);
    const last = slot?.queue[slot.queue.length - 1] ?? slot?.current;
    return last ? new Promise((resolve) => last.done.push(resolve)) : Promise.resolve();
  }

  /** The reading as the journal keeps it until it is stored (`memory.journal`). */
  function journal(tabId: number, request: ArticleRequest, sender: Sender): Promise<PendingReading<Journaled> | null> {
    if (!memory || !(request.isArticle || !request.forced)) return Promise.resolve(null);
    const incognito = Boolean(sender.tab?.incognito);
    const kept: Journaled = {
      tabId,
      request,
      sender: { url: sender.url, frameId: sender.frameId, tab: { id: tabId, incognito } },
    };
    return memory.journal(String(tabId), pageUrlOf(sender, request.url), incognito, kept).catch((error: unknown) => {
      console.warn('Dramatis: could not journal this article', error);
      return null;
    });
  }

  /** Readings a stopped worker answered but never stored: analyzed again with today's knowledge base, and stored. */
  async function resumeInterrupted() {
    for (const entry of (await memory?.interrupted<Journaled>()) ?? []) {
      const { tabId, request, sender } = entry.value;
      const replay = async () => {
        const [{ matcher, entities, isSuppressed }, notHere, customTopics] = await Promise.all([
          knowledgeBase.current(),
          falseMatches?.forPage(pageUrlOf(sender as Sender, request.url)),
          settings.customTopics(),
        ]);
        const found = findSpans(request.blocks, matcher, entities, { isSuppressed });
        const spans = found.spans.filter((s) => !notHere?.has(s.entityId));
        const { actors, topics, learned } = describeArticle(request.blocks, found, entities, { customTopics });
        const shown = actors.filter((a) => !notHere?.has(a.entityId));
        const state: TabAnalysis = {
          ...baseAnalysis(request, sender as Sender),
          forced: request.forced,
          meta: request.meta,
          status: 'article',
          actors: shown,
          topics,
        };
        await remember(tabId, state, request, sender as Sender, { spans, actors: shown, topics }, learned);
      };
      describeSoon(tabId, () => replay().finally(() => memory?.settle(entry)));
    }
  }

  async function failed(tabId: number, base: Omit<TabAnalysis, 'status'>, error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    await writeTab(tabId, { ...base, status: 'failed', reason });
  }

  /** The popup's state of the tab (actors, topics), written once the page has its spans. */
  async function describe(
    tabId: number,
    base: Omit<TabAnalysis, 'status'>,
    request: ArticleRequest,
    sender: Sender,
    { found, entities, spans, notHere }: Described,
  ) {
    try {
      // Read when the description runs, not with the request: a live page's readings that a newer
      // one replaces are never described, and the tab's analysis is then the latest written.
      const [customTopics, previous] = await Promise.all([settings.customTopics(), readTab(tabId)]);
      const analysis = describeArticle(request.blocks, found, entities, { customTopics });
      const actors = analysis.actors.filter((a) => !notHere.has(a.entityId));
      const { topics, learned } = analysis;
      // The same page read again (a living page, a re-analysis) keeps its related articles until
      // they are ranked again, so the popup never blinks them away.
      const kept =
        previous?.status === 'article' && previous.url === base.url && previous.articleId
          ? { articleId: previous.articleId, related: previous.related ?? [] }
          : {};
      const state: TabAnalysis = { ...base, status: 'article', actors, topics, ...kept };
      await writeTab(tabId, state);
      await remember(tabId, state, request, sender, { spans, actors, topics }, learned);
    } catch (error) {
      await failed(tabId, base, error);
      throw error;
    }
  }

  let pending: Promise<void> = Promise.resolve();
  function track(task: Promise<void>): void {
    const settled = task.catch((error: unknown) => console.warn('Dramatis: could not record this article', error));
    pending = Promise.all([pending, settled]).then(() => undefined);
  }

  /**
   * The article is stored (not from private windows or excluded sites, unless the reader says
   * so; not a page the reader only forced to be analyzed): its new names are learned for the
   * next one, and the stored articles related to it reach the popup through the tab's analysis.
   */
  async function remember(
    tabId: number,
    state: TabAnalysis,
    request: ArticleRequest,
    sender: Sender,
    analysis: ArticleInput['analysis'],
    learned: Parameters<EntityRepo['learn']>[0],
  ) {
    const url = state.url;
    const incognito = Boolean(sender.tab?.incognito);
    try {
      if (!memory) {
        if (learned.length > 0 && !incognito) await learn(learned);
        return;
      }
      const storable = request.isArticle || !request.forced;
      if (!storable || !(await memory.mayStore(url, incognito))) return;
      if (learned.length > 0) await learn(learned);
      const stored = await memory.store({ url, meta: request.meta, blocks: request.blocks, analysis, now: Date.now() });
      if (!stored) return;
      const current = await readTab(tabId);
      // The reader may have moved on while the article was stored: update only the same page.
      if (current?.url !== state.url || current.status !== 'article') return;
      await writeTab(tabId, { ...current, articleId: stored.record.id, related: stored.related });
    } catch (error) {
      console.warn('Dramatis: could not store this article', error);
      // The reader learns why from the popup (a full disk is theirs to fix), on the same page only.
      const current = await readTab(tabId).catch(() => undefined);
      if (error instanceof StorageError && current?.url === state.url && current.status === 'article')
        await writeTab(tabId, { ...current, storeError: error.message }).catch(() => undefined);
    }
  }

  async function learn(names: Parameters<EntityRepo['learn']>[0]) {
    try {
      const stored = await repo.learn(names);
      if (stored.some((e) => e !== null)) await knowledgeBase.reloadLearned();
    } catch (error) {
      console.warn('Dramatis: could not learn names from this article', error);
    }
  }

  async function onNotArticle(report: PageReport, sender: Sender) {
    await writeTab(tabOf(sender), { ...baseAnalysis(report, sender), status: 'not-article' });
    return { ok: true as const };
  }

  async function onGetTab({ tabId }: { tabId: number }, sender: Sender) {
    if (!isExtensionPage(sender)) throw new Error('Not allowed');
    return (await readTab(tabId)) ?? describeUnknownTab(tabId);
  }

  async function onAnalyzeAnyway({ tabId }: { tabId: number }, sender: Sender) {
    if (!isExtensionPage(sender)) throw new Error('Not allowed');
    await sendToTab(tabId, 'tab:analyze-anyway', {});
    // The page has its spans; the popup's answer is the analysis they are described in.
    await described(tabId);
    return (await readTab(tabId)) ?? describeUnknownTab(tabId);
  }

  async function onReanalyze({ tabId }: { tabId: number }, sender: Sender) {
    if (!isExtensionPage(sender)) throw new Error('Not allowed');
    await knowledgeBase.current();
    await sendToTab(tabId, 'tab:reanalyze', {});
    return { ok: true as const };
  }

  async function onReveal({ tabId, entityId }: { tabId: number; entityId: string }, sender: Sender) {
    if (!isExtensionPage(sender)) throw new Error('Not allowed');
    return sendToTab(tabId, 'tab:reveal', { entityId });
  }

  /** Extension-page-only handlers: a content script may never reach them. */
  function guardPages(handlers: Handlers): Handlers {
    const guarded: Record<string, unknown> = {};
    for (const [name, handler] of Object.entries(handlers) as [string, (d: unknown, s: Sender) => unknown][]) {
      guarded[name] = (data: unknown, sender: Sender) => {
        if (!isExtensionPage(sender)) throw new Error('Not allowed');
        return handler(data, sender);
      };
    }
    return guarded as Handlers;
  }

  function init() {
    const handlers: Handlers = {
      'bg:article': onArticle,
      'bg:article-update': onArticleUpdate,
      'bg:not-article': onNotArticle,
      'bg:get-tab': onGetTab,
      'bg:analyze-anyway': onAnalyzeAnyway,
      'bg:reanalyze': onReanalyze,
      'bg:reveal': onReveal,
      ...tabHandlers,
      ...guardPages(extraHandlers),
    };
    handleMessages(handlers, isRequest);
    // Content scripts ask through their page's port: the same handlers, the same checks.
    handlePorts(handlers);
    browser.tabs.onRemoved.addListener((tabId) => {
      lastDescribed.delete(tabId);
      void forgetTab(tabId);
    });
    track(resumeInterrupted());
  }

  return {
    init,
    /** Resolves once every article received so far is stored (or was not to be): for tests. */
    async settled(): Promise<void> {
      // Work settling may queue more (a reading resumed after a restart): wait for that too.
      for (let seen: Promise<void> | undefined; seen !== pending;) await (seen = pending);
    },
  };
}
