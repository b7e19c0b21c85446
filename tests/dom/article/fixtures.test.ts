// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../../lib/article';

const fixtures = path.resolve(__dirname, '../../fixtures');

function load(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(path.join(fixtures, name), 'utf8'), 'text/html');
}

const forbidden = [
  'Most Viewed',
  'Oil prices steady',
  'Alexander Fomin Caspian Sea',
  'All rights reserved',
  'Economy',
  'Subscribe',
];

describe('seed fixtures', () => {
  test.each([
    ['caspian-cooperation.html', true, 'Tehran, Moscow discuss maritime cooperation', 'North-South Corridor'],
    ['humanitarian-readiness.html', true, 'Commander expresses Iran’s readiness', 'Gilles Carbonnier'],
  ])('%s is an article with its paragraphs and no chrome', (name, isArticle, headline, inBody) => {
    const { verdict, blocks, meta } = analyzeDocument(load(name));
    expect(verdict.isArticle).toBe(isArticle);
    expect(blocks[0]!.text).toContain(headline);
    expect(blocks[0]!.element.localName).toBe('h1');
    const text = blocks.map((b) => b.text).join('\n');
    expect(text).toContain(inBody);
    for (const phrase of forbidden) expect(text).not.toContain(phrase);
    expect(meta.siteName).toBe('Tehran Times');
    expect(meta.title).toContain(headline);
  });

  test('the section front is not an article, and yields no blocks unless forced', () => {
    const doc = load('section-front.html');
    const plain = analyzeDocument(doc);
    expect(plain.verdict.isArticle).toBe(false);
    expect(plain.blocks).toEqual([]);
    const forced = analyzeDocument(doc, { force: true });
    expect(forced.blocks.map((b) => b.text).join(' ')).toContain('Tehran braces for early autumn rain');
    expect(forced.blocks.map((b) => b.text).join(' ')).not.toContain('All rights reserved');
  });
});
