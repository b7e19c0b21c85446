// @vitest-environment happy-dom
// The stress pages are what the bench's report says they are (scripts/lib/stress-pages.ts).
import { describe, expect, test } from 'vitest';
import { bigArticle, liveBlog, liveScript, liveUpdates, manyTextNodes, stressNames } from '../../../scripts/lib/stress-pages';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function textNodesWithText(root: Node): number {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let count = 0;
  while (walker.nextNode()) if (walker.currentNode.textContent!.trim() !== '') count++;
  return count;
}

describe('stress pages', () => {
  test('the big article holds at least 1 MB of prose naming starter-pack entities', () => {
    const html = bigArticle();
    const article = parse(html).querySelector('article')!;
    expect(Buffer.byteLength(article.textContent!)).toBeGreaterThanOrEqual(1_048_576);
    const { countries, organizations } = stressNames();
    expect(countries.some((c) => html.includes(c))).toBe(true);
    expect(organizations.some((o) => html.includes(o))).toBe(true);
    expect(html).toContain("script-src 'none'");
  });

  test('the text-node page has exactly 50,000 text nodes in its article', () => {
    const article = parse(manyTextNodes()).querySelector('article')!;
    expect(textNodesWithText(article)).toBe(50_000);
  });

  test('the live blog loads its own script and gains one paragraph per update', () => {
    const doc = parse(liveBlog());
    expect(doc.getElementById('live')!.children.length).toBe(12);
    expect(doc.querySelector('script[src="live.js"]')).not.toBeNull();
    const updates = liveUpdates(600);
    expect(updates).toHaveLength(600);
    expect(liveScript(updates)).toContain(JSON.stringify(updates[599]));
  });

  test('the pages are the same every run', () => {
    expect(manyTextNodes(1_000)).toBe(manyTextNodes(1_000));
    expect(liveUpdates(5)).toEqual(liveUpdates(5));
  });
});
