/**
 * The reader's own topics, each a name and a set of keywords: listed, added and removed here,
 * ranked beside the built-in taxonomy on every article. Presentational.
 */
import { useState } from 'preact/hooks';
import type { UserTopic } from '../lib/topics';

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
      <h1 id="topics-heading">Your topics</h1>
      {topics.length === 0 ? (
        <p class="empty">No topics of your own yet. Define one by its keywords.</p>
      ) : (
        <ul>
          {topics.map((t) => (
            <li key={t.id} data-topic-id={t.id}>
              <strong>{t.label}</strong> <span class="keywords">{t.keywords.join(', ')}</span>{' '}
              <button
                type="button"
                onClick={() => onChange(topics.filter((o) => o.id !== t.id))}
                aria-label={`Remove topic ${t.label}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          onChange([...topics, { id: topicId(label), label: label.trim(), keywords: parsed }]);
          setLabel('');
          setKeywords('');
        }}
      >
        <label>
          Topic name <input value={label} maxLength={80} onInput={(e) => setLabel(e.currentTarget.value)} />
        </label>
        <label>
          Keywords (comma-separated)
          <input value={keywords} onInput={(e) => setKeywords(e.currentTarget.value)} placeholder="drone, UAV, Shahed" />
        </label>
        <button type="submit" disabled={!valid}>
          Add topic
        </button>
      </form>
    </section>
  );
}
