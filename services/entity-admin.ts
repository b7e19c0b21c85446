/**
 * The dashboard's knowledge-base operations, answered by the background: query, edit, hide,
 * merge, import and export. Each write reloads the matcher so the next page sees the change.
 */
import { queryEntities } from '../lib/entities/query';
import type { EntityRepo } from '../lib/entities/repo';
import type { SettingsRepo } from '../lib/store/settings';
import type { Entity } from '../lib/entities/types';
import type { EntityQuery } from '../lib/messaging/protocol';
import type { StoredEntity } from '../lib/store/db';
import type { Handlers } from './messaging';
import type { KnowledgeBase } from './knowledge-base';

/** The model without the store's bookkeeping, as exports and the views want it. */
function toEntity({ sourceKind: _s, edited: _e, updatedAt: _u, ...entity }: StoredEntity): Entity {
  return entity;
}

export function createEntityAdmin(repo: EntityRepo, knowledgeBase: KnowledgeBase, settings: SettingsRepo): Handlers {
  async function changed<T>(result: T): Promise<T> {
    await knowledgeBase.reload();
    return result;
  }

  return {
    'bg:entities-query': async (query: EntityQuery) => {
      await knowledgeBase.current(); // the pack is installed before the first query
      return queryEntities(await repo.all(), query);
    },
    'bg:entity-save': async ({ entity }) => {
      const existing = await repo.get(entity.id);
      await repo.put({ ...entity, source: existing?.source ?? entity.source ?? { kind: 'user' } });
      return changed({ ok: true as const });
    },
    'bg:entity-hide': async ({ id, hidden }) => {
      const existing = await repo.get(id);
      if (!existing) throw new Error(`No entity ${id}`);
      await repo.put({ ...toEntity(existing), hidden });
      return changed({ ok: true as const });
    },
    'bg:entities-merge': async ({ keepId, mergeId }) => changed({ entity: toEntity(await repo.merge(keepId, mergeId)) }),
    'bg:entities-import': async ({ entities, mode }) => changed({ total: await repo.importEntities(entities, mode) }),
    'bg:entities-export': async () => ({ entities: (await repo.all()).map(toEntity) }),
    'bg:entity-get': async ({ id }) => {
      const stored = await repo.get(id);
      return { entity: stored ? toEntity(stored) : null };
    },
    'bg:entity-promote': async ({ id, name, type }) => {
      const stored = await repo.get(id);
      const entity: Entity = stored ? toEntity(stored) : { id, name, type, aliases: [] };
      const promoted = { ...entity, source: { kind: 'user' as const } };
      await repo.put(promoted);
      return changed({ entity: promoted });
    },
    'bg:entity-reject': async ({ id, name }) => {
      if (await repo.get(id)) await repo.reject(id);
      else await repo.rejectName(name);
      return changed({ ok: true as const });
    },
    'bg:topics-get': async () => ({ topics: await settings.customTopics() }),
    'bg:topics-save': async ({ topics }) => {
      await settings.saveCustomTopics(topics);
      return { ok: true as const };
    },
  };
}
