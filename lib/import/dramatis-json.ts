/**
 * The project's own file: `{ "format": "dramatis-entities", "version": 1, "entities": [...] }`.
 * It is the backup format, so it keeps everything (ids, source, flags) and export → import gives
 * back the same entities. Readers still check every field: a backup can be edited by hand.
 */
import type { Entity, EntitySource } from '../entities/types';
import type { RecordOutcome, RecordStream } from './collector';
import { fail } from './import-error';
import { readEntityObject } from './dramatis-entity';

/** The `format` field that marks the file. */
export const DRAMATIS_FORMAT = 'dramatis-entities';
/** The version written; files with a higher one are refused. */
export const DRAMATIS_VERSION = 1;

const KEY_ORDER = [
  'id',
  'name',
  'type',
  'aliases',
  'description',
  'country',
  'role',
  'tags',
  'qid',
  'source',
  'hidden',
  'pinned',
] as const;

/** Only the `Entity` fields, in a fixed order: a stored row's bookkeeping (updatedAt...) stays home. */
function exportedEntity(entity: Entity): Entity {
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (entity[key] !== undefined) out[key] = entity[key];
  return out as unknown as Entity;
}

/**
 * Serializes entities as the project's JSON, pretty-printed and sorted by id.
 * @example
 * JSON.parse(exportJson(entities)).format // 'dramatis-entities'
 */
export function exportJson(entities: readonly Entity[]): string {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const file = { format: DRAMATIS_FORMAT, version: DRAMATIS_VERSION, entities: sorted.map(exportedEntity) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** True when a parsed JSON value is a Dramatis export (of any version). */
export function isDramatisFile(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === DRAMATIS_FORMAT;
}

function checkEnvelope(value: unknown): unknown[] {
  if (!isDramatisFile(value)) fail({ path: 'format' }, `not a Dramatis export: "format" is not "${DRAMATIS_FORMAT}"`);
  const { version, entities } = value as { version?: unknown; entities?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    fail({ path: 'version' }, 'expected a whole number');
  }
  if (version > DRAMATIS_VERSION) {
    fail({ path: 'version' }, `written by a newer Dramatis (version ${version}); this one reads version ${DRAMATIS_VERSION}`);
  }
  if (!Array.isArray(entities)) fail({ path: 'entities' }, 'expected an array of entities');
  return entities;
}

/**
 * Reads a parsed Dramatis export. Entities keep their own `source`; `fallback` is used where none is given.
 */
export function readDramatisJson(value: unknown, fallback?: EntitySource): RecordStream {
  const items = checkEnvelope(value);
  function* outcomes(): Generator<RecordOutcome> {
    for (let index = 0; index < items.length; index++) {
      yield readEntityObject(items[index], `entities[${index}]`, fallback);
    }
  }
  return { total: items.length, outcomes: outcomes() };
}
