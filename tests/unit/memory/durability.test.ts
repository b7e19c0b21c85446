/**
 * Durability of what the background stores, over fake-indexeddb: imports and backup restores
 * that fail midway (a write that stops half done, a transaction aborted as when the browser
 * closes) leave the old data exactly as it was; two tabs storing at once lose nothing; a reading
 * answered by a worker that stopped before storing it is stored by the next worker; a full disk
 * or another storage error reaches the reader as a message saying so, and damages nothing.
 */
import { Dexie, type Table } from 'dexie';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createEntityRepo, learnedIdOf, type EntityRepo } from '../../../lib/entities/repo';
import type { Entity } from '../../../lib/entities/types';
import { createArticleRepo, type ArticleRepo } from '../../../lib/memory/article-repo';
import type { ArticleRequest, Envelope, PaintSpan } from '../../../lib/messaging/protocol';
import { openDb, type DramatisDb } from '../../../lib/store/db';
import { createSettingsRepo } from '../../../lib/store/settings';
import { createBackgroundService } from '../../../services/background-service';
import { createEntityAdmin } from '../../../services/entity-admin';
import type { Handlers, Sender } from '../../../services/messaging';
import { createReadingMemory, type ReadingMemory } from '../../../services/reading-memory';
import { readTab } from '../../../services/tab-analyses';
import { fakeKnowledgeBase } from '../../support/fake-knowledge-base';
import { articleRequest } from '../../support/article-request';

const ENTITIES: Entity[] = [
  { id: 'p:sayyari', name: 'Habibollah Sayyari', type: 'person', aliases: ['Habibullah Sayyari'] },
  { id: 'c:ir', name: 'Iran', type: 'place', aliases: [] },
  { id: 'o:icrc', name: 'International Committee of the Red Cross', type: 'organization', aliases: ['ICRC'] },
];

/** Stories that name the pack's entities and one new person each (learned when stored). */
const story = (n: number, person: string) => [
  `Rear Admiral Habibollah Sayyari met naval commanders in Tehran on day ${n} to discuss Caspian drills.`,
  `Iran and its neighbours will exercise search and rescue at sea, officials said. Commodore ${person} attended.`,
  `The ICRC said its teams would train with the navy on evacuations along the coast, report ${n} added.`,
];
const PEOPLE = ['Mirela Vasquenko', 'Tobias Grendel', 'Arvid Lindqvist', 'Oskana Petrenkova', 'Yusuf Demirkan'];

let factory: IDBFactory;
let db: DramatisDb;
let repo: EntityRepo;
let articles: ArticleRepo;
let memory: ReadingMemory;
let admin: Handlers;
let service: ReturnType<typeof createBackgroundService>;

/** A background as a worker starts it, over the same database. */
function startWorker(wrap: (m: ReadingMemory) => ReadingMemory = (m) => m) {
  const dbReady = openDb('durable', { indexedDB: factory, IDBKeyRange });
  repo = createEntityRepo(dbReady);
  articles = createArticleRepo(dbReady);
  const knowledgeBase = fakeKnowledgeBase(ENTITIES, repo);
  const settings = createSettingsRepo(dbReady);
  memory = wrap(createReadingMemory({ articles, knowledgeBase, snapshotDelayMs: 0 }));
  admin = createEntityAdmin(repo, knowledgeBase, settings);
  service = createBackgroundService({ knowledgeBase, repo, settings, memory });
  service.init();
  return dbReady;
}

beforeEach(async () => {
  fakeBrowser.reset();
  factory = new IDBFactory();
  db = await startWorker();
});
afterEach(() => {
  failing = null;
});

let nextTab = 1;
function sender(url: string, incognito = false): Sender {
  return { id: fakeBrowser.runtime.id, tab: { id: nextTab++, incognito } as Sender['tab'], frameId: 0, url };
}

