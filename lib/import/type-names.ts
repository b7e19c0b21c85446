/**
 * Entity type names as other tools spell them: NER tag sets (CoNLL PER/ORG/LOC, OntoNotes GPE,
 * NORP, FAC) and plain words in either English spelling, case-insensitive.
 */
import { ENTITY_TYPES, type EntityType } from '../entities/types';

const SYNONYMS = new Map<string, EntityType>(
  Object.entries({
    person: 'person',
    per: 'person',
    persons: 'person',
    people: 'person',
    individual: 'person',
    human: 'person',
    organization: 'organization',
    organisation: 'organization',
    org: 'organization',
    company: 'organization',
    institution: 'organization',
    place: 'place',
    loc: 'place',
    location: 'place',
    gpe: 'place',
    fac: 'place',
    facility: 'place',
    country: 'place',
    city: 'place',
    group: 'group',
    norp: 'group',
    faction: 'group',
    movement: 'group',
    event: 'event',
    evt: 'event',
  } satisfies Record<string, EntityType>),
);

/**
 * Reads a type value, or undefined when it names no Dramatis type.
 * @example
 * parseEntityType(' GPE ') // 'place'
 */
export function parseEntityType(value: string): EntityType | undefined {
  // A Map, not an object lookup: "constructor" must not read Object.prototype.
  return SYNONYMS.get(value.trim().toLowerCase());
}

/** The problem text for a type that could not be read. */
export function badTypeMessage(field: string, value: string): string {
  return `"${field}" must be one of ${ENTITY_TYPES.join(', ')} (got "${value.slice(0, 60)}")`;
}
