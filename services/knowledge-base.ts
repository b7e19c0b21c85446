/**
 * The knowledge base as the background uses it: the pack installed in IndexedDB, and the
 * compiled matcher, loaded from its cache when the entities have not changed since it was built,
 * so a service worker the browser restarted is ready without recompiling. Edits reload it.
 */
import { STARTER_PACK, packVersion } from '../lib/entities/pack';
import type { EntityRepo } from '../lib/entities/repo';
import type { Entity } from '../lib/entities/types';
import { aliasesOf, compileMatcher, createKbMatcher, deserializeMatcher, serializeMatcher } from '../lib/matcher';
import type { CandidateMatcher } from '../lib/analysis/analyze-article';

export interface LoadedKnowledgeBase {
  matcher: CandidateMatcher;
  entities: ReadonlyMap<string, Entity>;
  /** How the matcher was obtained and how long being ready took, for the bench and the logs. */
  stats: { from: 'cache' | 'compiled'; readyMs: number; entities: number };
}

export interface KnowledgeBase {
  current(): Promise<LoadedKnowledgeBase>;
  /** Rebuilds after the entities changed; analyses wait for the new one. */
  reload(): Promise<LoadedKnowledgeBase>;
}

async function compiledFor(repo: EntityRepo, visible: Entity[]) {
  const revision = await repo.revision();
  const cache = await repo.readMatcherCache();
  if (cache?.revision === revision) return { compiled: deserializeMatcher(cache.buffer), from: 'cache' as const };
  const compiled = compileMatcher(aliasesOf(visible));
  await repo.writeMatcherCache({ revision, buffer: serializeMatcher(compiled) });
  return { compiled, from: 'compiled' as const };
}

/** Loads (installing or upgrading the pack first) the knowledge base from `repo`. */
export async function loadKnowledgeBase(repo: EntityRepo): Promise<LoadedKnowledgeBase> {
  const started = performance.now();
  await repo.installPack(STARTER_PACK, packVersion());
  const visible = (await repo.all()).filter((e) => !e.hidden);
  const { compiled, from } = await compiledFor(repo, visible);
  return {
    matcher: createKbMatcher(compiled),
    entities: new Map(visible.map((e) => [e.id, e])),
    stats: { from, readyMs: performance.now() - started, entities: visible.length },
  };
}

export function createKnowledgeBase(repo: EntityRepo): KnowledgeBase {
  let loading = loadKnowledgeBase(repo);
  return {
    current: () => loading,
    reload() {
      loading = loadKnowledgeBase(repo);
      return loading;
    },
  };
}
