/** A search snippet with its matched words in `<mark>`, built from offsets (never from HTML). */
import { snippetParts } from '../lib/dashboard/snippet-parts';
import type { Snippet } from '../lib/memory/search';

export function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.cutStart && '… '}
      {snippetParts(snippet).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}
      {snippet.cutEnd && ' …'}
    </>
  );
}
