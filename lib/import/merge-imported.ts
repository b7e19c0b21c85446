/**
 * Applies an import to the knowledge base, as a pure function the background runs inside one
 * transaction. Merging never duplicates: an incoming entity meets an existing one by id, or by
 * type and folded canonical name, so importing the same list twice changes nothing.
 */
import type { Entity } from '../entities/types';
import { combineEntities } from './combine-entities';
import { nameKey } from './entity-id';

/** `merge` folds the file into the knowledge base; `replace` makes the file the whole knowledge base. */
export type MergeMode = 'merge' | 'replace';

const keyOf = (entity: Entity) => `${entity.type}\u0000${nameKey(entity.name)}`;

/**
 * An existing entity updated by an incoming one: incoming names and non-empty fields win, the
 * existing id, source, reader flags (hidden, pinned) and store bookkeeping stay.
 */
function updated<T extends Entity>(existing: T, incoming: Entity): T {
  const combined = combineEntities(incoming, existing);
  return {
    ...existing,
    ...combined,
    id: existing.id,
    source: existing.source ?? incoming.source,
    hidden: existing.hidden ?? incoming.hidden,
    pinned: existing.pinned ?? incoming.pinned,
  };
}

function dropUndefined<T extends object>(entity: T): T {
  for (const key of Object.keys(entity) as (keyof T)[]) if (entity[key] === undefined) delete entity[key];
  return entity;
}

/**
 * The entity list after an import; existing rows may carry store fields, which are kept.
 * @example
 * mergeImported(existing, parseEntities(csv).entities, 'merge')
 */
export function mergeImported<T extends Entity>(
  existing: readonly T[],
  incoming: readonly Entity[],
  mode: MergeMode,
): (T | Entity)[] {
  if (mode === 'replace') return [...incoming];
  const result: (T | Entity)[] = [...existing];
  const byId = new Map(result.map((entity, index) => [entity.id, index]));
  const byName = new Map<string, number>();
  result.forEach((entity, index) => {
    if (!byName.has(keyOf(entity))) byName.set(keyOf(entity), index);
  });
  for (const entity of incoming) {
    const index = byId.get(entity.id) ?? byName.get(keyOf(entity));
    if (index === undefined) {
      byId.set(entity.id, result.length);
      byName.set(keyOf(entity), result.length);
      result.push(entity);
    } else {
      result[index] = dropUndefined(updated(result[index]!, entity));
    }
  }
  return result;
}
