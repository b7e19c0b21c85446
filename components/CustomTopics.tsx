/**
 * The reader's own topics, each a name and a set of keywords: listed, added and removed here,
 * ranked beside the built-in taxonomy on every article. Presentational.
 */
import { useState } from 'preact/hooks';
import type { UserTopic } from '../lib/topics';
import { t } from '../services/i18n';

export interface CustomTopicsProps {
  topics: readonly UserTopic[];
  onChange(topics: UserTopic[]): void;
}

/** Keywords as the reader types them: one per line or comma-separated. */
export function parseKeywords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ];
}

function topicId(label: string): string {
  const slug = label
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `user-${slug || 'topic'}-${Date.now().toString(36)}`;
}

export function CustomTopics({ topics, onChange }: CustomTopicsProps) {
  const [label, setLabel] = useState('');
  const [keywords, setKeywords] = useState('');
  const parsed = parseKeywords(keywords);
  const valid = label.trim().length > 0 && label.length <= 80 && parsed.length > 0 && parsed.every((k) => k.length <= 80);

  return (
    <section class="custom-topics" aria-labelledby="topics-heading">
      <h2 id="topics-heading">{t('dashboard_topics')}</h2>
      {topics.length === 0 ? (
        <p class="empty">{t('dashboard_topics_empty')}</p>
      ) : (
        <ul>
          {topics.map((topic) => (
            <li key={topic.id} data-topic-id={topic.id}>
              <strong>{topic.label}</strong> <span class="keywords">{topic.keywords.join(', ')}</span>{' '}
              <button
                type="button"
                onClick={() => onChange(topics.filter((o) => o.id !== topic.id))}
                aria-label={t('dashboard_topic_remove_label', topic.label)}
              >
                {t('dashboard_topic_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="topic-form"
        aria-label={t('dashboard_topic_new')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          onChange([...topics, { id: topicId(label), label: label.trim(), keywords: parsed }]);
          setLabel('');
          setKeywords('');
        }}
      >
        <label>
          {t('dashboard_topic_name')} <input value={label} maxLength={80} onInput={(e) => setLabel(e.currentTarget.value)} />
        </label>
        <label>
          {t('dashboard_topic_keywords')}
          <input
            value={keywords}
            onInput={(e) => setKeywords(e.currentTarget.value)}
            placeholder={t('dashboard_topic_keywords_example')}
          />
        </label>
        <button type="submit" disabled={!valid}>
          {t('dashboard_topic_add')}
        </button>
      </form>
    </section>
  );
}
