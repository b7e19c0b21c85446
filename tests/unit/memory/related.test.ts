import { describe, expect, test } from 'vitest';
import { entityStats } from '../../../lib/memory/entity-stats';
import { fullScanRelated, relatedArticles, type RelatedQuery } from '../../../lib/memory/related';
import { createRelatedIndex, isRelatedSnapshot, loadRelatedIndex, type IndexedArticle } from '../../../lib/memory/related-index';
import { generateCorpus, mulberry32 } from './corpus';

const DAY = 86_400_000;
const now = Date.UTC(2025, 5, 1);
const names: Record<string, string> = {
  admiral: 'Habibollah Sayyari',
  forum: 'Xiangshan Security Forum',
  china: 'China',
  iran: 'Iran',
  navy: 'PLA Navy',
};
const nameOf = (id: string) => names[id];

function art(
  id: string,
  entities: (string | [string, number])[],
  more: Partial<IndexedArticle> & { daysAgo?: number } = {},
): IndexedArticle {
  return {
    id,
    readAt: now - (more.daysAgo ?? 10) * DAY,
    groupId: more.groupId ?? id,
    site: more.site ?? 'example.com',
    entities: entities.map((e) => (typeof e === 'string' ? { id: e, count: 1 } : { id: e[0], count: e[1] })),
    topics: more.topics ?? [],
  };
}

/** Twenty articles naming China and Iran: they make both common. */
const background = Array.from({ length: 20 }, (_, i) => art(`bg${i}`, ['china', 'iran', `filler${i}`], { daysAgo: 300 }));
const current: RelatedQuery = {
  id: 'current',
  groupId: 'current',
  entities: [
    { id: 'admiral', count: 3 },
    { id: 'forum', count: 1 },
    { id: 'china', count: 4 },
    { id: 'iran', count: 1 },
  ],
  topics: [{ id: 'defence', label: 'defence' }],
};

const top = (articles: IndexedArticle[], query = current, limit = 3) => {
  const index = createRelatedIndex();
  index.addAll([...background, art('current', ['admiral', 'forum', 'china', 'iran']), ...articles]);
  return relatedArticles(index, query, { now, nameOf, limit }).map((r) => r.id);
};

test.each<[string, IndexedArticle[], string[]]>([
  [
    'a shared admiral outweighs shared China and Iran',
    [art('admiral', ['admiral']), art('common', ['china', 'iran'])],
    ['admiral', 'common'],
  ],
  ['two shared rare actors beat one', [art('one', ['admiral']), art('two', ['admiral', 'forum'])], ['two', 'one']],
  ['more mentions count, saturating', [art('once', ['forum']), art('often', [['forum', 6]])], ['often', 'once']],
  [
    'a shared topic breaks an equal overlap',
    [art('plain', ['forum']), art('topical', ['forum'], { topics: [{ id: 'defence' }] })],
    ['topical', 'plain'],
  ],
  [
    'the more recent breaks an equal overlap',
    [art('old', ['forum'], { daysAgo: 200 }), art('new', ['forum'], { daysAgo: 2 })],
    ['new', 'old'],
  ],
  [
    'recency does not outweigh a rare actor',
    [art('fresh-common', ['china'], { daysAgo: 0 }), art('old-rare', ['admiral'], { daysAgo: 700 })],
    ['old-rare', 'fresh-common'],
  ],
  [
    'topics alone do not make a relation',
    [art('topic-only', ['unrelated'], { topics: [{ id: 'defence' }] })],
    ['bg0', 'bg1', 'bg10'],
  ],
  [
    'the current article and its near-duplicates are excluded',
    [art('syndicated', ['admiral', 'forum'], { groupId: 'current' }), art('other', ['forum'])],
    ['other', 'bg0', 'bg1'],
  ],
  ['entity ids never seen are ignored', [art('x', ['forum'])], ['x', 'bg0', 'bg1']],
])('%s', (_name, articles, expected) => {
  expect(top(articles, current, expected.length)).toEqual(expected);
});

test('an entity every article names still relates two stories, but weighs least', () => {
  // Two stored stories, both naming the admiral: the reader expects them linked.
  const pair = createRelatedIndex();
  pair.addAll([art('caspian', ['admiral', 'iran']), art('humanitarian', ['admiral', 'iran'])]);
  const linked = relatedArticles(
    pair,
    {
      id: 'humanitarian',
      entities: [
        { id: 'admiral', count: 3 },
        { id: 'iran', count: 3 },
      ],
      topics: [],
    },
    { now, nameOf },
  );
  expect(linked.map((r) => r.id)).toEqual(['caspian']);
  expect(linked[0]!.sharedEntities.map((e) => e.id)).toContain('admiral');

  const index = createRelatedIndex();
  index.addAll([art('a', ['everywhere', 'x']), art('b', ['everywhere']), art('c', ['everywhere', 'x'])]);
  const ranked = relatedArticles(
    index,
    {
      id: 'a',
      entities: [
        { id: 'everywhere', count: 1 },
        { id: 'x', count: 1 },
      ],
      topics: [],
    },
    { now },
  );
  // c shares the rarer x as well: it comes first; b, sharing only what every article names, last.
  expect(ranked.map((r) => r.id)).toEqual(['c', 'b']);
  expect(ranked[0]!.sharedEntities[0]!.id).toBe('x');
});

