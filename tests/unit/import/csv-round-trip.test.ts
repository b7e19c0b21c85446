import { describe, expect, test } from 'vitest';
import type { Entity } from '../../../lib/entities/types';
import { exportCsv, parseEntities } from '../../../lib/import';
import { cleanName, cleanNames, cleanText } from '../../../lib/import/clean-text';

// Property-style: seeded random entities full of delimiters, quotes, line breaks, formula starts
// and non-Latin text must come back unchanged from a CSV export.
const source = { kind: 'import', name: 'test.csv' } as const;
const read = (text: string) => parseEntities(text, { fileName: 'test.csv', sourceName: 'test.csv' });

/** mulberry32: a seeded generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'a',
  'Z',
  ' ',
  ',',
  ';',
  '|',
  '\\',
  '"',
  "'",
  '=',
  '+',
  '-',
  '@',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\u0007',
  'ی',
  '‌',
  'Ж',
  '习',
  '😀',
  'é',
  '\u3000',
  'x"y',
  '""',
];

function randomText(next: () => number, max: number): string {
  let text = '';
  for (let n = Math.floor(next() * max); n > 0; n--) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

function randomEntity(next: () => number, index: number): Entity {
  const name = cleanName(randomText(next, 12)) || `n${index}`;
  const entity: Entity = {
    id: `test:${index}`,
    name,
    type: (['person', 'organization', 'place', 'group', 'event'] as const)[index % 5]!,
    aliases: cleanNames(
      Array.from({ length: Math.floor(next() * 4) }, () => randomText(next, 8)),
      name,
    ),
  };
  const description = cleanText(randomText(next, 30));
  if (description) entity.description = description;
  const role = cleanText(randomText(next, 6));
  if (role) entity.role = role;
  const tags = cleanNames([randomText(next, 5), randomText(next, 5)]);
  if (tags.length) entity.tags = tags;
  if (next() < 0.5) entity.country = ['IR', 'RU', 'CN', 'US'][index % 4];
  if (next() < 0.5) entity.qid = `Q${index + 1}`;
  return entity;
}

describe('CSV export → import round trip', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8])('random entities with quotes, commas, newlines and Unicode (seed %i)', (seed) => {
    const next = random(seed);
    const entities = Array.from({ length: 60 }, (_, i) => randomEntity(next, i));
    const expected = entities.map((e) => ({ ...e, source })).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(read(exportCsv(entities)).entities).toEqual(expected);
  });

  test('the export is RFC 4180 with a BOM, CRLF and the documented columns', () => {
    const csv = exportCsv([
      { id: 'x', name: '=cmd()', type: 'person', aliases: ['a|b', 'c'], description: 'say "hi", then\nleave' },
    ]);
    expect(csv).toBe(
      '\uFEFFname,type,aliases,description,country,role,tags,qid,id\r\n' +
        '\'=cmd(),person,a\\|b|c,"say ""hi"", then\nleave",,,,,x\r\n',
    );
  });
});
