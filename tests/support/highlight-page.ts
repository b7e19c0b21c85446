/**
 * A page for DOM tests of painting: `html` loaded into happy-dom's document, and a Map standing in
 * for `CSS.highlights` (happy-dom has no highlight registry), returned for the test to read.
 */
export function loadHighlightPage(html: string): Map<string, Set<Range>> {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...parsed.head.childNodes);
  document.body.replaceChildren(...parsed.body.childNodes);
  const highlights = new Map<string, Set<Range>>();
  for (const scope of [window, globalThis]) Object.defineProperty(scope, 'CSS', { value: { highlights }, configurable: true });
  (window as unknown as { Highlight: unknown }).Highlight = class extends Set<Range> {
    constructor(...ranges: Range[]) {
      super(ranges);
    }
  };
  return highlights;
}