/** Sends `bg:article` the way a content script does; answers the background's reply. */
async function read(url: string, blocks: string[], from = sender(url)) {
  const envelope: Envelope<'bg:article'> = { name: 'bg:article', data: articleRequest(url, blocks) };
  const reply = await new Promise<{ ok: boolean; value: { spans: PaintSpan[] } }>((resolve) => {
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    void trigger(envelope, from, resolve);
  });
  expect(reply.ok).toBe(true);
  return { spans: reply.value.spans, tabId: from.tab!.id! };
}

/** Every row of every table: what "exactly as it was" compares. */
async function everything(from: DramatisDb = db) {
  const tables: Record<string, unknown[]> = {};
  for (const table of from.tables) tables[table.name] = await table.toArray();
  return tables;
}

/** Seeds the reader's data: three articles stored (names learned from them), an own entity, a topic. */
async function seed() {
  for (let i = 0; i < 3; i++) await read(`https://news.example/story-${i}`, story(i, PEOPLE[i]!));
  await service.settled();
  await repo.put({ id: 'user:irani', name: 'Shahram Irani', type: 'person', aliases: ['Rear Admiral Irani'] });
  await repo.rejectName('Breaking News');
  await createSettingsRepo(Promise.resolve(db)).saveCustomTopics([
    { id: 'user:caspian', label: 'Caspian', keywords: ['caspian'] },
  ]);
  expect(await articles.count()).toBe(3);
}

/**
 * Makes `table.bulkPut` write the first half of its rows, then `stop` (throw, or abort the
 * transaction as a closing browser does): a bulk write that fails midway.
 */
function failMidway<T>(table: Table<T, string>, stop: () => never) {
  const bulkPut = table.bulkPut.bind(table) as (rows: readonly T[]) => Promise<unknown>;
  table.bulkPut = (async (rows: readonly T[]) => {
    if (rows.length < 2) return bulkPut(rows);
    await bulkPut(rows.slice(0, Math.ceil(rows.length / 2)));
    stop();
  }) as unknown as Table<T, string>['bulkPut'];
  return () => {
    table.bulkPut = bulkPut as unknown as Table<T, string>['bulkPut'];
  };
}
const crash = (): never => {
  throw new Error('disk went away');
};
const closeBrowser = (): never => {
  Dexie.currentTransaction!.abort(); // the transaction never commits
  throw new Error('browser closed');
};

/** A backup file of five other articles and entities, written by another profile. */
async function otherProfileBackup(): Promise<string> {
  const other = openDb('other', { indexedDB: new IDBFactory(), IDBKeyRange });
  const otherRepo = createEntityRepo(other);
  const otherArticles = createArticleRepo(other);
  const otherMemory = createReadingMemory({
    articles: otherArticles,
    knowledgeBase: fakeKnowledgeBase(ENTITIES, otherRepo),
    snapshotDelayMs: 0,
  });
  await otherRepo.put({ id: 'user:other', name: 'Other Person', type: 'person', aliases: [] });
  for (let i = 0; i < 5; i++)
    await otherMemory.store({
      url: `https://elsewhere.example/${i}`,
      meta: { title: `Elsewhere ${i}`, byline: null, publishedAt: null, siteName: null, canonicalUrl: null, language: 'en' },
      blocks: [`Elsewhere report ${i}: Habibollah Sayyari spoke about ${PEOPLE[i]} at length.`],
      analysis: { spans: [], actors: [], topics: [] },
      now: Date.UTC(2026, 0, i + 1),
    });
  return otherArticles.exportBackup(Date.UTC(2026, 1, 1));
}

