/**
 * Gathers each topic's evidence from the two sources the issue names: keyword hits in the text and
 * the article's entities (by tag and by type). An entity tag is one piece of evidence however many
 * entities carry it, so an article listing five seas is not five times about maritime security.
 */
import type { Evidence } from './score';
import type { TermHit, TermIndex } from './term-index';
import type { TopicDefinition, TopicEntity } from './types';

/**
 * Keyword evidence per topic (index i = topic i of the compiled list).
 * @example keywordEvidence(index, scanTerms(index, stream), topics.length)[0]
 */
export function keywordEvidence(index: TermIndex, hits: readonly TermHit[], topicCount: number): Evidence[][] {
  const perTopic: Evidence[][] = Array.from({ length: topicCount }, () => []);
  for (const hit of hits) {
    for (const { topic, weight } of index.terms[hit.term]!.contributions) {
      perTopic[topic]!.push({ terms: [hit.surface], weight, count: hit.count });
    }
  }
  return perTopic;
}

interface Group {
  mentions: number;
  names: Map<string, number>;
}

function groupBy(entities: readonly TopicEntity[], keysOf: (e: TopicEntity) => readonly string[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const entity of entities) {
    const mentions = Math.max(1, Math.floor(entity.mentions) || 1);
    for (const key of new Set(keysOf(entity))) {
      const group = groups.get(key) ?? { mentions: 0, names: new Map<string, number>() };
      group.mentions += mentions;
      group.names.set(entity.name, (group.names.get(entity.name) ?? 0) + mentions);
      groups.set(key, group);
    }
  }
  return groups;
}

function namesByMentions(group: Group): string[] {
  return [...group.names].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

/**
 * Adds the entity evidence of each topic to `perTopic`, in place.
 * @example addEntityEvidence(perTopic, TAXONOMY, [{ name: 'ICRC', type: 'organization', tags: ['humanitarian'], mentions: 2 }])
 */
export function addEntityEvidence(
  perTopic: Evidence[][],
  topics: readonly TopicDefinition[],
  entities: readonly TopicEntity[],
): void {
  if (!entities.length) return;
  const byTag = groupBy(entities, (e) => e.tags ?? []);
  const byType = groupBy(entities, (e) => [e.type]);
  topics.forEach((topic, i) => {
    for (const [source, weights] of [
      [byTag, topic.tags],
      [byType, topic.types],
    ] as const) {
      for (const [key, weight] of Object.entries(weights ?? {})) {
        const group = source.get(key);
        if (group) perTopic[i]!.push({ terms: namesByMentions(group), weight, count: group.mentions });
      }
    }
  });
}
