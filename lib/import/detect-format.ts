/**
 * Tells which importer a file needs, from its content first (a JSON `format` field, a STIX
 * bundle `type`, a first line holding an FtM entity, a CSV header with a `name` column) and its
 * file name only as a hint, so a mis-named file is still read and a foreign one is refused clearly.
 */
import { readCsvRows, detectDelimiter } from './csv-reader';
import { isDramatisFile } from './dramatis-json';
import { isFtmObject } from './ftm-import';
import { ImportError, type ImportFormat } from './import-error';
import { parseJson } from './json-text';
import { isStixBundle } from './stix-import';

/** What the content says: the format (or null and why), and the parsed JSON when it was parsed. */
export interface Sniffed {
  format: ImportFormat | null;
  reason?: string;
  json?: unknown;
  jsonError?: ImportError;
}

/** The refusal text for a file no importer reads. */
export const EXPECTED_FORMATS =
  'expected a CSV with "name" and "type" columns, a Dramatis JSON export, FollowTheMoney JSON lines (OpenSanctions) or a STIX 2.1 bundle';

function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  const odd = head.match(/[\u0000-\u0008\u000e-\u001a\ufffd]/g)?.length ?? 0;
  return head.includes('\u0000') || (odd > 8 && odd > head.length / 100);
}

/** A lone STIX object (a report, an indicator): read as STIX so the refusal says it is not a bundle. */
function isStixObject(value: unknown): boolean {
  const object = value as { type?: unknown; id?: unknown; spec_version?: unknown } | null;
  return (
    typeof object?.type === 'string' &&
    (typeof object.spec_version === 'string' || String(object.id).startsWith(`${object.type}--`))
  );
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline < 0 ? text : text.slice(0, newline);
}

function tryParse(text: string): { value?: unknown; error?: ImportError } {
  try {
    return { value: parseJson(text) };
  } catch (error) {
    if (error instanceof ImportError) return { error };
    throw error;
  }
}

/** Lines looked at for an FtM entity when the first is damaged (a truncated or hand-edited line 1). */
const FTM_SNIFF_LINES = 5;

function isFtmLine(line: string): boolean {
  const parsed = tryParse(line);
  return parsed.value !== undefined && isFtmObject(parsed.value);
}

function sniffJson(text: string): Sniffed {
  const head = firstLine(text.trimStart());
  const line = tryParse(head);
  if (line.value !== undefined && isFtmObject(line.value)) return { format: 'ftm' };
  const whole = head === text ? line : tryParse(text);
  if (whole.error) {
    // JSON lines with a bad first line are still FtM: the reader then names the bad line itself.
    if (text.trimStart().split('\n', FTM_SNIFF_LINES).slice(1).some(isFtmLine)) return { format: 'ftm' };
    const start = text.slice(0, 4096);
    if (start.includes('"dramatis-entities"')) return { format: 'dramatis-json', jsonError: whole.error };
    if (/"type"\s*:\s*"bundle"/.test(start)) return { format: 'stix', jsonError: whole.error };
    return { format: null, reason: 'it is not valid JSON', jsonError: whole.error };
  }
  if (isDramatisFile(whole.value)) return { format: 'dramatis-json', json: whole.value };
  if (isStixBundle(whole.value)) return { format: 'stix', json: whole.value };
  if (isFtmObject(whole.value)) return { format: 'ftm' };
  if (isStixObject(whole.value)) return { format: 'stix', json: whole.value };
  return {
    format: null,
    reason: 'it is JSON, but not a Dramatis export, a STIX bundle or FollowTheMoney entities',
    json: whole.value,
  };
}

function hasNameColumn(text: string): boolean {
  try {
    const header = readCsvRows(firstLine(text), detectDelimiter(text)).next().value;
    return header?.fields.some((f: string) => f.trim().toLowerCase() === 'name') ?? false;
  } catch {
    return false;
  }
}

/**
 * Sniffs a BOM-less text; `fileName` only decides between CSV and nothing.
 */
export function sniffFormat(fileName: string, text: string): Sniffed {
  const start = text.trimStart();
  if (!start) return { format: null, reason: 'the file is empty' };
  if (looksBinary(text))
    return { format: null, reason: 'it looks like a binary file, or text saved as UTF-16 (save it as UTF-8)' };
  if (start.startsWith('<')) return { format: null, reason: 'it looks like HTML or XML' };
  if (start.startsWith('{') || start.startsWith('[')) return sniffJson(text);
  if (hasNameColumn(start) || /\.(csv|tsv)$/i.test(fileName)) return { format: 'csv' };
  return { format: null, reason: 'it has no CSV header with a "name" column' };
}

/**
 * The format of a file, or null when Dramatis cannot import it.
 * @example
 * detectFormat('x.json', '{"format":"dramatis-entities","version":1,"entities":[]}') // 'dramatis-json'
 * detectFormat('x.json', '{"hello":1}')                                              // null
 */
export function detectFormat(fileName: string, text: string): ImportFormat | null {
  return sniffFormat(fileName, text.replace(/^\uFEFF/, '')).format;
}
