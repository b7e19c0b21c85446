/** The entity table's state: the query, the page of rows the background answers, and reloads. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { EntityPage, EntityQuery } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../services/messaging';

export const PAGE_SIZE = 50;
const EMPTY: EntityPage = { rows: [], total: 0, byType: {}, bySource: {} };

export function useEntities() {
  const [query, setQuery] = useState<EntityQuery>({
    text: '',
    type: 'all',
    source: 'all',
    hidden: 'include',
    offset: 0,
    limit: PAGE_SIZE,
  });
  const [page, setPage] = useState<EntityPage>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    try {
      setPage(await sendToBackground('bg:entities-query', query));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoaded(true);
    }
  }, [query]);

  useEffect(() => {
    const timer = setTimeout(reload, 120); // typing settles before the query goes out
    return () => clearTimeout(timer);
  }, [reload]);

  const update = (change: Partial<EntityQuery>) => setQuery((q) => ({ ...q, offset: 0, ...change }));
  return { query, update, setOffset: (offset: number) => setQuery((q) => ({ ...q, offset })), page, error, loaded, reload };
}
