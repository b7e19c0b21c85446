/**
 * Writes entities as the CSV `readCsv` reads back: RFC 4180 quoting, CRLF line ends, a UTF-8 BOM so
 * spreadsheets open non-Latin names correctly, list cells joined by `|`, formula-like cells guarded.
 * Flags and source are not written: CSV is for editing names, the JSON export is the backup.
 */
import type { Entity } from '../entities/types';
import { guardFormula, joinListCell } from './csv-cells';

/** The columns written, in order. */
export const CSV_EXPORT_COLUMNS = ['name', 'type', 'aliases', 'description', 'country', 'role', 'tags', 'qid', 'id'] as const;

function quoteCell(value: string): string {
  const cell = guardFormula(value);
  return /[",\r\n;\t]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function cellsOf(entity: Entity): string[] {
  return [
    entity.name,
    entity.type,
    joinListCell(entity.aliases),
    entity.description ?? '',
    entity.country ?? '',
    entity.role ?? '',
    joinListCell(entity.tags ?? []),
    entity.qid ?? '',
    entity.id,
  ];
}

/**
 * Serializes entities as CSV, sorted by id so two exports of the same base compare equal.
 * @example
 * exportCsv([{ id: 'org:irgc', name: 'IRGC', type: 'organization', aliases: ['Sepah'] }])
 * // '\uFEFFname,type,aliases,...\r\nIRGC,organization,Sepah,,,,,,org:irgc\r\n'
 */
export function exportCsv(entities: readonly Entity[]): string {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lines = [CSV_EXPORT_COLUMNS.join(','), ...sorted.map((e) => cellsOf(e).map(quoteCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
