/**
 * The background's doors, tried with forged senders and malformed payloads (SECURITY.md,
 * "messages"). The background is wired as `entrypoints/background.ts` wires it, and every request
 * goes through the real listener (`runtime.onMessage`, and a page's port), so what is checked is
 * what a hostile page could reach through its content script, or another extension through
 * messaging: whatever it sends, it gets no answer or a refusal, and nothing changes.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createEntityRepo, type EntityRepo } from '../../../lib/entities/repo';
import type { Entity } from '../../../lib/entities/types';
import { createArticleRepo } from '../../../lib/memory/article-repo';
import {
  isRequest,
  LIMITS,
  type ArticleRequest,
  type ArticleUpdate,
  type MessageName,
  type RequestOf,
} from '../../../lib/messaging/protocol';
import { openDb } from '../../../lib/store/db';
import { createSettingsRepo, type SettingsRepo } from '../../../lib/store/settings';
import { createFalseMatchRepo } from '../../../lib/store/false-matches';
import { createBackgroundService } from '../../../services/background-service';
import { createCardService } from '../../../services/card-service';
import { createEntityAdmin } from '../../../services/entity-admin';
import type { Sender } from '../../../services/messaging';
import { createReadingMemory, memoryHandlers, type ReadingMemory } from '../../../services/reading-memory';
import { readTab, writeTab } from '../../../services/tab-analyses';
import { fakeKnowledgeBase } from '../../support/fake-knowledge-base';

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}`;
const PAGE_URL = 'https://news.example/caspian';
const ENTITIES: Entity[] = [
  { id: 'c:ir', name: 'Iran', type: 'place', aliases: [] },
  { id: 'p:sayyari', name: 'Habibollah Sayyari', type: 'person', aliases: ['Habibullah Sayyari'] },
];
const BLOCKS = ['Habibollah Sayyari met officers in Iran on Monday.', 'Iran will hold drills, officials said.'];

/** A content script in tab `tabId`'s top frame, as the browser reports it. */
const tabPage = (tabId = 7, url = PAGE_URL): Sender => ({
  id: ID,
  tab: { id: tabId, incognito: false } as Sender['tab'],
  frameId: 0,
  url,
  origin: new URL(url).origin,
});
const dashboard: Sender = { id: ID, tab: { id: 3 } as Sender['tab'], frameId: 0, url: `${ORIGIN}/options.html`, origin: ORIGIN };
const popup: Sender = { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN };
const otherExtension: Sender = {
  id: 'evil@example',
  url: 'chrome-extension://evil/page.html',
  origin: 'chrome-extension://evil',
};

const article = (extra: Partial<ArticleRequest> = {}): ArticleRequest => ({
  url: PAGE_URL,
  title: 'Caspian drills',
  isArticle: true,
  score: 3,
  forced: false,
  meta: { title: 'Caspian drills', byline: null, publishedAt: null, siteName: null, canonicalUrl: null, language: 'en' },
  blocks: BLOCKS,
  ...extra,
});
const update = (extra: Partial<ArticleUpdate> = {}): ArticleUpdate => {
  const { blocks: _blocks, ...request } = article();
  return { ...request, seq: 2, base: 1, runs: [[0, 2]], ...extra };
};
const entity: Entity = { id: 'user:x', name: 'Someone Else', type: 'person', aliases: [] };

/**
 * One well-formed request of every message the background answers only to extension pages.
 * Typed over every message name, so a message added to the protocol must be placed here (`null`:
 * a content script may send it, or the background never answers it).
 */
