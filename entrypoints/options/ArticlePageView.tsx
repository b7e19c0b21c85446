/** Wires a stored article's page (`#article=<id>`), and deleting it after asking. */
import { useEffect, useState } from 'preact/hooks';
import { ArticlePage } from '../../components/ArticlePage';
import type { ArticleView } from '../../lib/messaging/protocol';
import { t } from '../../services/i18n';
import { sendToBackground } from '../../services/messaging';
import { navigate } from './use-route';
import { useViewFocus } from './view-focus';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function ArticlePageView({ id, onNotice }: { id: string; onNotice(text: string): void }) {
  const [article, setArticle] = useState<ArticleView | null | undefined>(undefined);
  useViewFocus('view-heading', article !== undefined);

  useEffect(() => {
    sendToBackground('bg:memory-article', { id }).then(
      (r) => setArticle(r.article),
      (e) => {
        setArticle(null);
        onNotice(t('dashboard_failed', message(e)));
      },
    );
  }, [id]);

  async function remove(view: ArticleView) {
    if (!confirm(t('dashboard_memory_delete_confirm', view.title))) return;
    try {
      await sendToBackground('bg:memory-delete', { ids: [view.id] });
      onNotice(t('dashboard_memory_deleted', view.title));
      navigate({ view: 'articles', query: '' });
    } catch (e) {
      onNotice(t('dashboard_failed', message(e)));
    }
  }

  if (article === undefined)
    return <div class="skeleton" role="progressbar" aria-busy="true" aria-label={t('dashboard_loading')} />;
  if (article === null)
    return (
      <section aria-labelledby="view-heading">
        <h2 id="view-heading" tabIndex={-1}>
          {t('dashboard_article_not_found')}
        </h2>
      </section>
    );
  return <ArticlePage article={article} onDelete={() => void remove(article)} />;
}
