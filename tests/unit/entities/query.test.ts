import { expect, test } from 'vitest';
import { queryEntities } from '../../../lib/entities/query';
import type { EntityQuery, EntityRow } from '../../../lib/messaging/protocol';

const rows: EntityRow[] = [
  { id: 'country:ir', name: 'Iran', type: 'place', aliases: ['Иран', 'ایران'], sourceKind: 'pack' },
  { id: 'city:ir-tehran', name: 'Tehran', type: 'place', aliases: [], sourceKind: 'pack' },
  {
    id: 'org:iran-army',
    name: 'Islamic Republic of Iran Army',
    type: 'organization',
    aliases: ['Iranian Army'],
    sourceKind: 'pack',
  },
  { id: 'user:p', name: 'Habibollah Sayyari', type: 'person', aliases: [], sourceKind: 'import', hidden: true },
];
const q = (change: Partial<EntityQuery>): EntityQuery => ({
  text: '',
  type: 'all',
  source: 'all',
  hidden: 'include',
  offset: 0,
  limit: 50,
  ...change,
});
const ids = (change: Partial<EntityQuery>) => queryEntities(rows, q(change)).rows.map((r) => r.id);

test.each([
  ['an exact name first, then names that contain it', { text: 'iran' }, ['country:ir', 'org:iran-army']],
  ['a name in another script', { text: 'иран' }, ['country:ir']],
  ['folded accents', { text: 'Tehrán' }, ['city:ir-tehran']],
  ['by type', { type: 'organization' as const }, ['org:iran-army']],
  ['by source', { source: 'import' }, ['user:p']],
  ['hidden only', { hidden: 'only' as const }, ['user:p']],
  ['hidden excluded', { hidden: 'exclude' as const, type: 'person' as const }, []],
])('%s', (_label, change, expected) => {
  expect(ids(change)).toEqual(expected);
});

test('pages, totals and facet counts', () => {
  const page = queryEntities(rows, q({ offset: 1, limit: 2 }));
  expect(page.total).toBe(4);
  expect(page.rows).toHaveLength(2);
  expect(page.byType).toEqual({ place: 2, organization: 1, person: 1 });
  expect(page.bySource).toEqual({ pack: 3, import: 1 });
});