describe('imports and bulk writes are atomic', () => {
  const imported: Entity[] = Array.from({ length: 40 }, (_, i) => ({
    id: `import:${i}`,
    name: `Imported Name ${i}`,
    type: 'organization',
    aliases: [],
    source: { kind: 'import', name: 'list.csv' },
  }));

  test.each([
    ['a write that fails midway', 'replace', crash],
    ['a write that fails midway', 'merge', crash],
    ['a browser closed midway', 'replace', closeBrowser],
  ] as const)('an entity import stopped by %s (%s) leaves the knowledge base as it was', async (_name, mode, stop) => {
    await seed();
    const before = await everything();
    const restore = failMidway(db.entities, stop);
    await expect(admin['bg:entities-import']!({ entities: imported, mode }, sender('x'))).rejects.toThrow();
    restore();
    expect(await everything()).toEqual(before);
    // Reopened, as after a restart: the same.
    db.close();
    const reopened = await openDb('durable', { indexedDB: factory, IDBKeyRange });
    expect(await everything(reopened)).toEqual(before);
  });

  test.each([
    ['a write that fails midway', 'replace', crash],
    ['a write that fails midway', 'merge', crash],
    ['a browser closed midway', 'replace', closeBrowser],
  ] as const)('a backup restore stopped by %s (%s) leaves every table as it was', async (_name, mode, stop) => {
    await seed();
    const file = await otherProfileBackup();
    const before = await everything();
    const restore = failMidway(db.articles, stop);
    await expect(memory.importPart(undefined, file, true, mode)).rejects.toThrow();
    restore();
    expect(await everything()).toEqual(before);
    // The reading memory still answers with the old articles, and the restore works once retried.
    expect((await memory.status()).articles).toBe(3);
    expect((await memory.search('Sayyari', {}, 0, 10)).total).toBe(3);
    db.close();
    const reopened = await openDb('durable', { indexedDB: factory, IDBKeyRange });
    expect(await everything(reopened)).toEqual(before);
  });

  test('the same restore, not stopped, does change the data (the failure above is what kept it)', async () => {
    await seed();
    const file = await otherProfileBackup();
    await memory.importPart(undefined, file, true, 'replace');
    expect(await articles.count()).toBe(5);
  });
});

describe('two tabs storing at once lose nothing', () => {
  test('two different articles stored at once are both there, each once', async () => {
    await Promise.all(PEOPLE.map((person, i) => read(`https://news.example/at-once-${i}`, story(i, person))));
    await service.settled();
    expect(await articles.count()).toBe(5);
    const stored = await db.articles.toArray();
    expect(new Set(stored.map((a) => a.url)).size).toBe(5);
    expect((await memory.status()).articles).toBe(5);
    expect((await memory.search('Sayyari', {}, 0, 10)).total).toBe(5);
  });

  test('the same article from two tabs at once is one record with both visits', async () => {
    await Promise.all([
      read('https://news.example/same', story(1, PEOPLE[0]!)),
      read('https://news.example/same?utm_source=feed', story(1, PEOPLE[0]!)),
    ]);
    await service.settled();
    const stored = await db.articles.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.visits).toBe(2);
  });

  test('names learned from articles stored at once are all learned, each once', async () => {
    await Promise.all(PEOPLE.map((person, i) => read(`https://news.example/learn-${i}`, story(i, person))));
    await service.settled();
    for (const person of PEOPLE) expect(await repo.get(learnedIdOf(person))).toMatchObject({ name: person });
    expect(await db.entities.where('sourceKind').equals('discovered').count()).toBe(PEOPLE.length);
  });

  test('a name learned in another tab while an import is being written is kept', async () => {
    const imported: Entity[] = [{ id: 'import:one', name: 'Imported One', type: 'organization', aliases: [] }];
    // The other tab learns a name right after the import has read the knowledge base.
    const toArray = db.entities.toArray.bind(db.entities);
    let learning: Promise<unknown> | undefined;
    db.entities.toArray = (async () => {
      const rows = await toArray();
      learning ??= Dexie.ignoreTransaction(() => repo.learn([{ name: 'Mirela Vasquenko', type: 'person', aliases: [] }]));
      return rows;
    }) as typeof db.entities.toArray;
    await admin['bg:entities-import']!({ entities: imported, mode: 'merge' }, sender('x'));
    await learning;
    db.entities.toArray = toArray;
    expect(await repo.get('import:one')).toBeDefined();
    expect(await repo.get(learnedIdOf('Mirela Vasquenko'))).toBeDefined();
  });
});

