/** Stored articles as a list of links to their pages, with site and read date. */
import type { ArticleSummary } from '../lib/messaging/protocol';
import { t } from '../services/i18n';
import { formatDate } from './format';

export function ArticleLinks({ articles, label }: { articles: readonly ArticleSummary[]; label: string }) {
  return (
    <ul class="article-links" aria-label={label}>
      {articles.map((a) => (
        <li key={a.id} data-article-id={a.id}>
          <a href={`#article=${encodeURIComponent(a.id)}`}>{a.title || a.url}</a>{' '}
          <span class="muted">{t('dashboard_memory_result_meta', a.site, formatDate(a.readAt))}</span>
        </li>
      ))}
    </ul>
  );
}
