/**
 * The brain's first service: analyzes the articles content scripts send, remembers each tab's
 * analysis for the popup, and relays the popup's "analyze anyway" to the page. Names the reader
 * marked as false matches on a page ("not this one here", from the card) are left out there.
 */
import { browser } from 'wxt/browser';
import { analyzeArticle } from '../lib/analysis/analyze-article';
import type { EntityRepo } from '../lib/entities/repo';
import type { SettingsRepo } from '../lib/store/settings';
import type { FalseMatchRepo } from '../lib/store/false-matches';
import type { ArticleRequest, PageReport, TabAnalysis } from '../lib/messaging/protocol';
import { classifyUrl } from '../lib/analysis/supported-url';
import { handleMessages, sendToTab, type Handlers, type Sender } from './messaging';
import type { KnowledgeBase } from './knowledge-base';
import type { ArticleInput } from '../lib/memory/article-record';
import type { ReadingMemory } from './reading-memory';
import { forgetTab, readTab, writeTab } from './tab-analyses';

/** The tab of a message sent by a tab's top frame; throws for anything else. */
export function tabOf(sender: Sender): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) throw new Error('Only a tab’s top frame may report a page');
  return tabId;
}

function baseAnalysis(report: PageReport): Omit<TabAnalysis, 'status'> {
  return { url: report.url, title: report.title, forced: false, meta: null, actors: [], topics: [] };
}

async function describeUnknownTab(tabId: number): Promise<TabAnalysis> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  const verdict = classifyUrl(url);
  const base = { url, title: tab.title ?? '', forced: false, meta: null, actors: [], topics: [] };
  if (verdict === 'unsupported') return { ...base, status: 'unsupported', reason: 'Dramatis cannot run on this kind of page.' };
  return { ...base, status: 'pending' };
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
  const isExtensionPage = (sender: Sender) => (sender.url ?? '').startsWith(extensionOrigin);

  async function onArticle(request: ArticleRequest, sender: Sender) {
    const tabId = tabOf(sender);
    const base = { ...baseAnalysis(request), forced: request.forced, meta: request.meta };
    try {
      // Independent reads: none waits for another.
      const [{ matcher, entities, isSuppressed }, customTopics, notHereStored, previous] = await Promise.all([
        knowledgeBase.current(),
        settings.customTopics(),
        falseMatches?.forPage(sender.url ?? request.url),
        readTab(tabId),
      ]);
      const analysis = analyzeArticle(request.blocks, matcher, entities, { isSuppressed, customTopics });
      const notHere = notHereStored ?? new Set<string>();
      const spans = analysis.spans.filter((s) => !notHere.has(s.entityId));
      const actors = analysis.actors.filter((a) => !notHere.has(a.entityId));
      const { topics, learned } = analysis;
      // The same page read again (a living page, a re-analysis) keeps its related articles until
      // they are ranked again, so the popup never blinks them away.
      const kept =
        previous?.status === 'article' && previous.url === request.url && previous.articleId
          ? { articleId: previous.articleId, related: previous.related ?? [] }
          : {};
      const state: TabAnalysis = { ...base, status: 'article', actors, topics, ...kept };
      await writeTab(tabId, state);
      // Painting first: storing runs after the spans are answered.
      track(remember(tabId, state, request, sender, { spans, actors, topics }, learned));
      return { spans };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await writeTab(tabId, { ...base, status: 'failed', reason });
      throw error;
    }
  }

  let pending: Promise<void> = Promise.resolve();
  function track(task: Promise<void>): void {
    pending = Promise.all([pending, task]).then(() => undefined);
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
    const url = sender.url ?? request.url;
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
    await writeTab(tabOf(sender), { ...baseAnalysis(report), status: 'not-article' });
    return { ok: true as const };
  }

  async function onGetTab({ tabId }: { tabId: number }, sender: Sender) {
    if (!isExtensionPage(sender)) throw new Error('Not allowed');
    return (await readTab(tabId)) ?? describeUnknownTab(tabId);
  }

  async function onAnalyzeAnyway({ tabId }: { tabId: number }, sender: Sender) {
    if (!isExtensionPage(sender)) throw new Error('Not allowed');
    await sendToTab(tabId, 'tab:analyze-anyway', {});
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
    handleMessages({
      'bg:article': onArticle,
      'bg:not-article': onNotArticle,
      'bg:get-tab': onGetTab,
      'bg:analyze-anyway': onAnalyzeAnyway,
      'bg:reanalyze': onReanalyze,
      'bg:reveal': onReveal,
      ...tabHandlers,
      ...guardPages(extraHandlers),
    });
    browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  }

  return {
    init,
    /** Resolves once every article received so far is stored (or was not to be): for tests. */
    settled: () => pending,
  };
}
