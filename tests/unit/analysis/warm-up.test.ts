import { expect, test } from 'vitest';
import { combineMatchers } from '../../../lib/analysis/combine-matchers';
import { knownSpans } from '../../../lib/analysis/analyze-article';
import { warmUpBlocks } from '../../../lib/analysis/warm-up';
import { STARTER_PACK } from '../../../lib/entities/pack';
import type { Entity } from '../../../lib/entities/types';
import { createKbMatcher } from '../../../lib/matcher';
import { warmUp } from '../../../services/knowledge-base';

const entities: Entity[] = STARTER_PACK.map(({ id, name, type, aliases }) => ({ id, name, type, aliases }));
const byId = new Map(entities.map((e) => [e.id, e]));
const matcher = combineMatchers(createKbMatcher(entities), createKbMatcher([]));

test('the warm-up text is news prose naming entities from across the knowledge base', () => {
  const blocks = warmUpBlocks(entities);
  expect(blocks).toHaveLength(24);
  const spans = knownSpans(blocks, matcher, byId);
  // The matching path runs as on an article: most names in it are found.
  expect(spans.length).toBeGreaterThanOrEqual(blocks.length * 2);
  const named = new Set(spans.map((s) => s.entityId));
  // Spread over the pack, not its first entries: every type it holds is matched.
  expect(new Set([...named].map((id) => byId.get(id)!.type))).toEqual(new Set(entities.map((e) => e.type)));
  expect(warmUpBlocks([])).toEqual([]);
});

test('the background warms up on the loaded knowledge base and finds the names it wrote', async () => {
  const found = await warmUp({ matcher, entities: byId });
  expect(found).toBeGreaterThanOrEqual(24 * 2);
});

test('every round of the warm-up is text of its own, so the block memos miss and the matcher’s code runs', async () => {
  const asked: string[] = [];
  const spy = { match: (blocks: readonly string[]) => (asked.push(...blocks), matcher.match(blocks)) };
  await warmUp({ matcher: spy, entities: byId });
  const rounds = asked.length / 24;
  expect(rounds).toBeGreaterThanOrEqual(30);
  expect(new Set(asked).size).toBe(asked.length);
});
