import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, expect, test, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createEntityRepo, learnedIdOf, nameKey, type EntityRepo } from '../../../lib/entities/repo';
import type { Entity } from '../../../lib/entities/types';
import type { Actor, CardAction, TabAnalysis } from '../../../lib/messaging/protocol';
import { createArticleRepo } from '../../../lib/memory/article-repo';
import { openDb } from '../../../lib/store/db';
import { createFalseMatchRepo, type FalseMatchRepo } from '../../../lib/store/false-matches';
import { formatDay } from '../../../lib/ui/dates';
import { regionName } from '../../../lib/ui/regions';
import { cardDataOf, createCardService } from '../../../services/card-service';
import type { KnowledgeBase, LoadedKnowledgeBase } from '../../../services/knowledge-base';
import type { Sender } from '../../../services/messaging';
import { createReadingMemory } from '../../../services/reading-memory';
import { writeTab } from '../../../services/tab-analyses';

const TAB = 7;
const URL_ = 'https://news.example/story';
const sayyariId = learnedIdOf('Habibollah Sayyari');
const iran: Entity = { id: 'country:ir', name: 'Iran', type: 'place', aliases: [], description: 'A country.', country: 'IR' };
const sayyari: Entity = {
  id: sayyariId,
  name: 'Habibollah Sayyari',
  type: 'person',
  aliases: [],
  source: { kind: 'discovered' },
};
const actors: Actor[] = [
  { entityId: iran.id, name: 'Iran', type: 'place', mentions: 3 },
  { entityId: sayyariId, name: 'Habibollah Sayyari', type: 'person', mentions: 2, discovered: true },
  {
    entityId: 'discovered:alexander-fomin',
    name: 'Alexander Fomin',
    type: 'person',
    mentions: 1,
    discovered: true,
    unsaved: true,
  },
];

let repo: EntityRepo;
let falseMatches: FalseMatchRepo;
let knowledgeBase: KnowledgeBase & { reload: Mock<KnowledgeBase['reload']> };
let openTab: Mock<(url: string) => Promise<unknown>>;
let reanalyze: Mock<(tabId: number) => Promise<unknown>>;
let handlers: ReturnType<typeof createCardService>['handlers'];

const topFrame: Sender = { id: fakeBrowser.runtime.id, tab: { id: TAB } as Sender['tab'], frameId: 0, url: `${URL_}#x` };

beforeEach(async () => {
  fakeBrowser.reset();
  const db = openDb('test', { indexedDB: new IDBFactory(), IDBKeyRange });
  repo = createEntityRepo(db);
  falseMatches = createFalseMatchRepo(db);
  await repo.put({ ...iran, source: { kind: 'pack' } });
  await repo.learn([{ name: sayyari.name, type: 'person', aliases: ['Habibullah Sayyari'] }]);
  const loaded = async () =>
    ({ entities: new Map((await repo.all()).filter((e) => !e.hidden).map((e) => [e.id, e])) }) as unknown as LoadedKnowledgeBase;
  knowledgeBase = { current: loaded, reload: vi.fn(loaded), reloadLearned: loaded };
  openTab = vi.fn(async (_url: string) => undefined);
  reanalyze = vi.fn(async (_tabId: number) => ({ ok: true }));
  ({ handlers } = createCardService({ knowledgeBase, repo, falseMatches, openTab, reanalyze }));
  const analysis: TabAnalysis = { status: 'article', url: URL_, title: 'Story', forced: false, meta: null, actors, topics: [] };
  await writeTab(TAB, analysis);
});

const card = (entityId: string, surface: string, sender = topFrame) => handlers['bg:card']!({ entityId, surface }, sender);
const act = (entityId: string, action: CardAction, sender = topFrame) =>
  handlers['bg:card-action']!({ entityId, action }, sender);

test('the card of a known entity, from the knowledge base, with no reading memory yet', async () => {
  expect(await card(iran.id, 'Iran')).toEqual({
    // The country's name in the browser's language, written here, not on the page.
    entity: { id: iran.id, name: 'Iran', type: 'place', description: 'A country.', country: 'IR', countryName: regionName('IR') },
    memory: null,
  });
});

test('matchedAs only when the folded surface differs from the name', async () => {
  expect((await card(sayyariId, 'Habibullah Sayyari')).matchedAs).toBe('Habibullah Sayyari');
  expect((await card(sayyariId, 'HABIBOLLAH  SAYYARI')).matchedAs).toBeUndefined();
  expect(nameKey('Habibullah Sayyari')).not.toBe(nameKey('Habibollah Sayyari'));
});

test('a learned name is discovered; an unsaved discovery comes from the tab’s analysis', async () => {
  expect((await card(sayyariId, 'Habibollah Sayyari')).entity).toMatchObject({ discovered: true, name: 'Habibollah Sayyari' });
  expect((await card('discovered:alexander-fomin', 'Alexander Fomin')).entity).toEqual({
    id: 'discovered:alexander-fomin',
    name: 'Alexander Fomin',
    type: 'person',
    discovered: true,
    unsaved: true,
  });
});

test.each([
  ['a subframe', { ...topFrame, frameId: 3 }],
  ['no tab (an extension page)', { ...topFrame, tab: undefined }],
])('refuses %s', async (_, sender) => {
  await expect(card(iran.id, 'Iran', sender as Sender)).rejects.toThrow();
  await expect(act(iran.id, 'hide', sender as Sender)).rejects.toThrow();
});

