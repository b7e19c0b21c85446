/**
 * `JSON.parse` with a refusal a reader can act on: the line and column of the syntax error, in
 * the same words in every browser (see `json-syntax.ts`), echoing at most one character of the file.
 */
import { fail } from './import-error';
import { jsonErrorOffset } from './json-syntax';

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

/** The engine's own offset, for the rare failure the scanner does not see (nesting too deep). */
function engineOffset(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/i.exec(message);
  return position ? Number(position[1]) : text.length;
}

function reason(text: string, offset: number): string {
  if (offset >= text.length) return 'not valid JSON: the text ends too early (is the file truncated?)';
  return `not valid JSON: unexpected character ${JSON.stringify(text[offset])}`;
}

/**
 * Parses JSON or refuses with the place of the error; `lineOffset` shifts line numbers for a
 * text that is one line of a larger file.
 * @example
 * parseJson('{"a": 1,}') // throws ImportError 'Line 1, column 9: not valid JSON: unexpected character "}"'
 */
export function parseJson(text: string, lineOffset = 0): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const offset = jsonErrorOffset(text) ?? engineOffset(text, error);
    const place = lineColumnAt(text, offset);
    return fail({ line: place.line + lineOffset, column: place.column }, reason(text, offset));
  }
}
