/**
 * A knowledge base for background tests: `base` compiled once into the matcher, and every load
 * reading the repository's entities (learned, imported) beside it, as the real loader does.
 */
import type { Entity } from '../../lib/entities/types';
import type { EntityRepo } from '../../lib/entities/repo';
import { createKbMatcher } from '../../lib/matcher';
import type { KnowledgeBase, LoadedKnowledgeBase } from '../../services/knowledge-base';

export function fakeKnowledgeBase(base: Entity[], repo: EntityRepo): KnowledgeBase {
  const matcher = createKbMatcher(base);
  const load = async () =>
    ({
      matcher,
      entities: new Map([...base, ...(await repo.all())].map((e) => [e.id, e])),
      isSuppressed: () => false,
      stats: { from: 'compiled', readyMs: 0, entities: base.length },
    }) as LoadedKnowledgeBase;
  return { current: load, reload: load, reloadLearned: load };
}
