/**
 * Turns the fields a reader pulled out of one record into a clean `Entity`, or into the problems
 * that keep it out. Every format goes through here, so the limits and cleaning rules hold for all.
 */
import type { Entity, EntitySource } from '../entities/types';
import { cleanName, cleanNames, cleanText } from './clean-text';
import { deriveEntityId } from './entity-id';
import { createIssue, type ImportIssue, type IssueLocation } from './import-error';
import { MAX_ALIASES, MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH, MAX_TAGS } from './limits';

/** Raw fields of one record; strings are cleaned here, not by the reader. */
export type EntityDraft = Omit<Entity, 'id' | 'source' | 'hidden' | 'pinned'> & { id?: string };

/** One record's outcome: an entity, or the problems that refuse it. */
export interface DraftOutcome {
  entity?: Entity;
  issues: ImportIssue[];
}

function tooLong(what: string, value: string | undefined, max: number, location: IssueLocation): ImportIssue[] {
  return value !== undefined && value.length > max
    ? [createIssue(location, `${what} is ${value.length} characters long (at most ${max})`)]
    : [];
}

function tooMany(what: string, values: readonly string[] | undefined, max: number, location: IssueLocation): ImportIssue[] {
  return values !== undefined && values.length > max ? [createIssue(location, `${values.length} ${what} (at most ${max})`)] : [];
}

/**
 * Problems with the size of an entity: id, names and tags too long or too many, a role too long.
 * Checked again after records sharing an id are merged, since merging adds names and tags.
 */
export function checkLimits(entity: Entity, location: IssueLocation): ImportIssue[] {
  return [
    ...tooLong('id', entity.id, MAX_NAME_LENGTH, location),
    ...tooLong('name', entity.name, MAX_NAME_LENGTH, location),
    ...tooLong(
      'an alias',
      entity.aliases.find((alias) => alias.length > MAX_NAME_LENGTH),
      MAX_NAME_LENGTH,
      location,
    ),
    ...tooMany('aliases', entity.aliases, MAX_ALIASES, location),
    ...tooLong(
      'a tag',
      entity.tags?.find((tag) => tag.length > MAX_NAME_LENGTH),
      MAX_NAME_LENGTH,
      location,
    ),
    ...tooMany('tags', entity.tags, MAX_TAGS, location),
    ...tooLong('role', entity.role, MAX_DESCRIPTION_LENGTH, location),
  ];
}

function optionalText(value: string | undefined): string | undefined {
  const text = value === undefined ? '' : cleanText(value);
  return text || undefined;
}

/** Copies only the fields that hold something, in a fixed key order. */
function assemble(draft: EntityDraft, name: string, source: EntitySource): Entity {
  const entity: Entity = {
    id: cleanName(draft.id ?? '') || deriveEntityId(draft.type, name),
    name,
    type: draft.type,
    aliases: cleanNames(draft.aliases, name),
  };
  const description = optionalText(draft.description);
  if (description) entity.description = description;
  if (draft.country) entity.country = draft.country;
  const role = optionalText(draft.role);
  if (role) entity.role = role;
  const tags = cleanNames(draft.tags ?? []);
  if (tags.length) entity.tags = tags;
  if (draft.qid) entity.qid = draft.qid;
  entity.source = source;
  return entity;
}

/**
 * Cleans and checks one record's fields.
 * @example
 * buildEntity({ name: ' Ali\u0007 Khamenei ', type: 'person', aliases: [] }, { line: 2 }, source).entity?.name
 * // 'Ali Khamenei'
 */
export function buildEntity(draft: EntityDraft, location: IssueLocation, source: EntitySource): DraftOutcome {
  const name = cleanName(draft.name);
  if (!name) return { issues: [createIssue(location, 'the name is empty')] };
  const entity = assemble(draft, name, source);
  const issues = checkLimits(entity, location);
  return issues.length ? { issues } : { entity, issues };
}
