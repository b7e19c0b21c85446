/**
 * The dashboard's views and their deep links in the location hash, so a view can be bookmarked,
 * opened from the hover card or the popup, and reached with Back and Forward. Ids are
 * URI-encoded, since they hold colons.
 *
 * - `#entities` (or no hash): the entity table; `#entity=<id>` opens that entity in the editor
 *   (the hover card's "edit").
 * - `#search=<words>` (optionally `&entity=<id>`): the stored articles, searched.
 * - `#actor=<id>`: an entity's page over the reader's articles.
 * - `#article=<id>`: a stored article's page.
 * - `#memory`: the reading memory's settings and the backup.
 */

export type Route =
  | { view: 'entities'; edit?: string }
  | { view: 'articles'; query: string; entityId?: string }
  | { view: 'entity'; id: string }
  | { view: 'article'; id: string }
  | { view: 'memory' };

export type ViewName = Route['view'];

/**
 * The view a location hash asks for.
 * @example parseRoute('#article=a%3A1') // { view: 'article', id: 'a:1' }
 */
export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = (key: string) => params.get(key) || null;
  const article = value('article');
  if (article) return { view: 'article', id: article };
  const actor = value('actor');
  if (actor) return { view: 'entity', id: actor };
  if (params.has('search') || params.has('articles')) {
    const entityId = value('entity');
    return { view: 'articles', query: params.get('search') ?? '', ...(entityId ? { entityId } : {}) };
  }
  if (params.has('memory')) return { view: 'memory' };
  const edit = value('entity');
  return edit ? { view: 'entities', edit } : { view: 'entities' };
}

/**
 * The hash of a route, the inverse of `parseRoute`.
 * @example formatRoute({ view: 'entity', id: 'person:x' }) // '#actor=person%3Ax'
 */
export function formatRoute(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.view) {
    case 'entities':
      return route.edit ? `#entity=${enc(route.edit)}` : '#entities';
    case 'articles':
      return `#search=${enc(route.query)}${route.entityId ? `&entity=${enc(route.entityId)}` : ''}`;
    case 'entity':
      return `#actor=${enc(route.id)}`;
    case 'article':
      return `#article=${enc(route.id)}`;
    case 'memory':
      return '#memory';
  }
}