describe('a worker stopped after answering a page, before storing it', () => {
  test('the next worker stores the reading and learns its names; nothing stored before is lost', async () => {
    await seed();
    const before = await db.articles.toArray();
    // This worker answers the page, then stops before storing: its store never completes.
    await startWorker((m) => ({ ...m, store: () => new Promise<never>(() => undefined) }));
    const { spans } = await read('https://news.example/interrupted', story(9, PEOPLE[4]!));
    expect(spans.length).toBeGreaterThan(0);
    expect(await articles.count()).toBe(3);
    expect(await articles.pending()).toHaveLength(1);

    fakeBrowser.reset();
    await startWorker(); // the browser starts the worker again
    await service.settled();
    const stored = await db.articles.toArray();
    expect(stored.map((a) => a.url).sort()).toEqual([...before.map((a) => a.url), 'https://news.example/interrupted'].sort());
    for (const article of before) expect(stored).toContainEqual(article);
    expect(await repo.get(learnedIdOf(PEOPLE[4]!))).toBeDefined();
    expect(await articles.pending()).toEqual([]);
  });

  test('a reading stored as usual leaves no journal behind', async () => {
    await read('https://news.example/usual', story(1, PEOPLE[0]!));
    await service.settled();
    expect(await articles.count()).toBe(1);
    expect(await articles.pending()).toEqual([]);
  });

  test('a private window’s page is never journaled (its text never reaches the disk)', async () => {
    await startWorker((m) => ({ ...m, store: () => new Promise<never>(() => undefined) }));
    await read('https://news.example/usual', story(1, PEOPLE[0]!));
    await read('https://news.example/private', story(2, PEOPLE[1]!), sender('https://news.example/private', true));
    expect((await articles.pending<{ request: ArticleRequest }>()).map((p) => p.value.request.url)).toEqual([
      'https://news.example/usual',
    ]);
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('news.example/private');
  });
});

describe('answers ahead of the journal', () => {
  test('every name, discovered ones too, reaches the page while its reading is still being journaled', async () => {
    // The port the page's content script opens, as the worker sees it; the journal's write stalls.
    let onConnect: ((port: unknown) => void) | undefined;
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((l) => void (onConnect = l as never));
    let release = () => {};
    await startWorker((m) => ({
      ...m,
      journal: (...args) => new Promise((done) => (release = () => void m.journal(...args).then(done))),
    }));
    const url = 'https://news.example/journaling';
    const blocks = story(1, PEOPLE[0]!);
    const posted: { early?: { spans: PaintSpan[] }; reply?: { ok: boolean; value: { spans: PaintSpan[] } } }[] = [];
    let deliver: (message: unknown) => void = () => {};
    onConnect!({
      name: 'dramatis:page',
      sender: sender(url),
      onMessage: { addListener: (l: (message: unknown) => void) => (deliver = l) },
      onDisconnect: { addListener: () => undefined },
      postMessage: (message: (typeof posted)[number]) => posted.push(structuredClone(message)),
    });
    deliver({ id: 1, envelope: { name: 'bg:article', data: articleRequest(url, blocks) }, early: true });
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    const [known, every] = posted.map((m) => m.early!.spans);
    expect(known!.some((s) => s.discovered)).toBe(false);
    expect(known!.length).toBeGreaterThan(0);
    const discovered = every!.filter((s) => s.discovered).map((s) => blocks[s.block]!.slice(s.start, s.end));
    expect(discovered).toContain(PEOPLE[0]);
    expect(posted.every((m) => m.reply === undefined)).toBe(true);

    release();
    await vi.waitFor(() => expect(posted).toHaveLength(3));
    expect(posted[2]!.reply).toEqual({ ok: true, value: { spans: every } });
    await service.settled();
    expect(await articles.count()).toBe(1);
  });
});