test('each result says why: the heaviest shared actors, then shared topics', () => {
  const index = createRelatedIndex();
  const others = Array.from({ length: 10 }, (_, i) => art(`other${i}`, [`filler${i}`]));
  index.addAll([...background, ...others, art('hit', ['china', 'forum', 'admiral'], { topics: [{ id: 'defence' }] })]);
  const [hit] = relatedArticles(index, current, { now, nameOf, limit: 1 });
  expect(hit!.reason).toEqual(['Habibollah Sayyari', 'Xiangshan Security Forum', 'China', 'defence']);
  expect(hit!.sharedEntities.map((s) => s.id)).toEqual(['admiral', 'forum', 'china']);
  expect(hit!.sharedEntities[0]!.weight).toBeGreaterThan(hit!.sharedEntities[2]!.weight * 3);
  expect(hit!.sharedTopics).toEqual([{ id: 'defence', label: 'defence' }]);
});

describe('the index ranks exactly as the full scan (random corpora)', () => {
  const { records } = generateCorpus({ articles: 3000, entities: 2000, words: [5, 10], signatures: false, seed: 3 });
  const rnd = mulberry32(5);
  const queries = (n: number): RelatedQuery[] =>
    Array.from({ length: n }, () => {
      const r = records[Math.floor(rnd() * records.length)]!;
      // Half stored articles, half new ones made of a stored one's parts and random ids.
      return rnd() < 0.5
        ? { id: r.id, groupId: r.groupId, entities: r.entities, topics: r.topics }
        : { entities: [...r.entities.slice(0, 5), { id: `e${Math.floor(rnd() * 2000)}`, count: 2 }], topics: r.topics.slice(1) };
    });

  const check = (index: ReturnType<typeof createRelatedIndex>, n: number) => {
    const all = [...index.articles()];
    for (const query of queries(n)) {
      const fast = relatedArticles(index, query, { now, limit: 10 });
      const slow = fullScanRelated(all, query, { now, limit: 10 });
      expect(fast).toEqual(slow);
    }
  };

  test('built from records', () => {
    const index = createRelatedIndex();
    index.addAll(records);
    check(index, 30);
  });

  test('after updates and deletions', () => {
    const index = createRelatedIndex();
    index.addAll(records);
    for (let i = 0; i < 500; i++) index.remove(records[Math.floor(rnd() * records.length)]!.id);
    for (let i = 0; i < 300; i++) {
      const r = records[Math.floor(rnd() * records.length)]!;
      index.add({ ...r, readAt: r.readAt + DAY, entities: r.entities.slice(2) });
    }
    expect(index.size).toBeLessThan(records.length);
    check(index, 25);
  });

  test('loaded from a snapshot', () => {
    const index = createRelatedIndex();
    index.addAll(records);
    for (let i = 0; i < 100; i++) index.remove(records[i * 7]!.id);
    const snapshot = structuredClone(index.toSnapshot());
    expect(isRelatedSnapshot(snapshot)).toBe(true);
    const loaded = loadRelatedIndex(snapshot);
    expect(loaded.size).toBe(index.size);
    for (const query of queries(30)) {
      expect(relatedArticles(loaded, query, { now, limit: 10 })).toEqual(relatedArticles(index, query, { now, limit: 10 }));
    }
  });
});

test('entity stats: articles, stories, last read, recent, co-occurring', () => {
  const index = createRelatedIndex();
  index.addAll([
    art('a', ['admiral', 'navy', 'iran'], { daysAgo: 5 }),
    art('b', ['admiral', 'navy'], { daysAgo: 1 }),
    art('b-copy', ['admiral', 'navy'], { daysAgo: 3, groupId: 'b' }),
    art('c', ['admiral', 'china'], { daysAgo: 9 }),
    art('d', ['china'], { daysAgo: 0 }),
  ]);
  expect(entityStats(index, 'admiral', { recent: 2, coEntities: 2 })).toEqual({
    articles: 4,
    stories: 3,
    lastReadAt: now - DAY,
    recent: ['b', 'b-copy'],
    coEntities: [
      { id: 'navy', count: 3 },
      { id: 'china', count: 1 },
    ],
  });
  index.remove('b');
  expect(entityStats(index, 'admiral').articles).toBe(3);
  expect(entityStats(index, 'nobody')).toEqual({ articles: 0, stories: 0, lastReadAt: null, recent: [], coEntities: [] });
});
