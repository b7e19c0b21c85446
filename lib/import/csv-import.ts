/**
 * Reads the CSV a reader keeps in a spreadsheet: a header row (any order, any case) naming at
 * least `name` and `type`, then one entity per row. See `csv-export.ts` for the columns written.
 */
import type { EntitySource } from '../entities/types';
import { cleanText, toCountryCode, toQid } from './clean-text';
import { splitListCell, unguardFormula } from './csv-cells';
import { countCsvRecords, detectDelimiter, readCsvRows, type CsvRow } from './csv-reader';
import { buildEntity, type EntityDraft } from './entity-draft';
import { createIssue, fail, type ImportIssue } from './import-error';
import type { RecordOutcome, RecordStream } from './collector';
import { MAX_DESCRIPTION_LENGTH } from './limits';
import { badTypeMessage, parseEntityType } from './type-names';

type Column = 'id' | 'name' | 'type' | 'aliases' | 'description' | 'country' | 'role' | 'tags' | 'qid';

const HEADER_NAMES = new Map<string, Column>([
  ['id', 'id'],
  ['name', 'name'],
  ['type', 'type'],
  ['aliases', 'aliases'],
  ['alias', 'aliases'],
  ['description', 'description'],
  ['country', 'country'],
  ['role', 'role'],
  ['tags', 'tags'],
  ['qid', 'qid'],
  ['wikidata', 'qid'],
]);

/** The columns this reader understands, for messages. */
export const CSV_REQUIRED_COLUMNS: readonly Column[] = ['name', 'type'];

interface Header {
  columns: Map<Column, number>;
  width: number;
}

function readHeader(row: CsvRow | undefined, warn: ImportIssue[]): Header {
  if (!row) fail({ line: 1 }, 'the file has no header row');
  const header = new Map<Column, number>();
  row.fields.forEach((raw, index) => {
    const label = cleanText(raw).toLowerCase();
    const column = HEADER_NAMES.get(label);
    if (!column) {
      if (label) warn.push(createIssue({ line: row.line, column: index + 1 }, `column "${label.slice(0, 40)}" is ignored`));
    } else if (header.has(column)) {
      fail({ line: row.line, column: index + 1 }, `column "${column}" appears twice`);
    } else header.set(column, index);
  });
  const missing = CSV_REQUIRED_COLUMNS.filter((column) => !header.has(column));
  if (missing.length) {
    const found = row.fields.map((f) => `"${cleanText(f).slice(0, 40)}"`).join(', ');
    fail({ line: row.line }, `the header lacks the ${missing.map((m) => `"${m}"`).join(' and ')} column (found ${found})`);
  }
  return { columns: header, width: row.fields.length };
}

function cellOf(row: CsvRow, header: Header, column: Column): string {
  const index = header.columns.get(column);
  return index === undefined ? '' : unguardFormula(row.fields[index] ?? '').trim();
}

function draftOf(row: CsvRow, header: Header, problems: string[]): EntityDraft {
  const cell = (column: Column) => cellOf(row, header, column);
  const typeCell = cell('type');
  const type = parseEntityType(typeCell);
  if (!type) problems.push(typeCell ? badTypeMessage('type', typeCell) : '"type" is empty');
  const country = cell('country') ? toCountryCode(cell('country')) : undefined;
  if (cell('country') && !country)
    problems.push(`"country" must be an ISO 3166-1 alpha-2 code like "IR" (got "${cell('country').slice(0, 40)}")`);
  const qid = cell('qid') ? toQid(cell('qid')) : undefined;
  if (cell('qid') && !qid) problems.push(`"qid" must be a Wikidata id like "Q794" (got "${cell('qid').slice(0, 40)}")`);
  if (cell('description').length > MAX_DESCRIPTION_LENGTH)
    problems.push(`"description" is longer than ${MAX_DESCRIPTION_LENGTH} characters`);
  const list = (column: Column) => (cell(column) ? splitListCell(cell(column)) : []);
  return {
    id: cell('id') || undefined,
    name: cell('name'),
    type: type ?? 'person',
    aliases: list('aliases'),
    description: cell('description'),
    country,
    role: cell('role'),
    tags: list('tags'),
    qid,
  };
}

function readRow(row: CsvRow, header: Header, source: EntitySource): RecordOutcome | undefined {
  if (row.fields.every((field) => field.trim() === '')) return undefined;
  const location = { line: row.line };
  const problems: string[] = [];
  if (row.fields.slice(header.width).some((f) => f.trim() !== '')) {
    problems.push(`${row.fields.length} fields but the header has ${header.width} (quote fields that contain the delimiter)`);
  }
  const draft = draftOf(row, header, problems);
  if (problems.length) return { kind: 'invalid', issues: problems.map((p) => createIssue(location, p)) };
  const outcome = buildEntity(draft, location, source);
  return outcome.entity ? { kind: 'entity', entity: outcome.entity, location } : { kind: 'invalid', issues: outcome.issues };
}

/**
 * Reads a CSV file (BOM already stripped). Header problems throw at once; rows come lazily.
 * @example
 * readCsv('name,type\nIRGC,ORG\n', { kind: 'import', name: 'my.csv' }).total // 1
 */
export function readCsv(text: string, source: EntitySource): RecordStream {
  const rows = readCsvRows(text, detectDelimiter(text));
  const warnings: ImportIssue[] = [];
  const header = readHeader(rows.next().value ?? undefined, warnings);
  function* outcomes(): Generator<RecordOutcome> {
    for (const issue of warnings) yield { kind: 'warning', issue };
    for (const row of { [Symbol.iterator]: () => rows }) {
      const outcome = readRow(row, header, source);
      if (outcome) yield outcome;
    }
  }
  return { total: Math.max(0, countCsvRecords(text) - 1), outcomes: outcomes() };
}
