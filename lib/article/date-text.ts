/**
 * Spots a written date ("March 5, 2024", "5 mars 2024", "2024-03-05", "05.03.2024",
 * "2024年3月5日") in a short line of text: the visible dateline of an article, or, repeated many
 * times, the post dates of a forum thread or a listing.
 */

const NUMERIC_DATE =
  /\b(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?!\d)|\b(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|[12]\d|3[01])[-/.](?:19|20)\d{2}\b/;
/**
 * The letters month names are written in: Latin (extended), Greek, Cyrillic, Armenian, Hebrew,
 * Arabic, the Indic scripts, Thai, Georgian, and CJK. Not `\p{L}`: compiled for a page's two-byte
 * text (any non-Latin-1 page), `\p{L}{3,}` costs V8 ~55 ms, paid again on every page a content
 * script runs on; these ranges cost 1 ms.
 */
const LETTER =
  'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u03FF\\u0400-\\u052F\\u0531-\\u0587' +
  '\\u05D0-\\u05EA\\u0620-\\u064A\\u066E-\\u06D3\\u0900-\\u0DFF\\u0E01-\\u0E5B\\u0E81-\\u0EDF\\u1000-\\u109F\\u1200-\\u137F\\u10A0-\\u10FF\\u1E00-\\u1FFF' +
  '\\u3040-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uAC00-\\uD7AF';
const WORD_DATE = new RegExp(
  `(?:^|[^${LETTER}])[${LETTER}]{3,}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}\\b|` +
    `\\b\\d{1,2}\\.?\\s+(?:de\\s+)?[${LETTER}]{3,}\\.?,?\\s+(?:de\\s+)?(?:19|20)\\d{2}\\b`,
);
const CJK_DATE = /(?:19|20)\d{2}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]?/;
/**
 * Every date form above carries a year: this cheap ASCII test rules most lines out before the
 * Unicode patterns run (those are slow to start in a browser's regex engine: ~80 ms over a
 * large page before this check).
 */
const YEAR = /(?:19|20)\d\d/;
/** Longer lines are prose that happens to mention a date, not a dateline. */
export const DATELINE_MAX_CHARS = 160;

/**
 * True when a short text contains a date.
 * @example containsDate('Published March 5, 2024') // true
 */
export function containsDate(text: string): boolean {
  return YEAR.test(text) && (NUMERIC_DATE.test(text) || WORD_DATE.test(text) || CJK_DATE.test(text));
}

/** Text of a short block, built from its nodes (blocks here are at most a line long). */
export function shortText(nodes: readonly Text[], chars: number): string | null {
  if (chars > DATELINE_MAX_CHARS) return null;
  let text = '';
  for (const node of nodes) text += node.data;
  return text;
}
