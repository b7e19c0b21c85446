/** Stored articles as a list of links to their pages, with site and read date. */
import type { ArticleSummary } from '../lib/messaging/protocol';
import { Message } from './Bidi';
import { formatDate } from './format';

export function ArticleLinks({ articles, label }: { articles: readonly ArticleSummary[]; label: string }) {
  return (
    <ul class="article-links" aria-label={label}>
      {articles.map((a) => (
        <li key={a.id} data-article-id={a.id}>
          <a href={`#article=${encodeURIComponent(a.id)}`} dir="auto">
            {a.title || a.url}
          </a>{' '}
          <span class="muted">
            <Message id="dashboard_memory_result_meta" args={[a.site, formatDate(a.readAt)]} />
          </span>
        </li>
      ))}
    </ul>
  );
}
