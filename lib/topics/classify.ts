/**
 * Ranks an article's topics: one pass of the taxonomy's terms over the folded, stemmed text, entity
 * evidence on top, scores per score.ts. A top level is credited with its subtopics but only shown
 * when it says something they do not: it has convincing evidence of its own, or none of its
 * subtopics made the list and together they add up (a short piece touching three kinds of conflict
 * is about "conflict, war and peace"). The taxonomy is compiled once, on first use.
 */
import { addEntityEvidence, keywordEvidence } from './evidence';
import {
  EMPTY_TALLY,
  isConvincing,
  lengthNorm,
  MAX_TERMS,
  MIN_FALLBACK_SCORE,
  MIN_CUSTOM_SCORE,
  PARENT_CREDIT,
  roundScore,
  tally,
  type Tally,
} from './score';
import { STOP_PHRASES, TAXONOMY } from './taxonomy';
import { compileTerms, scanTerms, type TermIndex } from './term-index';
import { tokenize, type TokenStream } from './tokens';
import type { RankedTopic, TopicEntity, TopicOptions, UserTopic } from './types';
import { compileUserTopics } from './user-topic';

const DEFAULT_LIMIT = 6;
let taxonomyIndex: TermIndex | undefined;

function taxonomyTallies(stream: TokenStream, entities: readonly TopicEntity[], norm: number): Tally[] {
  taxonomyIndex ??= compileTerms(
    TAXONOMY.map((t) => t.keywords),
    STOP_PHRASES,
  );
  const perTopic = keywordEvidence(taxonomyIndex, scanTerms(taxonomyIndex, stream), TAXONOMY.length);
  addEntityEvidence(perTopic, TAXONOMY, entities);
  return perTopic.map((evidence) => tally(evidence, norm));
}

function subtopicResults(tallies: readonly Tally[]): RankedTopic[] {
  return TAXONOMY.flatMap((topic, i) =>
    topic.parent && isConvincing(tallies[i]!)
      ? [{ id: topic.id, label: topic.label, score: tallies[i]!.score, terms: tallies[i]!.terms, parent: topic.parent }]
      : [],
  );
}

function topLevelResults(tallies: readonly Tally[], shown: readonly RankedTopic[]): RankedTopic[] {
  return TAXONOMY.flatMap((topic, i) => {
    if (topic.parent) return [];
    const own = tallies[i] ?? EMPTY_TALLY;
    const children = TAXONOMY.flatMap((c, j) => (c.parent === topic.id && tallies[j]!.score > 0 ? [tallies[j]!] : []));
    const all = [own, ...children];
    const merged: Tally = {
      score: own.score + PARENT_CREDIT * children.reduce((sum, c) => sum + c.score, 0),
      terms: [...new Set(all.flatMap((t) => t.terms))].slice(0, MAX_TERMS),
      distinct: all.reduce((sum, t) => sum + t.distinct, 0),
      strongest: Math.max(...all.map((t) => t.strongest)),
    };
    const childShown = shown.some((r) => r.parent === topic.id);
    const fallback = !childShown && merged.score >= MIN_FALLBACK_SCORE && isConvincing(merged);
    if (!isConvincing(own) && !fallback) return [];
    return [{ id: topic.id, label: topic.label, score: merged.score, terms: merged.terms }];
  });
}

function customResults(stream: TokenStream, custom: readonly UserTopic[], norm: number): RankedTopic[] {
  if (!custom.length) return [];
  const index = compileUserTopics(custom);
  const perTopic = keywordEvidence(index, scanTerms(index, stream), custom.length);
  return custom.flatMap((topic, i) => {
    const t = tally(perTopic[i]!, norm);
    return t.score >= MIN_CUSTOM_SCORE
      ? [{ id: topic.id, label: topic.label, score: t.score, terms: t.terms, custom: true }]
      : [];
  });
}

/**
 * An article's topics, best first, each with the terms that put it there.
 * @example
 * classifyTopics(article.blocks, [{ name: 'ICRC', type: 'organization', tags: ['humanitarian'], mentions: 1 }])
 * // [{ id: 'humanitarian-aid', label: 'humanitarian aid', score: 7.2, terms: ['ICRC', 'humanitarian'], parent: '…' }, …]
 */
export function classifyTopics(
  blocks: readonly string[],
  entities: readonly TopicEntity[],
  options: TopicOptions = {},
): RankedTopic[] {
  const stream = tokenize(blocks);
  const norm = lengthNorm(stream.wordCount);
  const tallies = taxonomyTallies(stream, entities, norm);
  const subtopics = subtopicResults(tallies);
  const ranked = [...subtopics, ...topLevelResults(tallies, subtopics), ...customResults(stream, options.custom ?? [], norm)];
  return ranked
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
    .slice(0, Math.max(0, options.limit ?? DEFAULT_LIMIT))
    .map((topic) => ({ ...topic, score: roundScore(topic.score) }));
}
