/**
 * `JSON.parse` with a refusal a reader can act on: the line and column of the syntax error, in
 * the same words in every browser (V8 reports a position, Firefox a line and column, and their
 * messages differ), and no echo of the file's text.
 */
import { fail } from './import-error';

/** Line and column (1-based) of a UTF-16 offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function errorPlace(text: string, message: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/i.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/i.exec(message);
  return lineColumnAt(text, position ? Number(position[1]) : text.length);
}

function reason(text: string, message: string, offset: { line: number; column: number }): string {
  const end = lineColumnAt(text, text.length);
  if (/end of (JSON )?(input|data)/i.test(message) || (offset.line === end.line && offset.column >= end.column)) {
    return 'not valid JSON: the text ends too early (is the file truncated?)';
  }
  return 'not valid JSON: unexpected character';
}

/**
 * Parses JSON or refuses with the place of the error.
 * @example
 * parseJson('{"a": 1,}') // throws ImportError 'Line 1, column 9: not valid JSON: unexpected character'
 */
export function parseJson(text: string, lineOffset = 0): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const place = errorPlace(text, message);
    return fail({ line: place.line + lineOffset, column: place.column }, reason(text, message, place));
  }
}
