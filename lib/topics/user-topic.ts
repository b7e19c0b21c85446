/**
 * Topics the reader defines as keyword sets. They arrive from storage and messages, so the guard is
 * strict and bounded (a label of at most 80 characters, 1 to 100 keywords of at most 80 each, an id
 * of at most 200); the compiled keywords are cached for the last set seen, since the reader's topics
 * rarely change between articles.
 */
import { compileTerms, type TermIndex } from './term-index';
import type { UserTopic } from './types';

export const MAX_LABEL_LENGTH = 80;
/** Room for an id derived from a full-length label plus a prefix and a suffix. */
export const MAX_ID_LENGTH = 200;
export const MAX_KEYWORDS = 100;
export const MAX_KEYWORD_LENGTH = 80;

function isBoundedText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

/**
 * Whether a value is a well-formed, bounded reader's topic.
 * @example isUserTopic({ id: 'caspian', label: 'caspian', keywords: ['caspian', 'turkmenistan'] }) // true
 */
export function isUserTopic(value: unknown): value is UserTopic {
  if (typeof value !== 'object' || value === null) return false;
  const { id, label, keywords } = value as Record<string, unknown>;
  return (
    isBoundedText(id, MAX_ID_LENGTH) &&
    isBoundedText(label, MAX_LABEL_LENGTH) &&
    Array.isArray(keywords) &&
    keywords.length >= 1 &&
    keywords.length <= MAX_KEYWORDS &&
    keywords.every((k) => isBoundedText(k, MAX_KEYWORD_LENGTH))
  );
}

let cached: { key: string; index: TermIndex } | undefined;

/**
 * The term index of the reader's topics (topic i = `topics[i]`), every keyword at weight 1.
 * @example scanTerms(compileUserTopics(custom), stream)
 */
export function compileUserTopics(topics: readonly UserTopic[]): TermIndex {
  const key = JSON.stringify(topics.map((t) => t.keywords));
  if (cached?.key !== key) {
    const index = compileTerms(topics.map((t) => t.keywords.map((k) => [k, 1] as const)));
    cached = { key, index };
  }
  return cached.index;
}
