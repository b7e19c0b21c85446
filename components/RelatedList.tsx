/**
 * The stored articles related to this one, each with why ("shares Habibollah Sayyari, maritime
 * security"): links open the article as it was read, in a new tab.
 */
import type { RelatedLink } from '../lib/messaging/protocol';
import { formatDay } from '../lib/ui/dates';
import { t } from '../services/i18n';
import { Message } from './Bidi';
import { safeHref } from './EntityCard';

export function RelatedList({ related }: { related: readonly RelatedLink[] }) {
  if (related.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-heading">
      <h3 id="related-heading">{t('panel_related')}</h3>
      <ul>
        {related.map((r) => (
          <li key={r.id} class="related-article" data-article-id={r.id}>
            <a href={safeHref(r.url)} target="_blank" rel="noopener noreferrer" dir="auto">
              {r.title || r.url}
            </a>
            <span class="related-meta">
              <Message id="panel_related_meta" args={[r.site, formatDay(r.readAt)]} />
            </span>
            {r.reason.length > 0 && <span class="related-reason">{t('panel_related_reason', r.reason.join(', '))}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
