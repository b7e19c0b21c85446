/** Entity model shared by the background, the matcher and the views. */

export const ENTITY_TYPES = ['person', 'organization', 'place', 'group', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  /** Other names the entity goes by, in any script; the canonical name is matched too. */
  aliases: string[];
  description?: string;
}

/** A mention of an entity inside one text block: `[start, end)` in UTF-16 code units. */
export interface Span {
  block: number;
  start: number;
  end: number;
  entityId: string;
}

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}
