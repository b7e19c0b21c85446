/**
 * Reads STIX 2.1 bundles (https://docs.oasis-open.org/cti/stix/v2.1/stix-v2.1.html), the format of
 * threat-intelligence feeds such as MITRE ATT&CK: identities, threat actors, intrusion sets and
 * locations become entities; indicators, malware, relationships and the rest are skipped and counted.
 */
import type { EntitySource, EntityType } from '../entities/types';
import type { RecordOutcome, RecordStream } from './collector';
import { toCountryCode, truncateText } from './clean-text';
import { buildEntity } from './entity-draft';
import { createIssue, fail, quoteValue, type IssueLocation } from './import-error';
import { FOREIGN_DESCRIPTION_LENGTH } from './limits';

type StixObject = Record<string, unknown>;
/** A bad field and what is wrong with it. */
type Problem = [field: string, text: string];

/** identity_class vocabulary (STIX 2.1 §10.7) → entity type; absent or other classes read as organization. */
const IDENTITY_CLASSES = new Map<string, EntityType>([
  ['individual', 'person'],
  ['organization', 'organization'],
  ['group', 'group'],
  ['class', 'group'],
]);

/** True when a parsed value is a STIX bundle. */
export function isStixBundle(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as StixObject).type === 'bundle';
}

function typeOf(object: StixObject): EntityType | undefined {
  switch (object.type) {
    case 'identity':
      return IDENTITY_CLASSES.get(String(object.identity_class)) ?? 'organization';
    case 'threat-actor':
    case 'intrusion-set':
      return 'group';
    case 'location':
      return 'place';
    default:
      return undefined;
  }
}

function stringsOf(object: StixObject, key: string, problems: Problem[]): string[] {
  const value = object[key];
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  problems.push([key, 'expected an array of strings']);
  return [];
}

function stringOf(object: StixObject, key: string, problems: Problem[]): string | undefined {
  const value = object[key];
  if (value === undefined || typeof value === 'string') return value;
  problems.push([key, 'expected a string']);
  return undefined;
}

function readObject(object: StixObject, type: EntityType, location: IssueLocation, source: EntitySource): RecordOutcome {
  const problems: Problem[] = [];
  const text = (key: string) => stringOf(object, key, problems);
  const country = text('country');
  const name = text('name') ?? text('city') ?? text('region') ?? country ?? '';
  const description = text('description');
  const draft = {
    id: typeof object.id === 'string' ? `stix:${object.id}` : undefined,
    name,
    type,
    aliases: [...stringsOf(object, 'aliases', problems), ...stringsOf(object, 'x_mitre_aliases', problems)],
    description: description === undefined ? undefined : truncateText(description, FOREIGN_DESCRIPTION_LENGTH),
    country: country === undefined ? undefined : toCountryCode(country),
    tags: stringsOf(object, 'labels', problems),
  };
  const issues = problems.map(([field, problem]) => createIssue({ ...location, path: `${location.path}.${field}` }, problem));
  if (issues.length) return { kind: 'invalid', issues };
  const built = buildEntity(draft, location, source);
  return built.entity ? { kind: 'entity', entity: built.entity, location } : { kind: 'invalid', issues: built.issues };
}

function readItem(item: unknown, index: number, source: EntitySource): RecordOutcome {
  const path = `objects[${index}]`;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { kind: 'invalid', issues: [createIssue({ path }, 'expected a STIX object')] };
  }
  const object = item as StixObject;
  const type = typeOf(object);
  if (!type || object.revoked === true || object.x_mitre_deprecated === true) return { kind: 'skip' };
  const record = typeof object.id === 'string' ? object.id : undefined;
  return readObject(object, type, { path, record }, source);
}

/**
 * Reads a parsed STIX bundle.
 * @example
 * readStix({ type: 'bundle', id: 'bundle--1', objects: [] }, source).total // 0
 */
export function readStix(value: unknown, source: EntitySource): RecordStream {
  if (!isStixBundle(value)) {
    const type = typeof value === 'object' && value !== null ? (value as StixObject).type : undefined;
    fail({}, `Not a STIX bundle: "type" is ${type === undefined ? 'missing' : quoteValue(type, 40)}`);
  }
  const objects: unknown = (value as StixObject).objects ?? [];
  if (!Array.isArray(objects)) return fail({ path: 'objects' }, 'expected an array of STIX objects');
  const items: unknown[] = objects;
  function* outcomes(): Generator<RecordOutcome> {
    for (let index = 0; index < items.length; index++) yield readItem(items[index], index, source);
  }
  return { total: items.length, outcomes: outcomes() };
}