const REQUESTS: { [N in MessageName]: RequestOf<N> | null } = {
  'bg:article': null,
  'bg:article-update': null,
  'bg:not-article': null,
  'bg:card': null,
  'bg:card-action': null,
  'tab:analyze-anyway': null,
  'tab:reanalyze': null,
  'tab:reveal': null,
  'tab:navigate': null,
  'bg:get-tab': { tabId: 8 },
  'bg:analyze-anyway': { tabId: 8 },
  'bg:reanalyze': { tabId: 8 },
  'bg:reveal': { tabId: 8, entityId: 'c:ir' },
  'bg:entities-query': { text: '', type: 'all', source: 'all', hidden: 'include', offset: 0, limit: 50 },
  'bg:entity-save': { entity },
  'bg:entity-hide': { id: 'c:ir', hidden: true },
  'bg:entities-merge': { keepId: 'c:ir', mergeId: 'p:sayyari' },
  'bg:entities-import': { entities: [entity], mode: 'replace' },
  'bg:entities-export': {},
  'bg:entity-get': { id: 'c:ir' },
  'bg:entity-promote': { id: 'c:ir', name: 'Iran', type: 'place' },
  'bg:entity-reject': { id: 'c:ir', name: 'Iran' },
  'bg:topics-get': {},
  'bg:topics-save': { topics: [{ id: 't', label: 'Drones', keywords: ['drone'] }] },
  'bg:memory-search': { query: 'Iran', filters: {}, offset: 0, limit: 10 },
  'bg:memory-article': { id: 'a:x' },
  'bg:memory-entity': { id: 'c:ir' },
  'bg:memory-delete': { ids: ['a:x'] },
  'bg:memory-clear': { confirm: 'delete-all-articles' },
  'bg:memory-status': {},
  'bg:memory-settings': { retention: { kind: 'all' }, storePrivate: true, excludedSites: [] },
  'bg:backup-export': { offset: 0 },
  'bg:backup-import': { part: '{}', done: true, mode: 'replace' },
};
const PAGE_ONLY = Object.entries(REQUESTS).filter(([, data]) => data !== null) as [MessageName, unknown][];

let repo: EntityRepo;
let settings: SettingsRepo;
let memory: ReadingMemory;
let service: ReturnType<typeof createBackgroundService>;
let sentToTabs: unknown[];
let ports: ((port: unknown) => void)[];

type Reply = 'ignored' | { ok: boolean; value?: unknown; error?: string };

/** Sends `message` as `sender` through the background's `runtime.onMessage` listener. */
async function send(message: unknown, sender: Sender): Promise<Reply> {
  let respond!: (reply: Reply) => void;
  const reply = new Promise<Reply>((resolve) => (respond = resolve));
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  const [handled] = await trigger(message, sender, respond);
  return handled === true ? reply : 'ignored';
}

/** Everything a request could change: entities, topics, memory settings and articles, tabs' analyses. */
async function state() {
  await service.settled();
  const status = await memory.status();
  return JSON.stringify({
    entities: (await repo.all()).map(({ updatedAt: _u, ...e }) => e),
    topics: await settings.customTopics(),
    memory: { settings: status.settings, articles: status.articles },
    tabs: [await readTab(7), await readTab(8)],
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  sentToTabs = [];
  ports = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (...args: unknown[]) => {
    sentToTabs.push(args);
    return { ok: true, value: { ok: true } };
  }) as never);
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((l) => void ports.push(l as never));
  const db = openDb('sender-checks', { indexedDB: new IDBFactory(), IDBKeyRange });
  repo = createEntityRepo(db);
  settings = createSettingsRepo(db);
  const knowledgeBase = fakeKnowledgeBase(ENTITIES, repo);
  memory = createReadingMemory({ articles: createArticleRepo(db), knowledgeBase, snapshotDelayMs: 0 });
  const falseMatches = createFalseMatchRepo(db);
  const cards = createCardService({ knowledgeBase, repo, falseMatches, memory, openTab: async () => undefined });
  service = createBackgroundService(
    { knowledgeBase, repo, settings, falseMatches, memory },
    { ...createEntityAdmin(repo, knowledgeBase, settings), ...memoryHandlers(memory) },
    cards.handlers,
  );
  service.init();
  // Something to lose: the reader's entities, an article stored from tab 9, tab 8's analysis.
  await repo.replaceAll(ENTITIES);
  expect(await send({ name: 'bg:article', data: article() }, tabPage(9))).toMatchObject({ ok: true });
  await service.settled();
  await writeTab(8, {
    status: 'article',
    url: 'https://bank.example/account',
    title: 'Statement',
    forced: false,
    meta: null,
    actors: [],
    topics: [],
  });
  sentToTabs.length = 0;
});

afterEach(() => vi.restoreAllMocks());

