/**
 * An entity over the reader's articles: who or what it is, when the articles named it (chart),
 * who it is read with (network), and the articles themselves.
 */
import { useMemo } from 'preact/hooks';
import { bucketMentions } from '../lib/dashboard/timeline';
import type { EntityMemory } from '../lib/messaging/protocol';
import type { Theme } from '../lib/ui/palette';
import { t } from '../services/i18n';
import { ActorGraph } from './ActorGraph';
import { TYPE_NAMES } from './ActorList';
import { ArticleLinks } from './ArticleLinks';
import { MentionTimeline } from './MentionTimeline';

export interface EntityMemoryPageProps {
  id: string;
  memory: EntityMemory;
  theme: Theme;
  onOpenEntity(id: string): void;
}

export function EntityMemoryPage({ id, memory, theme, onOpenEntity }: EntityMemoryPageProps) {
  const { entity, graph, articles } = memory;
  const timeline = useMemo(() => bucketMentions(memory.mentions), [memory.mentions]);
  const name = entity?.name ?? graph.nodes.find((n) => n.id === id)?.name ?? id;
  const type = entity?.type ?? graph.nodes.find((n) => n.id === id)?.type ?? 'person';
  const href = encodeURIComponent(id);
  return (
    <article class="entity-page" data-entity-id={id} aria-labelledby="view-heading">
      <h2 id="view-heading" tabIndex={-1} dir="auto">
        {name}
      </h2>
      <p class="entity-type">
        <span class={`swatch swatch-${type}`} aria-hidden="true" /> {TYPE_NAMES[type]}
        {entity?.role && <> · {entity.role}</>}
        {entity?.country && <> · {entity.country}</>}
      </p>
      {!entity && <p class="hint">{t('dashboard_entity_gone')}</p>}
      {entity?.description && (
        <p class="description" dir="auto">
          {entity.description}
        </p>
      )}
      {entity && entity.aliases.length > 0 && (
        <p class="aliases">
          <span class="muted">{t('dashboard_entity_aliases')}</span> {entity.aliases.join(' · ')}
        </p>
      )}
      <p class="row">
        {entity && <a href={`#entity=${href}`}>{t('dashboard_entity_edit')}</a>}
        <a href={`#search=&entity=${href}`}>{t('dashboard_entity_search')}</a>
      </p>
      <section aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">{t('dashboard_timeline_heading')}</h3>
        <MentionTimeline timeline={timeline} entityName={name} color={theme[type]} theme={theme} />
      </section>
      <section aria-labelledby="graph-heading">
        <h3 id="graph-heading">{t('dashboard_graph_heading')}</h3>
        <ActorGraph graph={graph} focusId={id} entityName={name} theme={theme} onOpen={onOpenEntity} />
      </section>
      <section aria-labelledby="entity-articles-heading">
        <h3 id="entity-articles-heading">{t('dashboard_entity_articles', articles.length)}</h3>
        {articles.length > 0 ? (
          <ArticleLinks articles={articles} label={t('dashboard_entity_articles', articles.length)} />
        ) : (
          <p class="empty">{t('dashboard_entity_no_articles')}</p>
        )}
      </section>
    </article>
  );
}
