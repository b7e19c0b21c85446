/**
 * Checks one entity object of a Dramatis export field by field, naming each bad field by its JSON
 * path (`entities[2].aliases: expected an array of strings`). Valid stored entities pass unchanged.
 */
import { ENTITY_TYPES, isEntityType, type Entity, type EntitySource } from '../entities/types';
import type { RecordOutcome } from './collector';
import { cleanName, cleanNames, cleanText } from './clean-text';
import { checkLimits } from './entity-draft';
import { createIssue, quoteValue, type ImportIssue } from './import-error';
import { MAX_DESCRIPTION_LENGTH } from './limits';

type Fields = Record<string, unknown>;

const SOURCE_KINDS = ['pack', 'user', 'import', 'discovered'];

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function readSource(value: unknown): EntitySource | string {
  const source = value as Fields | null;
  if (typeof source !== 'object' || source === null || !SOURCE_KINDS.includes(source.kind as string)) {
    return `expected { "kind": ${SOURCE_KINDS.map((k) => `"${k}"`).join(' | ')} }`;
  }
  if (source.kind === 'import')
    return typeof source.name === 'string' ? { kind: 'import', name: cleanText(source.name) } : '"name" must be a string';
  if (source.kind === 'pack') {
    if (source.ref === undefined) return { kind: 'pack' };
    return typeof source.ref === 'string' ? { kind: 'pack', ref: source.ref } : '"ref" must be a string';
  }
  return { kind: source.kind as 'user' | 'discovered' };
}

/** Each field's check: an error text, or the cleaned value to keep (undefined: leave out). */
const CHECKS: Record<string, (value: unknown) => { error: string } | { value: unknown }> = {
  aliases: (v) => (isStringArray(v) ? { value: v } : { error: 'expected an array of strings' }),
  description: (v) =>
    typeof v !== 'string'
      ? { error: 'expected a string' }
      : v.length > MAX_DESCRIPTION_LENGTH
        ? { error: `longer than ${MAX_DESCRIPTION_LENGTH} characters` }
        : { value: cleanText(v) || undefined },
  country: (v) =>
    typeof v === 'string' && /^[A-Za-z]{2}$/.test(v)
      ? { value: v.toUpperCase() }
      : { error: 'expected an ISO 3166-1 alpha-2 code like "IR"' },
  role: (v) => (typeof v === 'string' ? { value: cleanText(v) || undefined } : { error: 'expected a string' }),
  tags: (v) => (isStringArray(v) ? { value: cleanNames(v) } : { error: 'expected an array of strings' }),
  qid: (v) => (typeof v === 'string' && /^Q[1-9]\d*$/.test(v) ? { value: v } : { error: 'expected a Wikidata id like "Q794"' }),
  source: (v) => {
    const source = readSource(v);
    return typeof source === 'string' ? { error: source } : { value: source };
  },
  hidden: (v) => (typeof v === 'boolean' ? { value: v } : { error: 'expected true or false' }),
  pinned: (v) => (typeof v === 'boolean' ? { value: v } : { error: 'expected true or false' }),
};

function readCore(fields: Fields, path: string, issues: ImportIssue[], record: string | undefined): Entity {
  const at = (field: string) => ({ path: `${path}.${field}`, record });
  const id = typeof fields.id === 'string' ? cleanName(fields.id) : '';
  if (!id) issues.push(createIssue(at('id'), 'expected a non-empty string'));
  const name = typeof fields.name === 'string' ? cleanName(fields.name) : '';
  if (!name) issues.push(createIssue(at('name'), 'expected a non-empty string'));
  if (!isEntityType(fields.type))
    issues.push(createIssue(at('type'), `must be one of ${ENTITY_TYPES.join(', ')} (got ${quoteValue(fields.type)})`));
  return { id, name, type: isEntityType(fields.type) ? fields.type : 'person', aliases: [] };
}

/** Checks `value` found at `path`; yields the entity or every problem with it. */
export function readEntityObject(value: unknown, path: string, fallback?: EntitySource): RecordOutcome {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'invalid', issues: [createIssue({ path }, 'expected an entity object')] };
  }
  const fields = value as Fields;
  const record = typeof fields.id === 'string' ? fields.id.slice(0, 80) : undefined;
  const issues: ImportIssue[] = [];
  const entity = readCore(fields, path, issues, record);
  for (const [field, check] of Object.entries(CHECKS)) {
    if (fields[field] === undefined) continue;
    const result = check(fields[field]);
    if ('error' in result) issues.push(createIssue({ path: `${path}.${field}`, record }, result.error));
    else if (result.value !== undefined) Object.assign(entity, { [field]: result.value });
  }
  entity.aliases = cleanNames(entity.aliases, entity.name);
  if (entity.tags?.length === 0) delete entity.tags;
  if (!entity.source && fallback) entity.source = fallback;
  issues.push(...checkLimits(entity, { path, record }));
  return issues.length ? { kind: 'invalid', issues } : { kind: 'entity', entity, location: { path, record } };
}