/** The storage refusing writes to `stores`, as a full disk (or another failure) makes it. */
let failing: { stores: string[]; error: () => DOMException } | null = null;
for (const method of ['put', 'add'] as const) {
  const original = IDBObjectStore.prototype[method];
  IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
    if (failing?.stores.includes(this.name)) throw failing.error();
    return original.apply(this, args);
  } as typeof original;
}
const QUOTA = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const UNKNOWN = () => new DOMException('An internal error was encountered in the Indexed Database server', 'UnknownError');

describe('a full disk and other storage errors', () => {
  const FULL =
    /^The browser's storage for Dramatis is full, so this article could not be saved\. Everything saved before is unchanged\. Free some space/;

  test('storing an article: the popup says the storage is full; what was stored is unchanged', async () => {
    await seed();
    const before = await everything();
    failing = { stores: ['articles'], error: QUOTA };
    const { spans, tabId } = await read('https://news.example/too-much', story(7, PEOPLE[3]!));
    expect(spans.length).toBeGreaterThan(0); // the page is still highlighted
    await service.settled();
    const tab = await readTab(tabId);
    expect(tab?.status).toBe('article');
    expect(tab?.storeError).toMatch(FULL);
    expect(tab?.storeError).not.toMatch(/at |Error:|\n/); // a sentence, not a stack
    failing = null;
    const after = await everything();
    expect(after.articles).toEqual(before.articles);
    expect(after.rejected).toEqual(before.rejected);
  });

  test('the reading memory says so too, in the message the dashboard shows', async () => {
    await seed();
    const before = await everything();
    failing = { stores: ['articles', 'meta'], error: QUOTA };
    await expect(
      memory.store({
        url: 'https://news.example/too-much',
        meta: { title: 'Too much', byline: null, publishedAt: null, siteName: null, canonicalUrl: null, language: 'en' },
        blocks: story(8, PEOPLE[2]!),
        analysis: { spans: [], actors: [], topics: [] },
        now: Date.now(),
      }),
    ).rejects.toThrow(FULL);
    failing = null;
    expect(await everything()).toEqual(before);
  });

  test('a backup restore on a full disk: a clear message, and nothing changed', async () => {
    await seed();
    const file = await otherProfileBackup();
    const before = await everything();
    failing = { stores: ['articles'], error: QUOTA };
    await expect(memory.importPart(undefined, file, true, 'replace')).rejects.toThrow(
      /^The browser's storage for Dramatis is full, so the backup could not be saved\. Everything saved before is unchanged\./,
    );
    failing = null;
    expect(await everything()).toEqual(before);
  });

  test('an entity import on a full disk: a clear message, and nothing changed', async () => {
    await seed();
    const before = await everything();
    failing = { stores: ['entities'], error: QUOTA };
    await expect(
      admin['bg:entities-import']!(
        { entities: [{ id: 'i:1', name: 'One', type: 'person', aliases: [] }], mode: 'merge' },
        sender('x'),
      ),
    ).rejects.toThrow(/^The browser's storage for Dramatis is full, so the imported entities could not be saved\./);
    failing = null;
    expect(await everything()).toEqual(before);
  });

  test('another storage error is named, said to have changed nothing, and changes nothing', async () => {
    await seed();
    const before = await everything();
    failing = { stores: ['entities'], error: UNKNOWN };
    await expect(repo.put({ id: 'user:x', name: 'X', type: 'person', aliases: [] })).rejects.toThrow(
      /^The browser could not save your change \(UnknownError\)\. Everything saved before is unchanged\. Try again/,
    );
    failing = null;
    expect(await everything()).toEqual(before);
  });

  test('a check that refuses a request is not mistaken for a storage error', async () => {
    await expect(repo.merge('nobody', 'nothing')).rejects.toThrow(/^No entity nobody$/);
  });
});