describe('a page’s content script cannot reach what only the popup and the dashboard may ask', () => {
  test.each(PAGE_ONLY)('%s is refused and changes nothing', async (name, data) => {
    expect(isRequest({ name, data })).toBe(true); // well-formed: the sender alone is refused
    const before = await state();
    expect(await send({ name, data }, tabPage())).toEqual({ ok: false, error: 'Not allowed' });
    expect(await state()).toBe(before);
    expect(sentToTabs).toEqual([]);
  });

  test('nor can a page whose address looks like the extension’s, from another origin', async () => {
    const lookalike = { ...tabPage(), url: `${ORIGIN}/options.html`, origin: 'https://news.example' };
    expect(await send({ name: 'bg:get-tab', data: { tabId: 8 } }, lookalike)).toEqual({ ok: false, error: 'Not allowed' });
  });

  test('the same requests from the dashboard and the popup are answered (the check tells them apart)', async () => {
    expect(await send({ name: 'bg:get-tab', data: { tabId: 8 } }, popup)).toMatchObject({
      ok: true,
      value: { url: 'https://bank.example/account' },
    });
    expect(await send({ name: 'bg:memory-settings', data: REQUESTS['bg:memory-settings'] }, dashboard)).toMatchObject({
      ok: true,
    });
    expect((await memory.status()).settings.storePrivate).toBe(true);
  });
});

describe('other extensions get no answer at all', () => {
  test.each([...PAGE_ONLY, ['bg:article', article()] as [MessageName, unknown]])('%s', async (name, data) => {
    const before = await state();
    expect(await send({ name, data }, otherExtension)).toBe('ignored');
    expect(await state()).toBe(before);
  });

  test('nor through a port', async () => {
    const port = fakePort({ ...otherExtension, tab: { id: 7 } as Sender['tab'], frameId: 0 });
    port.post({ id: 1, envelope: { name: 'bg:memory-clear', data: { confirm: 'delete-all-articles' } } });
    await port.settle();
    expect(port.replies).toEqual([]);
    expect((await memory.status()).articles).toBe(1);
  });
});

/** JSON text as a page would send it: `__proto__` stays an own key, as structured clone keeps it. */
const raw = (json: string) => JSON.parse(json) as unknown;

