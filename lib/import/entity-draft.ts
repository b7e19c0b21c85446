/**
 * Turns the fields a reader pulled out of one record into a clean `Entity`, or into the problems
 * that keep it out. Every format goes through here, so the limits and cleaning rules hold for all.
 */
import type { Entity, EntitySource } from '../entities/types';
import { cleanName, cleanNames, cleanText } from './clean-text';
import { deriveEntityId } from './entity-id';
import { createIssue, type ImportIssue, type IssueLocation } from './import-error';
import { MAX_ALIASES, MAX_NAME_LENGTH } from './limits';

/** Raw fields of one record; strings are cleaned here, not by the reader. */
export type EntityDraft = Omit<Entity, 'id' | 'source' | 'hidden' | 'pinned'> & { id?: string };

/** One record's outcome: an entity, or the problems that refuse it. */
export interface DraftOutcome {
  entity?: Entity;
  issues: ImportIssue[];
}

/** Problems with the names of an entity: too long, too many. */
export function checkNameLimits(entity: Pick<Entity, 'name' | 'aliases'>, location: IssueLocation): ImportIssue[] {
  const issues: ImportIssue[] = [];
  if (entity.name.length > MAX_NAME_LENGTH) {
    issues.push(createIssue(location, `name is ${entity.name.length} characters long (at most ${MAX_NAME_LENGTH})`));
  }
  const long = entity.aliases.find((alias) => alias.length > MAX_NAME_LENGTH);
  if (long !== undefined) {
    issues.push(createIssue(location, `an alias is ${long.length} characters long (at most ${MAX_NAME_LENGTH})`));
  }
  if (entity.aliases.length > MAX_ALIASES) {
    issues.push(createIssue(location, `${entity.aliases.length} aliases (at most ${MAX_ALIASES})`));
  }
  return issues;
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
  const issues = checkNameLimits(entity, location);
  return issues.length ? { issues } : { entity, issues };
}
