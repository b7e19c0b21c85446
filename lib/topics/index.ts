/**
 * Public API of topic classification: an article's ranked topics from a taxonomy aligned with the
 * IPTC Media Topics top levels plus analyst subtopics, and from the reader's own keyword topics,
 * each with the terms behind it. Pure TypeScript: text and entities in, topics out.
 */
export type { KeywordWeight, RankedTopic, TopicDefinition, TopicEntity, TopicOptions, UserTopic } from './types';
export { classifyTopics } from './classify';
export { isUserTopic, MAX_KEYWORD_LENGTH, MAX_KEYWORDS, MAX_LABEL_LENGTH } from './user-topic';
export { TAXONOMY } from './taxonomy';