describe('malformed requests from a page are ignored and change nothing', () => {
  const meta = article().meta;
  test.each([
    ['an unknown name', { name: 'bg:drop-everything', data: {} }],
    ['an inherited name: constructor', { name: 'constructor', data: {} }],
    ['an inherited name: toString', { name: 'toString', data: {} }],
    ['an inherited name: __proto__', { name: '__proto__', data: {} }],
    ['an inherited name: hasOwnProperty', { name: 'hasOwnProperty', data: 'x' }],
    ['a name that is not a string', { name: ['bg:article'], data: article() }],
    ['no envelope', 'bg:article'],
    ['blocks of the wrong type', { name: 'bg:article', data: { ...article(), blocks: 'Iran' } }],
    ['a block that is not a string', { name: 'bg:article', data: { ...article(), blocks: [{ toString: 'Iran' }] } }],
    ['a score that is not a number', { name: 'bg:article', data: { ...article(), score: '3' } }],
    ['an infinite score', { name: 'bg:article', data: { ...article(), score: Infinity } }],
    ['a huge title', { name: 'bg:article', data: article({ title: 'x'.repeat(LIMITS.field + 1) }) }],
    ['a huge address', { name: 'bg:article', data: article({ url: `${PAGE_URL}?${'q'.repeat(LIMITS.field)}` }) }],
    ['too much text', { name: 'bg:article', data: article({ blocks: Array(26).fill('x'.repeat(LIMITS.blockChars)) }) }],
    ['an extra field', { name: 'bg:article', data: { ...article(), storeAs: 'https://bank.example/' } }],
    ['an extra field in meta', { name: 'bg:article', data: article({ meta: { ...meta, padding: 'x'.repeat(1e6) } as never }) }],
    [
      'a __proto__ key',
      { name: 'bg:article', data: raw(`{"__proto__":{"polluted":true},${JSON.stringify(article()).slice(1)}`) },
    ],
    [
      'a __proto__ key in meta',
      {
        name: 'bg:article',
        data: { ...article(), meta: raw(`{"__proto__":{"polluted":true},${JSON.stringify(meta).slice(1)}`) },
      },
    ],
    [
      'a constructor key',
      {
        name: 'bg:not-article',
        data: { url: PAGE_URL, title: 't', isArticle: false, score: 0, constructor: { prototype: { polluted: true } } },
      },
    ],
    ['a card for a non-string id', { name: 'bg:card', data: { entityId: { id: 'c:ir' }, surface: 'Iran' } }],
    ['a card with an extra field', { name: 'bg:card', data: { entityId: 'c:ir', surface: 'Iran', tabId: 8 } }],
    ['a card action the card has not', { name: 'bg:card-action', data: { entityId: 'c:ir', action: 'delete-all' } }],
    ['an update without its base', { name: 'bg:article-update', data: update({ base: undefined }) }],
    ['an update run of the wrong shape', { name: 'bg:article-update', data: update({ runs: [[0]] as never }) }],
    ['an update run that counts backwards', { name: 'bg:article-update', data: update({ runs: [[1, -1]] }) }],
    ['an update run of no blocks', { name: 'bg:article-update', data: update({ runs: [[0, 0]] }) }],
    [
      'an update with too much text',
      { name: 'bg:article-update', data: update({ runs: Array(26).fill('x'.repeat(LIMITS.blockChars)) }) },
    ],
    ['an update with an extra field', { name: 'bg:article-update', data: { ...update(), blocks: ['Iran'] } }],
    [
      'a card action with a __proto__ key',
      { name: 'bg:card-action', data: raw('{"entityId":"c:ir","action":"hide","__proto__":{"polluted":true}}') },
    ],
  ])('%s', async (_label, message) => {
    const before = await state();
    expect(await send(message, tabPage())).toBe('ignored');
    expect(await state()).toBe(before);
    expect(await readTab(7)).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('a page’s content script affects only its own tab, under its own address', () => {
  test('an article is analyzed for the sender’s tab; an address on another site is not believed', async () => {
    const reply = await send({ name: 'bg:article', data: article({ url: 'https://bank.example/account' }) }, tabPage(7));
    expect(reply).toMatchObject({ ok: true });
    await service.settled();
    expect((await readTab(7))?.url).toBe(PAGE_URL);
    expect(JSON.parse(await state()).tabs[1].url).toBe('https://bank.example/account'); // tab 8 as it was
    const stored = await memory.search('', {}, 0, 10);
    expect(stored.hits.map((h) => h.article.url)).toEqual([PAGE_URL]);
  });

  test('an address on the page’s own site is believed (a single-page app’s navigation)', async () => {
    await send({ name: 'bg:not-article', data: { url: `${PAGE_URL}/next`, title: 't', isArticle: false, score: 0 } }, tabPage(7));
    expect((await readTab(7))?.url).toBe(`${PAGE_URL}/next`);
  });

  test.each([
    ['a subframe', { ...tabPage(7), frameId: 2 }],
    ['no tab', { ...tabPage(7), tab: undefined }],
  ])('a page report from %s is refused', async (_label, sender) => {
    const reply = await send({ name: 'bg:article', data: article() }, sender as Sender);
    expect(reply).toMatchObject({ ok: false });
    expect(await readTab(7)).toBeUndefined();
  });

  test('a card action on an entity painted only in another tab is refused', async () => {
    await send({ name: 'bg:article', data: article() }, tabPage(8, 'https://bank.example/account'));
    await service.settled();
    const before = await state();
    const reply = await send({ name: 'bg:card-action', data: { entityId: 'c:ir', action: 'hide' } }, tabPage(7));
    expect(reply).toMatchObject({ ok: false, error: 'Not an actor of this page' });
    expect(await state()).toBe(before);
  });

  test('through its port too: a dashboard request is refused', async () => {
    const port = fakePort(tabPage(7));
    port.post({ id: 1, envelope: { name: 'bg:memory-clear', data: { confirm: 'delete-all-articles' } } });
    port.post({ id: 2, envelope: { name: 'constructor', data: {} } });
    await port.settle();
    expect(port.replies).toEqual([{ id: 1, reply: { ok: false, error: 'Not allowed' } }]);
    expect((await memory.status()).articles).toBe(1);
  });
});

/** A page's port into the background's `onConnect` listener, as `sender`. */
function fakePort(sender: Sender) {
  const listeners: ((message: unknown) => void)[] = [];
  const replies: unknown[] = [];
  const pending: Promise<unknown>[] = [];
  const port = {
    name: 'dramatis:page',
    sender,
    postMessage: (message: unknown) => void replies.push(structuredClone(message)),
    disconnect: () => undefined,
    onMessage: { addListener: (l: (message: unknown) => void) => void listeners.push(l) },
    onDisconnect: { addListener: () => undefined },
  };
  expect(ports.length).toBeGreaterThan(0); // the background listens for ports
  for (const connect of ports) connect(port);
  return {
    replies,
    post(message: unknown) {
      for (const l of listeners) l(structuredClone(message));
      pending.push(new Promise((done) => setTimeout(done, 20)));
    },
    async settle() {
      await Promise.all(pending);
      await service.settled();
    },
  };
}

describe('a changing page’s updates name the blocks it keeps from the text its port sent last', () => {
  const request = (id: number, name: MessageName, data: unknown) => ({ id, envelope: { name, data } });
  const answer = (port: ReturnType<typeof fakePort>, id: number) =>
    (port.replies as { id: number; reply?: { ok: boolean; value?: unknown; error?: string } }[]).find(
      (r) => r.id === id && r.reply,
    )?.reply;
  const ADDED = 'Later, Habibullah Sayyari spoke.';
  /** Waits for the answer to request `id` (not for the background's description of the page after it). */
  const answered = async (port: ReturnType<typeof fakePort>, id: number) => {
    for (let i = 0; i < 200 && !answer(port, id); i++) await new Promise((r) => setTimeout(r, 10));
    expect(answer(port, id)).toBeDefined();
  };

  test('answered as the whole text would be, less the kept blocks whose spans did not change', async () => {
    const port = fakePort(tabPage(7));
    // As a page does: each update sent once the answer before it has come.
    port.post(request(1, 'bg:article', article({ seq: 1 })));
    await answered(port, 1);
    port.post(request(2, 'bg:article-update', update({ seq: 2, base: 1, runs: [[0, 2], ADDED] })));
    await answered(port, 2);
    const whole = fakePort(tabPage(7));
    whole.post(request(1, 'bg:article', article({ blocks: [...BLOCKS, ADDED] })));
    await answered(whole, 1);
    type Span = { block: number; entityId: string };
    const first = (answer(port, 1)?.value as { spans: Span[] }).spans;
    const all = (answer(whole, 1)?.value as { spans: Span[] }).spans;
    expect(all.filter((s) => s.block < 2)).toEqual(first);
    expect(all.filter((s) => s.block === 2).map((s) => s.entityId)).toEqual(['p:sayyari']);
    // The page holds the first two blocks' spans from the first answer: only the new block's are sent.
    expect(answer(port, 2)?.value).toEqual({ spans: all.filter((s) => s.block === 2), keep: [[0, 2]] });

    // The next update's base is that update's text: its third block, alone now, keeps its spans.
    port.post(request(3, 'bg:article-update', update({ seq: 3, base: 2, runs: [[2, 1]] })));
    await answered(port, 3);
    // Spans that change are sent: the first block moved where the second was, with other names.
    port.post(request(4, 'bg:article-update', update({ seq: 4, base: 3, runs: [BLOCKS[1]!, [0, 1]] })));
    await answered(port, 4);
    expect(answer(port, 3)?.value).toEqual({ spans: [], keep: [[0, 1]] });
    const fourth = answer(port, 4)?.value as { spans: Span[]; keep: unknown };
    expect(fourth.keep).toEqual([[1, 1]]);
    expect(fourth.spans.map((s) => s.block)).toEqual([0]);
  });

  test('a base this port did not send last, or another port’s, is unknown: the page sends its text whole', async () => {
    const port = fakePort(tabPage(7));
    port.post(request(1, 'bg:article', article({ seq: 1 })));
    port.post(request(2, 'bg:article-update', update({ seq: 2, base: 7 })));
    await port.settle();
    expect(answer(port, 2)).toEqual({ ok: true, value: { unknownBase: true } });
    const other = fakePort(tabPage(7));
    other.post(request(1, 'bg:article-update', update({ seq: 2, base: 1 })));
    await other.settle();
    expect(answer(other, 1)).toEqual({ ok: true, value: { unknownBase: true } });
    // Nor through runtime.sendMessage, whose every message has a sender of its own.
    expect(await send({ name: 'bg:article-update', data: update({ seq: 2, base: 1 }) }, tabPage(7))).toEqual({
      ok: true,
      value: { unknownBase: true },
    });
  });

  test('runs that do not fit their base are refused and change nothing', async () => {
    const port = fakePort(tabPage(7));
    port.post(request(1, 'bg:article', article({ seq: 1 })));
    await port.settle();
    const before = await state();
    port.post(request(2, 'bg:article-update', update({ seq: 2, base: 1, runs: [[1, 2]] })));
    await port.settle();
    expect(answer(port, 2)).toMatchObject({ ok: false, error: 'The update does not fit the text it names' });
    expect(await state()).toBe(before);
  });
});
