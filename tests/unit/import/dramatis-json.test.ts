import { describe, expect, test } from 'vitest';
import type { Entity } from '../../../lib/entities/types';
import { exportJson, parseEntities } from '../../../lib/import';
import { refusalOf } from './refusal';

const ENTITIES: Entity[] = [
  {
    id: 'user:person:habibollah-sayyari',
    name: 'Habibollah Sayyari',
    type: 'person',
    aliases: ['حبیب‌الله سیاری', 'Sayyari'],
    description: 'Iranian admiral.\nSecond line with "quotes".',
    country: 'IR',
    role: 'Deputy Commander',
    tags: ['military'],
    qid: 'Q5637530',
    source: { kind: 'user' },
    pinned: true,
  },
  {
    id: 'country:ru',
    name: 'Russia',
    type: 'place',
    aliases: ['Россия', '俄罗斯'],
    source: { kind: 'pack', ref: 'world-countries' },
    hidden: false,
  },
  {
    id: 'ftm:NK-1',
    name: 'LLC CST',
    type: 'organization',
    aliases: [],
    source: { kind: 'import', name: 'zala.json' },
    hidden: true,
  },
  { id: 'discovered:event:x', name: 'Munich Security Conference', type: 'event', aliases: [], source: { kind: 'discovered' } },
  { id: 'g', name: 'Wagner', type: 'group', aliases: ['ЧВК «Вагнер»'] },
];

const read = (text: string) => parseEntities(text, { fileName: 'backup.json', sourceName: 'backup.json' });
const file = (entities: unknown, extra: object = {}) =>
  JSON.stringify({ format: 'dramatis-entities', version: 1, entities, ...extra });

describe('Dramatis JSON', () => {
  test('export → import gives back exactly the same entities, flags, sources and ids', () => {
    const sorted = [...ENTITIES].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(read(exportJson(ENTITIES)).entities).toStrictEqual(sorted);
  });

  test('the export is pretty, sorted by id and leaves store bookkeeping out', () => {
    const text = exportJson([{ ...ENTITIES[4]!, updatedAt: 5, sourceKind: 'user' } as Entity, ENTITIES[0]!]);
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ format: 'dramatis-entities', version: 1 });
    expect(parsed.entities.map((e: Entity) => e.id)).toEqual(['g', 'user:person:habibollah-sayyari']);
    expect(parsed.entities[0]).not.toHaveProperty('updatedAt');
    expect(text).toContain('\n  "entities": [\n');
  });

  test('an export of nothing imports as nothing', () => {
    expect(read(exportJson([]))).toEqual({ entities: [], skipped: 0, warnings: [] });
  });

  test.each([
    [
      'aliases not an array',
      [{ id: 'a', name: 'A', type: 'person', aliases: 'B' }],
      'entities[0].aliases ("a"): expected an array of strings',
    ],
    [
      'alias not a string',
      [{ id: 'a', name: 'A', type: 'person', aliases: ['B', 3] }],
      'entities[0].aliases ("a"): expected an array of strings',
    ],
    [
      'bad type',
      [ENTITIES[4], { id: 'b', name: 'B', type: 'planet', aliases: [] }],
      'entities[1].type ("b"): must be one of person, organization, place, group, event (got "planet")',
    ],
    ['missing id', [{ name: 'A', type: 'person', aliases: [] }], 'entities[0].id: expected a non-empty string'],
    ['empty name', [{ id: 'a', name: '  ', type: 'person', aliases: [] }], 'entities[0].name ("a"): expected a non-empty string'],
    [
      'bad source',
      [{ id: 'a', name: 'A', type: 'person', aliases: [], source: { kind: 'web' } }],
      'entities[0].source ("a"): expected { "kind"',
    ],
    [
      'bad flag',
      [{ id: 'a', name: 'A', type: 'person', aliases: [], hidden: 'yes' }],
      'entities[0].hidden ("a"): expected true or false',
    ],
    [
      'bad country',
      [{ id: 'a', name: 'A', type: 'person', aliases: [], country: 'Iran' }],
      'entities[0].country ("a"): expected an ISO 3166-1 alpha-2 code',
    ],
    ['not an object', [null], 'entities[0]: expected an entity object'],
  ])('refuses %s, naming the path', (_label, entities, message) => {
    expect(refusalOf(() => read(file(entities))).message).toContain(message);
  });

  test.each([
    ['no entities array', JSON.stringify({ format: 'dramatis-entities', version: 1 }), 'entities: expected an array of entities'],
    ['a newer version', file([], { version: 2 }), 'version: written by a newer Dramatis (version 2); this one reads version 1'],
    [
      'malformed JSON, with line and column',
      '{\n  "format": "dramatis-entities",\n  "version": 1,,\n}',
      'Line 3, column 16: not valid JSON: unexpected character',
    ],
    ['truncated JSON', exportJson(ENTITIES).slice(0, 300), 'not valid JSON: the text ends too early (is the file truncated?)'],
  ])('refuses %s', (_label, text, message) => {
    expect(refusalOf(() => read(text)).message).toContain(message);
  });

  test('lists the problems of every entity at once', () => {
    const error = refusalOf(() =>
      read(file([{ id: 'a', name: 'A', type: 'x', aliases: 1 }, ENTITIES[4], { id: 'c', name: '', type: 'person' }])),
    );
    expect(error.issues.map((i) => i.location.path)).toEqual(['entities[0].type', 'entities[0].aliases', 'entities[2].name']);
  });
});
