/** The article's ranked topics, each with the terms that put it there. */
import type { RankedTopic } from '../lib/topics';
import { t } from '../services/i18n';

export function TopicList({ topics }: { topics: readonly RankedTopic[] }) {
  if (topics.length === 0) return null;
  return (
    <section class="topics" aria-labelledby="topics-heading">
      <h3 id="topics-heading">{t('panel_topics')}</h3>
      <ul>
        {topics.map((topic) => (
          <li key={topic.id} class="topic" data-topic-id={topic.id}>
            <span class="topic-label">
              {topic.label}
              {topic.custom && (
                <>
                  {' '}
                  <span class="badge">{t('panel_topic_yours')}</span>
                </>
              )}
            </span>
            <span class="topic-terms">{topic.terms.join(', ')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
