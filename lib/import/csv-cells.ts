/**
 * Cell conventions shared by CSV import and export: lists in one cell (`|`, also `;`, with `\`
 * escapes so any alias survives a round trip) and the formula guard that keeps a spreadsheet from
 * running a name like `=HYPERLINK(...)` (OWASP "CSV Injection").
 */

const SEPARATORS = new Set(['|', ';']);
const ESCAPABLE = new Set(['|', ';', '\\']);
const FORMULA_START = /^'*[=+\-@]/;

/**
 * Splits a list cell; `\|`, `\;` and `\\` stand for the characters themselves.
 * @example
 * splitListCell('Putin|Путин; V. Putin|a\\|b') // ['Putin', 'Путин', ' V. Putin', 'a|b']
 */
export function splitListCell(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    const next = cell[i + 1];
    if (ch === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      current += next;
      i++;
    } else if (SEPARATORS.has(ch)) {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items;
}

/** Joins a list into one cell, escaping what `splitListCell` would split on. */
export function joinListCell(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\|;]/g, (ch) => `\\${ch}`)).join('|');
}

/** Prefixes `'` to a cell a spreadsheet would read as a formula. */
export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Removes the guard `guardFormula` added. */
export function unguardFormula(cell: string): string {
  return FORMULA_START.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell;
}
