import { describe, expect, test } from 'vitest';
import { createRelatedIndex, type IndexedArticle } from '../../../lib/memory/related-index';
import {
  createArticleSearch,
  loadArticleSearch,
  SEARCH_TEXT_CHARS,
  searchTerm,
  snippet,
  type SearchableArticle,
} from '../../../lib/memory/search';

const DAY = 86_400_000;
const now = Date.UTC(2025, 5, 1);
type Fixture = SearchableArticle & Omit<IndexedArticle, 'entities'> & { entities: { id: string; count: number }[] };
const fixtures: Fixture[] = [
  {
    id: 'a1',
    title: 'Admiral Sayyari visits Beijing',
    text: 'Iranian admiral Habibollah Sayyari arrived in Beijing for the Xiangshan Security Forum, where naval cooperation was discussed.',
    site: 'Tehran Times',
    entityNames: ['Habibollah Sayyari', 'Beijing', 'Xiangshan Security Forum'],
    entities: [
      { id: 'sayyari', count: 1 },
      { id: 'beijing', count: 1 },
    ],
    topics: [{ id: 'defence' }],
    readAt: now - 2 * DAY,
    groupId: 'a1',
  },
  {
    id: 'a2',
    title: 'Zürich talks on sanctions',
    text: 'Diplomats met in Zürich. The naval blockade was not on the agenda; sanctions were.',
    site: 'Swissinfo',
    entityNames: ['Zürich'],
    entities: [{ id: 'zurich', count: 1 }],
    topics: [{ id: 'diplomacy' }],
    readAt: now - 40 * DAY,
    groupId: 'a2',
  },
  {
    id: 'a3',
    title: 'Fishing fleets',
    text: `${'Boats and nets. '.repeat(40)}Far down the text a naval patrol from Beijing appeared.`,
    site: 'Tehran Times',
    entityNames: ['Beijing'],
    entities: [{ id: 'beijing', count: 1 }],
    topics: [{ id: 'economy' }],
    readAt: now - 10 * DAY,
    groupId: 'a3',
  },
];

function setup() {
  const search = createArticleSearch();
  const index = createRelatedIndex();
  search.addAll(fixtures);
  index.addAll(fixtures);
  return { search, index };
}
const ids = (hits: { id: string }[]) => hits.map((h) => h.id).sort();

describe('search', () => {
  const { search, index } = setup();
  test.each<[string, string, object, string[]]>([
    ['one word', 'naval', {}, ['a1', 'a2', 'a3']],
    ['every word must match', 'naval beijing', {}, ['a1', 'a3']],
    ['the last word is a prefix', 'xiangsh', {}, ['a1']],
    ['accents folded', 'zurich', {}, ['a2']],
    ['accents folded in the query', 'ZÜRICH', {}, ['a2']],
    ['entity names are indexed', 'habibollah', {}, ['a1']],
    ['site filter', 'naval', { site: 'Tehran Times' }, ['a1', 'a3']],
    ['date filter', 'naval', { from: now - 15 * DAY }, ['a1', 'a3']],
    ['date range', 'naval', { from: now - 15 * DAY, to: now - 5 * DAY }, ['a3']],
    ['entity filter', 'naval', { entityId: 'beijing' }, ['a1', 'a3']],
    ['topic filter', 'naval', { topicId: 'diplomacy' }, ['a2']],
    ['unknown entity filter', 'naval', { entityId: 'nobody' }, []],
    ['only stopwords', 'the and of', {}, []],
    ['empty query with a filter lists what passes', '', { site: 'Tehran Times' }, ['a1', 'a3']],
    ['empty query without filters finds nothing', '', {}, []],
  ])('%s: %j', (_name, query, filters, expected) => {
    expect(ids(search.search(query, { filters }, index))).toEqual(expected);
  });

  test('the title weighs more than the text', () => {
    expect(search.search('beijing', {}, index)[0]!.id).toBe('a1');
  });

  test('an empty query lists the latest first', () => {
    expect(search.search('', { filters: { site: 'Tehran Times' } }, index).map((h) => h.id)).toEqual(['a1', 'a3']);
  });

  test('text past the indexed prefix is not searched (memory bound)', () => {
    const long = createArticleSearch();
    long.add({ ...fixtures[2]!, text: `${'x'.repeat(SEARCH_TEXT_CHARS)} submarine` });
    long.add({ ...fixtures[0]!, text: 'a submarine' });
    expect(ids(long.search('submarine', {}, index))).toEqual(['a1']);
  });

  test('paging', () => {
    const all = search.search('naval', {}, index);
    expect(search.search('naval', { offset: 1, limit: 1 }, index)).toEqual([all[1]]);
  });
});

test('add replaces, remove forgets', () => {
  const { search, index } = setup();
  search.add({ ...fixtures[0]!, text: 'Nothing about ships.' });
  expect(ids(search.search('naval', {}, index))).toEqual(['a2', 'a3']);
  search.remove('a2');
  search.remove('never-added');
  expect(ids(search.search('naval', {}, index))).toEqual(['a3']);
  expect(search.size).toBe(2);
  search.clear();
  expect(search.size).toBe(0);
});

test('the index survives JSON and keeps working', () => {
  const { search, index } = setup();
  search.remove('a3');
  const loaded = loadArticleSearch(search.toJSON())!;
  expect(ids(loaded.search('naval', {}, index))).toEqual(['a1', 'a2']);
  loaded.add(fixtures[2]!);
  expect(ids(loaded.search('naval', {}, index))).toEqual(['a1', 'a2', 'a3']);
  expect(loadArticleSearch('{"version":99}')).toBeNull();
  expect(loadArticleSearch('not json')).toBeNull();
});

describe('snippets', () => {
  test('marks every matched word, as offsets into the excerpt', () => {
    const s = snippet('Admiral Habibollah Sayyari spoke in Zürich.', ['sayyari', 'zurich']);
    expect(s.marks.map(([a, b]) => s.text.slice(a, b))).toEqual(['Sayyari', 'Zürich']);
    expect(s).toMatchObject({ cutStart: false, cutEnd: false });
  });

  test('a long text is cut around the densest matches, at word boundaries', () => {
    const text = `${'filler words here. '.repeat(50)}The naval patrol met another naval patrol. ${'more filler. '.repeat(50)}`;
    const s = snippet(text, ['naval', 'patrol'], 120);
    expect(s.text.length).toBeLessThanOrEqual(120);
    expect(s.cutStart && s.cutEnd).toBe(true);
    expect(s.marks.map(([a, b]) => s.text.slice(a, b))).toEqual(['naval', 'patrol', 'naval', 'patrol']);
    expect(s.text.startsWith(' ')).toBe(false);
  });

  test('snippet terms are the search terms of the hits', () => {
    const { search, index } = setup();
    const [hit] = search.search('xiangsh', {}, index);
    const s = snippet(fixtures[0]!.text, hit!.terms);
    expect(s.marks.map(([a, b]) => s.text.slice(a, b))).toEqual(['Xiangshan']);
  });

  test('no HTML: page text stays text', () => {
    const s = snippet('<b>naval</b> & <script>', ['naval']);
    expect(s.text).toBe('<b>naval</b> & <script>');
    expect(s.marks).toEqual([[3, 8]]);
  });
});

test('searchTerm folds case and accents and drops stopwords', () => {
  expect(searchTerm('Zürich')).toBe('zurich');
  expect(searchTerm('The')).toBeNull();
});
