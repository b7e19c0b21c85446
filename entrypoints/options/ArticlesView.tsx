/**
 * Wires the stored articles: the search box (debounced, its words kept in the hash as
 * `#search=`), the filters, paging, and deleting an article after asking.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ArticleSearchForm, SearchResults, type SearchFormState } from '../../components/ArticleSearch';
import type { Route } from '../../lib/dashboard/routes';
import type { MemoryFilters, MemorySearchHit, MemoryStatus } from '../../lib/messaging/protocol';
import { t } from '../../services/i18n';
import { sendToBackground } from '../../services/messaging';
import { replaceHash } from './use-route';
import { useViewFocus } from './view-focus';

export const RESULTS_PAGE = 20;
/** Milliseconds typing must pause before the search goes out. */
export const SEARCH_DEBOUNCE = 250;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The start of a `YYYY-MM-DD` day in local time, `days` later; undefined for ''. */
function dayStart(date: string, days = 0): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + days).getTime();
}

/** The filters the background reads from the form: read from the first day to the end of the last. */
export function filtersOf(form: SearchFormState): MemoryFilters {
  const filters: MemoryFilters = {};
  if (form.site) filters.site = form.site;
  if (form.topicId) filters.topicId = form.topicId;
  if (form.entityId) filters.entityId = form.entityId;
  const from = dayStart(form.from);
  const to = dayStart(form.to, 1);
  if (from !== undefined) filters.from = from;
  if (to !== undefined) filters.to = to;
  return filters;
}

export interface ArticlesViewProps {
  route: Extract<Route, { view: 'articles' }>;
  onNotice(text: string): void;
}

export function ArticlesView({ route, onNotice }: ArticlesViewProps) {
  const [form, setForm] = useState<SearchFormState>({
    query: route.query,
    site: '',
    from: '',
    to: '',
    topicId: '',
    entityId: route.entityId ?? '',
  });
  const [offset, setOffset] = useState(0);
  const [status, setStatus] = useState<MemoryStatus | null>(null);
  const [results, setResults] = useState<{ hits: MemorySearchHit[]; total: number } | null>(null);
  const [entityName, setEntityName] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const first = useRef(true);
  useViewFocus('view-heading', true);

  // A link to another search (the navigation, an entity page) starts over from its words.
  useEffect(() => {
    if (first.current) return void (first.current = false);
    const entityId = route.entityId ?? '';
    setForm((f) => (f.query === route.query && f.entityId === entityId ? f : { ...f, query: route.query, entityId }));
    setOffset(0);
  }, [route]);

  useEffect(() => {
    sendToBackground('bg:memory-status', {}).then(setStatus, (e) => onNotice(t('dashboard_failed', message(e))));
  }, [reloads]);

  useEffect(() => {
    if (!form.entityId) return setEntityName(null);
    sendToBackground('bg:entity-get', { id: form.entityId }).then(
      (r) => setEntityName(r.entity?.name ?? null),
      () => setEntityName(null),
    );
  }, [form.entityId]);

  useEffect(() => {
    if (form.from && form.to && form.from > form.to) return;
    let live = true;
    const timer = setTimeout(() => {
      replaceHash({ view: 'articles', query: form.query, ...(form.entityId ? { entityId: form.entityId } : {}) });
      sendToBackground('bg:memory-search', {
        query: form.query.trim(),
        filters: filtersOf(form),
        offset,
        limit: RESULTS_PAGE,
      }).then(
        (r) => live && setResults(r),
        (e) => live && onNotice(t('dashboard_failed', message(e))),
      );
    }, SEARCH_DEBOUNCE);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [form, offset, reloads]);

  async function remove(hit: MemorySearchHit) {
    if (!confirm(t('dashboard_memory_delete_confirm', hit.article.title))) return;
    try {
      await sendToBackground('bg:memory-delete', { ids: [hit.article.id] });
      onNotice(t('dashboard_memory_deleted', hit.article.title));
      setReloads((n) => n + 1);
    } catch (e) {
      onNotice(t('dashboard_failed', message(e)));
    }
  }

  return (
    <section class="articles-view" aria-labelledby="view-heading">
      <h2 id="view-heading" tabIndex={-1}>
        {t('dashboard_articles_heading')}
      </h2>
      <p class="hint">{t('dashboard_articles_count', status?.articles ?? 0)}</p>
      <ArticleSearchForm
        form={form}
        status={status}
        entityName={entityName}
        onChange={(change) => {
          setForm((f) => ({ ...f, ...change }));
          setOffset(0);
        }}
      />
      {results ? (
        <SearchResults
          hits={results.hits}
          total={results.total}
          offset={offset}
          pageSize={RESULTS_PAGE}
          onPage={setOffset}
          onDelete={(hit) => void remove(hit)}
        />
      ) : (
        <div class="skeleton" role="progressbar" aria-busy="true" aria-label={t('dashboard_loading')} />
      )}
    </section>
  );
}
