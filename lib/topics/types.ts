/**
 * Shapes of topic classification: the taxonomy's definitions (data in taxonomy.ts), what the
 * caller passes in (an article's entities, the reader's own topics) and what comes back.
 */

/** A keyword or phrase and its weight. */
export type KeywordWeight = readonly [term: string, weight: number];

/**
 * One topic of the taxonomy. Weights run from 0.25 (supporting word) through 1 (a clear sign)
 * to 3 (names the topic on its own: "humanitarian aid", "sanctions").
 */
export interface TopicDefinition {
  /** kebab-case, unique. */
  id: string;
  /** Lower case, as shown to the reader. */
  label: string;
  /** The IPTC Media Topics top level this subtopic sits under (absent on a top level). */
  parent?: string;
  /** IPTC Media Topics QCode, on top levels ("medtop:16000000"). */
  iptc?: string;
  /** Words and phrases, each with its weight; matched on stems, so one inflection is enough. */
  keywords: readonly KeywordWeight[];
  /** Evidence from the article's entities, by the entity's tag ('armed-forces', 'sea'). */
  tags?: Readonly<Record<string, number>>;
  /** Evidence from the article's entities, by the entity's type ('group'). */
  types?: Readonly<Record<string, number>>;
}

/** An entity found in the article, as the analysis reports it. */
export interface TopicEntity {
  name: string;
  type: string;
  tags?: readonly string[];
  mentions: number;
}

/** A topic the reader defines as a set of keywords. */
export interface UserTopic {
  id: string;
  label: string;
  keywords: string[];
}

/** A topic of an article, with the terms that put it there (weightiest first). */
export interface RankedTopic {
  id: string;
  label: string;
  score: number;
  terms: string[];
  parent?: string;
  custom?: boolean;
}

export interface TopicOptions {
  /** The reader's own topics, scored like the taxonomy's with every keyword at weight 1. */
  custom?: readonly UserTopic[];
  /** How many topics to return at most; default 6. */
  limit?: number;
}
