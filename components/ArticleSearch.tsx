/**
 * The stored articles: the search box, the filters (site, read between two dates, topic, the
 * entity chosen on its page) and the results, each title and snippet with the matched words
 * marked. The wiring debounces the box and asks the background.
 */
import type { MemorySearchHit, MemoryStatus } from '../lib/messaging/protocol';
import { t } from '../services/i18n';
import { isolateText, Message } from './Bidi';
import { formatDate } from './format';
import { SnippetText } from './SnippetText';

/** The filters as the form holds them: dates as `YYYY-MM-DD`, '' for none. */
export interface SearchFormState {
  query: string;
  site: string;
  from: string;
  to: string;
  topicId: string;
  entityId: string;
}

export interface ArticleSearchProps {
  form: SearchFormState;
  status: Pick<MemoryStatus, 'sites' | 'topics' | 'articles'> | null;
  /** The name of the entity filtered on, when there is one. */
  entityName: string | null;
  onChange(change: Partial<SearchFormState>): void;
}

export function ArticleSearchForm({ form, status, entityName, onChange }: ArticleSearchProps) {
  const badRange = form.from !== '' && form.to !== '' && form.from > form.to;
  return (
    <div class="filters" role="search" aria-label={t('dashboard_memory_search_label')}>
      <label class="grow">
        {t('dashboard_memory_search')}
        <input type="search" value={form.query} onInput={(e) => onChange({ query: e.currentTarget.value })} />
      </label>
      <label>
        {t('dashboard_memory_site')}
        <select value={form.site} onChange={(e) => onChange({ site: e.currentTarget.value })}>
          <option value="">{t('dashboard_memory_all_sites')}</option>
          {status?.sites.map((s) => (
            <option key={s.site} value={s.site} dir="auto">
              {t('dashboard_option_count', isolateText(s.site), s.articles)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dashboard_memory_topic')}
        <select value={form.topicId} onChange={(e) => onChange({ topicId: e.currentTarget.value })}>
          <option value="">{t('dashboard_memory_all_topics')}</option>
          {status?.topics.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dashboard_memory_from')}
        <input
          type="date"
          value={form.from}
          aria-invalid={badRange}
          aria-describedby={badRange ? 'date-range-error' : undefined}
          onChange={(e) => onChange({ from: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('dashboard_memory_to')}
        <input type="date" value={form.to} aria-invalid={badRange} onChange={(e) => onChange({ to: e.currentTarget.value })} />
      </label>
      {form.entityId && (
        <p class="chip">
          {t('dashboard_memory_naming', entityName ?? form.entityId)}{' '}
          <button
            type="button"
            aria-label={t('dashboard_memory_naming_clear', entityName ?? form.entityId)}
            onClick={() => onChange({ entityId: '' })}
          >
            ×
          </button>
        </p>
      )}
      {badRange && (
        <p id="date-range-error" class="problems">
          {t('dashboard_memory_bad_range')}
        </p>
      )}
    </div>
  );
}

export interface SearchResultsProps {
  hits: readonly MemorySearchHit[];
  total: number;
  offset: number;
  pageSize: number;
  onPage(offset: number): void;
  onDelete(hit: MemorySearchHit): void;
}

export function SearchResults({ hits, total, offset, pageSize, onPage, onDelete }: SearchResultsProps) {
  if (total === 0) return <p class="empty">{t('dashboard_memory_no_results')}</p>;
  return (
    <>
      <ol class="results" start={offset + 1}>
        {hits.map((hit) => (
          <li key={hit.article.id} class="result" data-article-id={hit.article.id}>
            <h3>
              <a href={`#article=${encodeURIComponent(hit.article.id)}`} dir="auto">
                <SnippetText snippet={hit.title} />
              </a>
            </h3>
            <p class="meta">
              <Message id="dashboard_memory_result_meta" args={[hit.article.site, formatDate(hit.article.readAt)]} />
            </p>
            <p class="snippet">
              <SnippetText snippet={hit.snippet} />
            </p>
            <button
              type="button"
              class="danger"
              aria-label={t('dashboard_memory_delete_label', hit.article.title)}
              onClick={() => onDelete(hit)}
            >
              {t('dashboard_memory_delete')}
            </button>
          </li>
        ))}
      </ol>
      <nav class="pager" aria-label={t('dashboard_memory_pages')}>
        <span>{t('dashboard_pager', offset + 1, Math.min(offset + pageSize, total), total)}</span>
        <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - pageSize))}>
          {t('dashboard_previous')}
        </button>
        <button type="button" disabled={offset + pageSize >= total} onClick={() => onPage(offset + pageSize)}>
          {t('dashboard_next')}
        </button>
      </nav>
    </>
  );
}
