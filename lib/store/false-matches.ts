/**
 * False matches the reader pointed out from the card ("not this one here"): on this page, this
 * name is someone or something else. Remembered per page in the `meta` table, one row per page so
 * an article's analysis reads one small row; the most recently marked pages are kept (bounded),
 * the oldest dropped.
 */
import type { DramatisDb } from './db';

const ROW_PREFIX = 'false-matches:';
const ORDER = 'false-matches.order';

export const FALSE_MATCH_LIMITS = { pages: 5_000, perPage: 500 } as const;

/**
 * The page a false match belongs to: the address without its fragment (a jump link is the same
 * article).
 * @example pageKeyOf('https://example.com/a?id=1#top') // 'https://example.com/a?id=1'
 */
export function pageKeyOf(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function createFalseMatchRepo(
  dbReady: Promise<DramatisDb>,
  limits: { pages: number; perPage: number } = FALSE_MATCH_LIMITS,
) {
  // The pages with any false match, read once: most pages have none, and their analysis then
  // waits for no database read at all.
  let marked: Promise<Set<string>> | null = null;
  const markedPages = () =>
    (marked ??= dbReady
      .then((db) => db.meta.get(ORDER))
      .then((row) => new Set(stringsOf(row?.value)))
      .catch((error: unknown) => {
        marked = null;
        throw error;
      }));

  return {
    /** The entity ids marked as false matches on the page at `url`. */
    async forPage(url: string): Promise<Set<string>> {
      const page = pageKeyOf(url);
      if (!(await markedPages()).has(page)) return new Set();
      return new Set(stringsOf((await (await dbReady).meta.get(ROW_PREFIX + page))?.value));
    },

    /** Marks `entityId` as a false match on the page at `url`; one transaction. */
    async add(url: string, entityId: string): Promise<void> {
      const db = await dbReady;
      const page = pageKeyOf(url);
      await db.transaction('rw', db.meta, async () => {
        const ids = stringsOf((await db.meta.get(ROW_PREFIX + page))?.value).filter((id) => id !== entityId);
        ids.push(entityId);
        await db.meta.put({ key: ROW_PREFIX + page, value: ids.slice(-limits.perPage) });
        const order = stringsOf((await db.meta.get(ORDER))?.value).filter((p) => p !== page);
        order.push(page);
        const dropped = order.splice(0, Math.max(0, order.length - limits.pages));
        await db.meta.bulkDelete(dropped.map((p) => ROW_PREFIX + p));
        await db.meta.put({ key: ORDER, value: order });
      });
      marked = null;
    },
  };
}

export type FalseMatchRepo = ReturnType<typeof createFalseMatchRepo>;
