/**
 * Reads FollowTheMoney entities as OpenSanctions publishes them: JSON lines, one entity per line,
 * every property a list of strings (https://followthemoney.tech/explorer/). People and
 * organizations become entities; relationship and paperwork schemas (Sanction, Ownership,
 * Address...) are skipped and counted.
 */
import type { EntitySource, EntityType } from '../entities/types';
import type { RecordOutcome, RecordStream } from './collector';
import { toCountryCode, toQid, truncateText } from './clean-text';
import { buildEntity } from './entity-draft';
import { createIssue, ImportError, type IssueLocation } from './import-error';
import { parseJson } from './json-text';
import { FOREIGN_DESCRIPTION_LENGTH } from './limits';

const SCHEMA_TYPES = new Map<string, EntityType>([
  ['Person', 'person'],
  ['Organization', 'organization'],
  ['Company', 'organization'],
  ['PublicBody', 'organization'],
  ['LegalEntity', 'organization'],
]);

const COUNTRY_PROPERTIES = ['country', 'nationality', 'citizenship', 'jurisdiction'];

type Properties = Record<string, unknown>;

/** A property's values; a present property that is not a list of strings is a problem. */
function valuesOf(properties: Properties, key: string, problems: string[]): string[] {
  const value = properties[key];
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  problems.push(`properties.${key}: expected an array of strings`);
  return [];
}

interface FtmObject {
  id?: unknown;
  schema?: unknown;
  caption?: unknown;
  properties?: unknown;
}

/** True when a parsed value looks like one FtM entity. */
export function isFtmObject(value: unknown): boolean {
  const object = value as FtmObject | null;
  return (
    typeof object === 'object' && object !== null && typeof object.schema === 'string' && typeof object.properties === 'object'
  );
}

function firstCountry(properties: Properties, problems: string[]): { code?: string; rejected?: string } {
  const values = COUNTRY_PROPERTIES.flatMap((key) => valuesOf(properties, key, problems));
  const code = values.map(toCountryCode).find((c) => c !== undefined);
  return { code, rejected: code ? undefined : values[0] };
}

function readEntity(object: FtmObject, type: EntityType, location: IssueLocation, source: EntitySource): RecordOutcome[] {
  const problems: string[] = [];
  const props = (typeof object.properties === 'object' && object.properties !== null ? object.properties : {}) as Properties;
  const values = (key: string) => valuesOf(props, key, problems);
  const caption = typeof object.caption === 'string' ? [object.caption] : [];
  // The caption is OpenSanctions' display name ("Maria Osetrova", where name[0] may be "OSETROVA, Maria").
  const names = [...caption, ...values('name')];
  const country = firstCountry(props, problems);
  const notes = [...values('description'), ...values('summary'), ...values('notes')];
  const position = values('position')[0];
  const draft = {
    id: typeof object.id === 'string' && object.id.trim() ? `ftm:${object.id.trim()}` : undefined,
    name: names[0] ?? '',
    type,
    aliases: [...names.slice(1), ...values('alias'), ...values('weakAlias'), ...values('previousName')],
    description: notes[0] === undefined ? undefined : truncateText(notes[0], FOREIGN_DESCRIPTION_LENGTH),
    country: country.code,
    role: position === undefined ? undefined : truncateText(position, FOREIGN_DESCRIPTION_LENGTH),
    tags: values('topics'),
    qid: values('wikidataId')
      .map(toQid)
      .find((q) => q !== undefined),
  };
  if (problems.length) return [{ kind: 'invalid', issues: problems.map((p) => createIssue(location, p)) }];
  const built = buildEntity(draft, location, source);
  if (!built.entity) return [{ kind: 'invalid', issues: built.issues }];
  const outcomes: RecordOutcome[] = [{ kind: 'entity', entity: built.entity, location }];
  if (country.rejected !== undefined) {
    outcomes.push({
      kind: 'warning',
      issue: createIssue(location, `country "${country.rejected.slice(0, 20)}" is not a two-letter code; left out`),
    });
  }
  return outcomes;
}

function readLine(line: string, lineNumber: number, source: EntitySource): RecordOutcome[] {
  let value: unknown;
  try {
    value = parseJson(line, lineNumber - 1);
  } catch (error) {
    if (error instanceof ImportError) return [{ kind: 'invalid', issues: error.issues }];
    throw error;
  }
  const object = value as FtmObject;
  const location = { line: lineNumber, record: typeof object?.id === 'string' ? object.id : undefined };
  if (!isFtmObject(value)) {
    return [
      { kind: 'invalid', issues: [createIssue(location, 'not a FollowTheMoney entity (expected "schema" and "properties")')] },
    ];
  }
  const type = SCHEMA_TYPES.get(object.schema as string);
  return type ? readEntity(object, type, location, source) : [{ kind: 'skip' }];
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines : lines + 1;
}

/**
 * Reads FtM JSON lines; each line is checked on its own, so a truncated last line is named.
 * @example
 * readFtm('{"id":"x","schema":"Person","properties":{"name":["Ali"]}}', source).total // 1
 */
export function readFtm(text: string, source: EntitySource): RecordStream {
  function* outcomes(): Generator<RecordOutcome> {
    let lineNumber = 0;
    for (let start = 0; start < text.length;) {
      const newline = text.indexOf('\n', start);
      const end = newline < 0 ? text.length : newline;
      const line = text.slice(start, end);
      lineNumber++;
      start = end + 1;
      if (line.trim()) yield* readLine(line, lineNumber, source);
    }
  }
  return { total: countLines(text), outcomes: outcomes() };
}
