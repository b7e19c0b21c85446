/** Entity model shared by the background, the matcher and the views. */

export const ENTITY_TYPES = ['person', 'organization', 'place', 'group', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Where an entity came from. */
export type EntitySource =
  { kind: 'pack'; ref?: string } | { kind: 'user' } | { kind: 'import'; name: string } | { kind: 'discovered' };

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  /** Other names the entity goes by, in any script; the canonical name is matched too. */
  aliases: string[];
  description?: string;
  /** ISO 3166-1 alpha-2 code. */
  country?: string;
  role?: string;
  tags?: string[];
  /** Wikidata item id ("Q794"). */
  qid?: string;
  source?: EntitySource;
  /** The reader hid it everywhere. */
  hidden?: boolean;
  /** The reader watches it. */
  pinned?: boolean;
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
