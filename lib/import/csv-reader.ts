/**
 * An RFC 4180 record reader (https://www.rfc-editor.org/rfc/rfc4180): quoted fields may hold
 * delimiters, doubled quotes and line breaks; CRLF, LF and CR all end a record. It is strict where
 * leniency would shift columns silently (an unterminated quote, text after a closing quote) and
 * tracks physical line numbers, so a refusal points at the line a spreadsheet user can find.
 */
import { fail } from './import-error';

/** One record and the physical line it starts on (1-based). */
export interface CsvRow {
  line: number;
  fields: string[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Line breaks (CRLF, LF or lone CR) inside `text[from, to)`. */
function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) breaks++;
  }
  return breaks;
}

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** Records in `text`, counting line breaks outside quotes (a last line without a break counts too). */
export function countCsvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF))) records++;
  }
  const last = text.charCodeAt(text.length - 1);
  return text.length > 0 && last !== LF && last !== CR ? records + 1 : records;
}

/**
 * Reads records lazily, so the async import can pause between them.
 * @example
 * [...readCsvRows('a,"b ""c"""\r\n1,2', ',')] // [{ line: 1, fields: ['a', 'b "c"'] }, { line: 2, fields: ['1', '2'] }]
 */
export function* readCsvRows(text: string, delimiter: string): Generator<CsvRow> {
  const cursor = { at: 0, line: 1 };
  while (cursor.at < text.length) {
    const line = cursor.line;
    yield { line, fields: readRecord(text, delimiter, cursor) };
  }
}

function readRecord(text: string, delimiter: string, cursor: { at: number; line: number }): string[] {
  const fields: string[] = [];
  for (;;) {
    fields.push(text.charCodeAt(cursor.at) === QUOTE ? readQuoted(text, delimiter, cursor) : readPlain(text, delimiter, cursor));
    const c = text.charCodeAt(cursor.at);
    if (text[cursor.at] === delimiter) {
      cursor.at++;
      continue;
    }
    if (c === CR || c === LF) {
      cursor.at += c === CR && text.charCodeAt(cursor.at + 1) === LF ? 2 : 1;
      cursor.line++;
    }
    return fields;
  }
}

function readPlain(text: string, delimiter: string, cursor: { at: number }): string {
  let end = cursor.at;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === CR || c === LF || text[end] === delimiter) break;
    end++;
  }
  const value = text.slice(cursor.at, end);
  cursor.at = end;
  return value;
}

function readQuoted(text: string, delimiter: string, cursor: { at: number; line: number }): string {
  const startLine = cursor.line;
  let value = '';
  let from = cursor.at + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close < 0) fail({ line: startLine }, 'unterminated quoted field (a " opens a field that never closes)');
    value += text.slice(from, close);
    cursor.line += countBreaks(text, from, close);
    if (text.charCodeAt(close + 1) !== QUOTE) {
      cursor.at = close + 1;
      break;
    }
    value += '"';
    from = close + 2;
  }
  const next = text.charCodeAt(cursor.at);
  if (cursor.at < text.length && next !== CR && next !== LF && text[cursor.at] !== delimiter) {
    fail({ line: cursor.line }, 'unexpected text after a closing quote (quotes inside a field must be doubled: "")');
  }
  return value;
}