test('refuses an entity not painted on the sender’s tab, and a tab with no analysis', async () => {
  await repo.put({ id: 'person:secret', name: 'Someone Private', type: 'person', aliases: [], pinned: true });
  await expect(card('person:secret', 'x')).rejects.toThrow(/Not an actor/);
  await expect(act('person:secret', 'unpin')).rejects.toThrow(/Not an actor/);
  expect((await repo.get('person:secret'))?.pinned).toBe(true);
  await expect(card(iran.id, 'Iran', { ...topFrame, tab: { id: 99 } as Sender['tab'] })).rejects.toThrow();
});

test('hide: stored hidden, the knowledge base reloaded, the tab analyzed again', async () => {
  await act(iran.id, 'hide');
  expect((await repo.get(iran.id))?.hidden).toBe(true);
  expect(knowledgeBase.reload).toHaveBeenCalled();
  expect(reanalyze).toHaveBeenCalledWith(TAB);
});

test('pin and unpin', async () => {
  await act(iran.id, 'pin');
  expect((await repo.get(iran.id))?.pinned).toBe(true);
  expect((await card(iran.id, 'Iran')).entity.pinned).toBe(true);
  await act(iran.id, 'unpin');
  expect((await repo.get(iran.id))?.pinned).toBe(false);
});

test('promote keeps a discovered name as the reader’s own, stored first when it was not', async () => {
  await act(sayyariId, 'promote');
  expect((await repo.get(sayyariId))?.source).toEqual({ kind: 'user' });
  await act('discovered:alexander-fomin', 'promote');
  expect(await repo.get('discovered:alexander-fomin')).toMatchObject({ name: 'Alexander Fomin', source: { kind: 'user' } });
});

test('reject: a stored discovery is deleted and its names remembered; an unsaved one by name', async () => {
  await act(sayyariId, 'reject');
  expect(await repo.get(sayyariId)).toBeUndefined();
  expect((await repo.rejectedKeys()).has(nameKey('Habibullah Sayyari'))).toBe(true);
  await act('discovered:alexander-fomin', 'reject');
  expect((await repo.rejectedKeys()).has(nameKey('Alexander Fomin'))).toBe(true);
});

test('only discovered names can be kept or rejected from the card', async () => {
  await expect(act(iran.id, 'reject')).rejects.toThrow(/discovered/);
  await expect(act(iran.id, 'promote')).rejects.toThrow(/discovered/);
  expect(await repo.get(iran.id)).toBeDefined();
});

test('not-here remembers the false match for the sender’s page and re-analyzes without reloading', async () => {
  await act(iran.id, 'not-here');
  expect(await falseMatches.forPage(URL_)).toEqual(new Set([iran.id]));
  expect(knowledgeBase.reload).not.toHaveBeenCalled();
  expect(reanalyze).toHaveBeenCalledWith(TAB);
  expect((await repo.get(iran.id))?.hidden).toBeUndefined();
});

test('edit opens the dashboard on the entity and changes nothing', async () => {
  await act(sayyariId, 'edit');
  expect(openTab).toHaveBeenCalledWith(expect.stringMatching(/\/options\.html#entity=discovered%3Ahabibollah-sayyari$/));
  expect(reanalyze).not.toHaveBeenCalled();
  expect(knowledgeBase.reload).not.toHaveBeenCalled();
});

test('cardDataOf leaves out what the entity does not have', () => {
  expect(cardDataOf(undefined, actors[0]!, '')).toEqual({ entity: { id: iran.id, name: 'Iran', type: 'place' }, memory: null });
});

test('the card tells the reader’s history with the name: the other stories, never the page it is on', async () => {
  const articles = createArticleRepo(openDb('memory', { indexedDB: new IDBFactory(), IDBKeyRange }));
  const memory = createReadingMemory({ articles, knowledgeBase, now: () => Date.UTC(2025, 5, 3) });
  const readAt = (url: string, title: string, day: number, text: string) =>
    memory.store({
      url,
      meta: { title, byline: null, publishedAt: null, siteName: null, canonicalUrl: null, language: 'en' },
      blocks: [text],
      analysis: { spans: [], actors: actors.slice(0, 2), topics: [] },
      now: Date.UTC(2025, 5, day),
    });
  await readAt('https://other.example/caspian', 'Caspian drills', 1, 'Naval drills on the Caspian sea with rescue exercises.');
  const here = await readAt(URL_, 'Story', 2, 'Relief teams train for evacuations along the coast after the storm.');
  await writeTab(TAB, {
    status: 'article',
    url: URL_,
    title: 'Story',
    forced: false,
    meta: null,
    actors,
    topics: [],
    articleId: here!.record.id,
  });
  ({ handlers } = createCardService({ knowledgeBase, repo, falseMatches, memory, openTab, reanalyze }));

  const { memory: history } = await card(sayyariId, 'Habibollah Sayyari');
  expect(history).toEqual({
    articles: 2,
    lastReadAt: new Date(Date.UTC(2025, 5, 2)).toISOString(),
    lastReadDay: formatDay(Date.UTC(2025, 5, 2)),
    recent: [
      {
        url: 'https://other.example/caspian',
        title: 'Caspian drills',
        readAt: new Date(Date.UTC(2025, 5, 1)).toISOString(),
        day: formatDay(Date.UTC(2025, 5, 1)),
      },
    ],
    coActors: [{ entityId: iran.id, name: 'Iran', type: 'place', count: 2 }],
  });
});
