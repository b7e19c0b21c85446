/**
 * Folds two records of the same entity into one: a file that lists a person twice, or an import
 * that meets an entity already in the knowledge base. Names are never lost: a second spelling
 * of the canonical name becomes an alias.
 */
import type { Entity } from '../entities/types';
import { cleanNames } from './clean-text';

const FIELDS = ['description', 'country', 'role', 'qid', 'source', 'hidden', 'pinned'] as const;

/**
 * `primary`'s id, name and non-empty fields, filled from `secondary`; aliases and tags unioned.
 * @example
 * combineEntities({ ...a, aliases: ['A'] }, { ...a, name: 'Ay', aliases: ['B'] }).aliases // ['A', 'Ay', 'B']
 */
export function combineEntities(primary: Entity, secondary: Entity): Entity {
  const combined: Entity = {
    ...primary,
    aliases: cleanNames([...primary.aliases, secondary.name, ...secondary.aliases], primary.name),
  };
  for (const field of FIELDS) {
    if (combined[field] === undefined && secondary[field] !== undefined) {
      Object.assign(combined, { [field]: secondary[field] });
    }
  }
  const tags = cleanNames([...(primary.tags ?? []), ...(secondary.tags ?? [])]);
  if (tags.length) combined.tags = tags;
  return combined;
}
