import { expect, test } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../../lib/dashboard/routes';

test.each<[string, Route]>([
  ['', { view: 'entities' }],
  ['#entities', { view: 'entities' }],
  ['#entity=country%3Air', { view: 'entities', edit: 'country:ir' }],
  ['#search=', { view: 'articles', query: '' }],
  ['#search=Sayyari%20navy', { view: 'articles', query: 'Sayyari navy' }],
  ['#search=&entity=person%3Ax', { view: 'articles', query: '', entityId: 'person:x' }],
  ['#actor=discovered%3Ahabibollah-sayyari', { view: 'entity', id: 'discovered:habibollah-sayyari' }],
  ['#article=a1', { view: 'article', id: 'a1' }],
  ['#memory', { view: 'memory' }],
  ['#nonsense=1', { view: 'entities' }],
])('parseRoute(%j)', (hash, route) => {
  expect(parseRoute(hash)).toEqual(route);
});

test.each<Route>([
  { view: 'entities' },
  { view: 'entities', edit: 'user:person:a b' },
  { view: 'articles', query: 'Caspian & navy' },
  { view: 'articles', query: '', entityId: 'person:x' },
  { view: 'entity', id: 'discovered:habibollah-sayyari' },
  { view: 'article', id: 'https://x/y?z=1#f' },
  { view: 'memory' },
])('formatRoute and parseRoute round-trip %j', (route) => {
  expect(parseRoute(formatRoute(route))).toEqual(route);
});
