/**
 * A search snippet (`{ text, marks }`, plain data from the background) as runs of plain and
 * marked text, so the view renders `<mark>` elements and never parses HTML.
 */
import type { Snippet } from '../memory/search';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * Splits the snippet's text at its marks; marks out of range or overlapping an earlier one are
 * clipped, so a malformed answer still renders all of its text once.
 * @example snippetParts({ text: 'Admiral Sayyari said', marks: [[8, 15]], cutStart: false, cutEnd: false })
 * // [{ text: 'Admiral ', marked: false }, { text: 'Sayyari', marked: true }, { text: ' said', marked: false }]
 */
export function snippetParts(snippet: Snippet): SnippetPart[] {
  const { text } = snippet;
  const parts: SnippetPart[] = [];
  let at = 0;
  const push = (end: number, marked: boolean) => {
    if (end > at) parts.push({ text: text.slice(at, end), marked });
    at = Math.max(at, end);
  };
  for (const [start, end] of [...snippet.marks].sort((a, b) => a[0] - b[0])) {
    const from = Math.min(Math.max(start, at), text.length);
    push(from, false);
    push(Math.min(end, text.length), true);
  }
  push(text.length, false);
  return parts;
}
