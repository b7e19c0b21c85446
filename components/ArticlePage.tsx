/**
 * A stored article as the popup's panel shows it: where and when, its actors by type (each a
 * link to its page), its topics, the related articles with why, and the other copies of the story.
 */
import type { ArticleView } from '../lib/messaging/protocol';
import { t } from '../services/i18n';
import { groupActors, TYPE_LABELS } from './ActorList';
import { ArticleLinks } from './ArticleLinks';
import { safeHref } from './EntityCard';
import { formatDate } from './format';
import { TopicList } from './TopicList';

export interface ArticlePageProps {
  article: ArticleView;
  onDelete(): void;
}

function Actors({ actors }: { actors: ArticleView['actors'] }) {
  if (actors.length === 0) return <p class="empty">{t('dashboard_article_no_actors')}</p>;
  return (
    <div class="actor-groups">
      {groupActors(actors).map(([type, list]) => (
        <section class="actor-group" key={type} aria-labelledby={`group-${type}`} data-type={type}>
          <h4 id={`group-${type}`}>
            <span class={`swatch swatch-${type}`} aria-hidden="true" />
            {TYPE_LABELS[type]} <span class="count">{list.length}</span>
          </h4>
          <ul>
            {list.map((actor) => (
              <li key={actor.entityId} class="actor" data-entity-id={actor.entityId}>
                <a href={`#actor=${encodeURIComponent(actor.entityId)}`} dir="auto">
                  {actor.name}
                </a>{' '}
                <span class="muted">{t('panel_mentions', actor.mentions)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function ArticlePage({ article, onDelete }: ArticlePageProps) {
  return (
    <article class="article-page" data-article-id={article.id} aria-labelledby="view-heading">
      <h2 id="view-heading" tabIndex={-1} dir="auto">
        {article.title || article.url}
      </h2>
      <dl class="facts">
        <dt>{t('dashboard_article_site')}</dt>
        <dd dir="auto">{article.site}</dd>
        {article.byline && (
          <>
            <dt>{t('dashboard_article_byline')}</dt>
            <dd dir="auto">{article.byline}</dd>
          </>
        )}
        {article.publishedAt && (
          <>
            <dt>{t('dashboard_article_published')}</dt>
            <dd>{formatDate(article.publishedAt)}</dd>
          </>
        )}
        <dt>{t('dashboard_article_read')}</dt>
        <dd>{t('dashboard_article_read_value', formatDate(article.readAt), article.visits)}</dd>
      </dl>
      <p class="row">
        <a href={safeHref(article.url)} target="_blank" rel="noopener noreferrer">
          {t('dashboard_article_original')}
        </a>
        <button type="button" class="danger" onClick={onDelete}>
          {t('dashboard_article_delete')}
        </button>
      </p>
      <section aria-labelledby="article-actors-heading">
        <h3 id="article-actors-heading">{t('dashboard_article_actors')}</h3>
        <Actors actors={article.actors} />
      </section>
      <TopicList topics={article.topics.map((topic) => ({ ...topic, terms: [] }))} />
      <section aria-labelledby="related-heading">
        <h3 id="related-heading">{t('dashboard_article_related')}</h3>
        {article.related.length > 0 ? (
          <ul class="related">
            {article.related.map((r) => (
              <li key={r.id} data-article-id={r.id}>
                <a href={`#article=${encodeURIComponent(r.id)}`} dir="auto">
                  {r.title || r.url}
                </a>{' '}
                <span class="muted">{t('dashboard_memory_result_meta', r.site, formatDate(r.readAt))}</span>
                {r.reason.length > 0 && <div class="reason">{t('dashboard_article_shares', r.reason.join(', '))}</div>}
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('dashboard_article_no_related')}</p>
        )}
      </section>
      {article.duplicates.length > 0 && (
        <section aria-labelledby="duplicates-heading">
          <h3 id="duplicates-heading">{t('dashboard_article_duplicates')}</h3>
          <ArticleLinks articles={article.duplicates} label={t('dashboard_article_duplicates')} />
        </section>
      )}
    </article>
  );
}
