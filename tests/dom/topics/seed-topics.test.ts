// @vitest-environment happy-dom
/**
 * The seed pages' expected topics (tests/fixtures/expected.json) from their real text blocks and
 * the starter-pack entities the knowledge-base matcher finds in them: the path the background takes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../../lib/article';
import type { Entity } from '../../../lib/entities/types';
import { createKbMatcher } from '../../../lib/matcher';
import { classifyTopics, type TopicEntity } from '../../../lib/topics';
import pack from '../../../lib/entities/pack/starter-pack.json';

const fixtures = path.resolve(__dirname, '../../fixtures');
const expected = JSON.parse(readFileSync(path.join(fixtures, 'expected.json'), 'utf8')) as {
  pages: Record<string, { topics?: string[] }>;
};
const entities = pack as unknown as Entity[];
const matcher = createKbMatcher(entities);
const byId = new Map(entities.map((e) => [e.id, e]));

function blocksOf(name: string): string[] {
  const doc = new DOMParser().parseFromString(readFileSync(path.join(fixtures, name), 'utf8'), 'text/html');
  return analyzeDocument(doc).blocks.map((b) => b.text);
}

/** The entities of the page with their mention counts, as the analysis would report them. */
function entitiesOf(blocks: string[]): TopicEntity[] {
  const counts = new Map<string, number>();
  for (const span of matcher.match(blocks)) counts.set(span.entityId, (counts.get(span.entityId) ?? 0) + 1);
  return [...counts].map(([id, mentions]) => {
    const e = byId.get(id)!;
    return { name: e.name, type: e.type, tags: e.tags, mentions };
  });
}

const pages = ['caspian-cooperation.html', 'humanitarian-readiness.html'];

describe('seed pages rank their expected topics near the top', () => {
  test.each(pages)('%s', (name) => {
    const blocks = blocksOf(name);
    const ranked = classifyTopics(blocks, entitiesOf(blocks)).map((t) => t.label.toLowerCase());
    for (const topic of expected.pages[name]!.topics!) {
      const rank = ranked.indexOf(topic);
      expect(rank, `${topic} in ${ranked.join(' | ')}`).toBeGreaterThanOrEqual(0);
      expect(rank, `${topic} in ${ranked.join(' | ')}`).toBeLessThan(5);
    }
  });

  test('the humanitarian page does not put maritime security or trade above its own topics', () => {
    const blocks = blocksOf('humanitarian-readiness.html');
    const ranked = classifyTopics(blocks, entitiesOf(blocks), { limit: 20 }).map((t) => t.label);
    const lastExpected = Math.max(...expected.pages['humanitarian-readiness.html']!.topics!.map((t) => ranked.indexOf(t)));
    for (const intruder of ['maritime security', 'trade and transport']) {
      const rank = ranked.indexOf(intruder);
      expect(rank === -1 || rank > lastExpected, `${intruder} in ${ranked.join(' | ')}`).toBe(true);
    }
  });

  test.each(pages)('%s: every topic says why', (name) => {
    const blocks = blocksOf(name);
    for (const topic of classifyTopics(blocks, entitiesOf(blocks))) expect(topic.terms.length).toBeGreaterThan(0);
  });
});
