import { expect, test } from 'vitest';
import type { ArticleMeta } from '../../../lib/article/types';
import type { Actor, PaintSpan } from '../../../lib/messaging/protocol';
import type { RankedTopic } from '../../../lib/topics';
import { articleIdOf, buildArticleRecord, MAX_POSITIONS, MAX_TEXT_CHARS, recordVisit } from '../../../lib/memory/article-record';
import { urlKey } from '../../../lib/memory/canonical-url';
import { BANDS } from '../../../lib/memory/near-duplicate';

const meta: ArticleMeta = {
  title: 'Iran and China hold naval talks ',
  byline: 'By A. Writer',
  publishedAt: '2025-05-01T10:00:00.000Z',
  siteName: null,
  canonicalUrl: 'https://www.example.com/world/naval-talks',
  language: 'en',
};
const blocks = ['Admiral Habibollah Sayyari met officials in Beijing.', 'Sayyari said Iran and China would hold drills.'];
const spans: PaintSpan[] = [
  { block: 0, start: 8, end: 26, entityId: 'p:sayyari', type: 'person' },
  { block: 0, start: 43, end: 50, entityId: 'c:beijing', type: 'place' },
  { block: 1, start: 0, end: 7, entityId: 'p:sayyari', type: 'person' },
  { block: 1, start: 13, end: 17, entityId: 'c:ir', type: 'place', ambiguous: ['c:ir', 'x:iran'] },
];
const actors: Actor[] = [
  { entityId: 'p:sayyari', name: 'Habibollah Sayyari', type: 'person', mentions: 2 },
  { entityId: 'c:beijing', name: 'Beijing', type: 'place', mentions: 1 },
  { entityId: 'discovered:drills', name: 'Drills', type: 'event', mentions: 1, unsaved: true },
];
const topics: RankedTopic[] = [{ id: 'defence', label: 'defence', score: 3.2, terms: ['naval', 'drills'] }];
const now = Date.UTC(2025, 4, 2);
const input = {
  url: 'https://www.example.com/world/naval-talks?utm_source=x#top',
  meta,
  blocks,
  analysis: { spans, actors, topics },
  now,
};

test('builds a record from an analysis', () => {
  const record = buildArticleRecord(input)!;
  expect(record).toMatchObject({
    id: articleIdOf(urlKey(meta.canonicalUrl!)!),
    url: 'https://www.example.com/world/naval-talks',
    canonicalUrl: 'https://www.example.com/world/naval-talks',
    urlKey: 'example.com/world/naval-talks',
    title: 'Iran and China hold naval talks',
    site: 'example.com',
    byline: 'By A. Writer',
    readAt: now,
    firstReadAt: now,
    visits: 1,
    text: `${blocks[0]}\n\n${blocks[1]}`,
    entityIds: ['p:sayyari', 'c:beijing'],
    topics: [{ id: 'defence', label: 'defence', score: 3.2 }],
    topicIds: ['defence'],
  });
  expect(record.groupId).toBe(record.id);
  expect(record.bands).toHaveLength(BANDS);
  // Positions are offsets into the stored text: they read back the names.
  const sayyari = record.entities[0]!;
  expect(sayyari.count).toBe(2);
  const names = [];
  for (let i = 0; i < sayyari.positions.length; i += 2)
    names.push(record.text.slice(sayyari.positions[i], sayyari.positions[i + 1]));
  expect(names).toEqual(['Habibollah Sayyari', 'Sayyari']);
});

test('the site name wins over the host; a page without an http address is not stored', () => {
  expect(buildArticleRecord({ ...input, meta: { ...meta, siteName: 'Example News' } })!.site).toBe('Example News');
  expect(buildArticleRecord({ ...input, url: 'file:///tmp/x.html', meta: { ...meta, canonicalUrl: null } })).toBeNull();
});

test('the same article read through another address gets the same id', () => {
  const other = buildArticleRecord({
    ...input,
    url: 'https://m.example.com/world/naval-talks/',
    meta: { ...meta, canonicalUrl: null },
  })!;
  expect(other.id).toBe(buildArticleRecord(input)!.id);
});

test('og:url stands for the page when rel=canonical cannot (it names the home page)', () => {
  const record = buildArticleRecord({
    ...input,
    meta: { ...meta, canonicalUrl: 'https://www.example.com/', ogUrl: 'https://www.example.com/world/naval-talks' },
  })!;
  expect(record.canonicalUrl).toBe('https://www.example.com/world/naval-talks');
});

test('text and positions are capped', () => {
  const long = 'word '.repeat(MAX_TEXT_CHARS / 2);
  const many: PaintSpan[] = Array.from({ length: 100 }, (_, i) => ({
    block: 0,
    start: i * 5,
    end: i * 5 + 4,
    entityId: 'p:sayyari',
    type: 'person',
  }));
  const record = buildArticleRecord({ ...input, blocks: [long, long], analysis: { spans: many, actors, topics } })!;
  expect(record.text.length).toBe(MAX_TEXT_CHARS);
  expect(record.entities[0]!.positions).toHaveLength(MAX_POSITIONS * 2);
});

test('a re-visit keeps the first date and the group, counts the visit', () => {
  const first = { ...buildArticleRecord(input)!, groupId: 'a:original' };
  const again = buildArticleRecord({ ...input, now: now + 1000 })!;
  expect(recordVisit(first, again)).toMatchObject({ firstReadAt: now, readAt: now + 1000, visits: 2, groupId: 'a:original' });
});
