/**
 * The shapes of an import's outcome and of its refusal. A refusal names the place of every
 * problem (line, JSON path, record) so the reader can fix the file and try again.
 */
import type { Entity } from '../entities/types';
import { clipText } from './clean-text';

/** The file formats Dramatis reads. */
export type ImportFormat = 'csv' | 'dramatis-json' | 'ftm' | 'stix';

/** Where in the file a problem sits; any subset may be known. Lines and columns count from 1. */
export interface IssueLocation {
  line?: number;
  column?: number;
  /** A JSON path such as `entities[2].aliases`. */
  path?: string;
  /** The record's own id or name, when it has one. */
  record?: string;
}

/** One problem, with its place already written into `message`. */
export interface ImportIssue {
  message: string;
  location: IssueLocation;
}

/** What an import gives back: nothing is returned unless the whole file was read. */
export interface ImportResult {
  entities: Entity[];
  /** Records of kinds Dramatis does not keep (FtM Sanction, STIX malware...): not errors. */
  skipped: number;
  /** Things fixed or dropped on the way (an unreadable country code...), capped at `MAX_REPORTED_ISSUES`. */
  warnings: ImportIssue[];
}

/** Writes a location as the prefix a reader sees: `Line 14`, `entities[2].aliases`, `objects[3] (identity--…)`. */
export function formatLocation(location: IssueLocation): string {
  const parts: string[] = [];
  if (location.line !== undefined) {
    parts.push(location.column !== undefined ? `Line ${location.line}, column ${location.column}` : `Line ${location.line}`);
  }
  if (location.path !== undefined) parts.push(location.path);
  const where = parts.join(', ');
  if (location.record === undefined) return where;
  const record = `"${location.record.slice(0, 80)}"`;
  return where ? `${where} (${record})` : `Record ${record}`;
}

/**
 * Makes an issue whose message starts with its place.
 * @example
 * createIssue({ line: 3 }, 'unterminated quoted field').message // 'Line 3: unterminated quoted field'
 */
export function createIssue(location: IssueLocation, problem: string): ImportIssue {
  const where = formatLocation(location);
  return { message: where ? `${where}: ${problem}` : problem, location };
}

/** A refused import. `issues` lists every problem found (up to the cap); `location` is the first one's. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly location: IssueLocation;
  readonly issues: ImportIssue[];
  /** How many problems were found in all, including those past the cap. */
  readonly issueCount: number;

  constructor(issues: ImportIssue[], issueCount = issues.length) {
    super(summarize(issues, issueCount));
    this.issues = issues;
    this.issueCount = issueCount;
    this.location = issues[0]?.location ?? {};
  }
}

function summarize(issues: ImportIssue[], count: number): string {
  const first = issues[0]?.message ?? 'The file could not be read';
  return count > 1 ? `${first} (and ${count - 1} more problem${count > 2 ? 's' : ''})` : first;
}

/**
 * A value from the file as a message quotes it: a string quoted and clipped to `max` units (never
 * half an emoji), a number or literal as written, a list or an object only named. Never the whole
 * value serialized: a hostile file nests arrays 100,000 deep, which overflows `JSON.stringify`.
 * @example
 * quoteValue('planet') // '"planet"'
 * quoteValue([[[]]])   // 'an array'
 */
export function quoteValue(value: unknown, max = 60): string {
  if (typeof value === 'string') return JSON.stringify(clipText(value, max));
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/** Refuses the file with one problem at one place. */
export function fail(location: IssueLocation, problem: string): never {
  throw new ImportError([createIssue(location, problem)]);
}

/** True for the error `importEntities` throws when its signal aborts. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
