/**
 * Properties of every importer (CSV, Dramatis JSON, FollowTheMoney, STIX, format detection and the
 * entry point) on random bytes, random Unicode and malformed files (truncated, wrong types, huge
 * fields, BOMs, NULs, mismatched quotes, deep nesting): each file is either read into entities that
 * hold the entity invariants (and that the background's message guard accepts), or refused with
 * an `ImportError` whose every problem names its place. Nothing else is ever thrown.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ENTITY_TYPES, type Entity } from '../../../lib/entities/types';
import { cleanName, cleanText } from '../../../lib/import/clean-text';
import { readCsvRows } from '../../../lib/import/csv-reader';
import {
  detectFormat,
  exportCsv,
  exportJson,
  formatLocation,
  ImportError,
  MAX_ALIASES,
  MAX_NAME_LENGTH,
  parseEntities,
  type ImportFormat,
  type ImportResult,
} from '../../../lib/import';
import { isEntity } from '../../../lib/messaging/protocol';
import { hasLoneSurrogate, hostileChar, hostileString, nameText, runs } from './arbitraries';
import { refusalOf } from '../import/refusal';

/** Refusals about the file as a whole: their place is the file. */
const WHOLE_FILE = [
  /^The file is empty$/,
  /^This file is not a format Dramatis can import: /,
  /^The file is larger than /,
  /^The file holds [\d,]+ records; /,
  /^Not a STIX bundle: /,
];

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** The entity invariants every importer promises. */
function checkEntity(entity: Entity, wellFormed: boolean): void {
  expect(isEntity(entity), `the background would refuse ${JSON.stringify(entity).slice(0, 300)}`).toBe(true);
  expect(entity.id === cleanName(entity.id) && entity.id !== '').toBe(true);
  expect(entity.name === cleanName(entity.name) && entity.name !== '' && entity.name.length <= MAX_NAME_LENGTH).toBe(true);
  expect(ENTITY_TYPES).toContain(entity.type);
  expect(entity.aliases.length).toBeLessThanOrEqual(MAX_ALIASES);
  expect(new Set([entity.name, ...entity.aliases]).size).toBe(entity.aliases.length + 1);
  for (const alias of entity.aliases)
    expect(alias === cleanName(alias) && alias !== '' && alias.length <= MAX_NAME_LENGTH).toBe(true);
  for (const tag of entity.tags ?? []) expect(tag === cleanName(tag) && tag !== '').toBe(true);
  for (const text of [entity.description, entity.role])
    if (text !== undefined) expect(text === cleanText(text) && text !== '').toBe(true);
  if (entity.country !== undefined) expect(entity.country).toMatch(/^[A-Z]{2}$/);
  if (entity.qid !== undefined) expect(entity.qid).toMatch(/^Q[1-9]\d*$/);
  if (wellFormed) expect(hasLoneSurrogate(JSON.stringify(entity))).toBe(false);
}

/** What a refusal must say: every problem starts with its place, and the place is in the file. */
function checkRefusal(error: ImportError, text: string): void {
  expect(error.issues.length).toBeGreaterThan(0);
  expect(error.issueCount).toBeGreaterThanOrEqual(error.issues.length);
  expect(error.message.startsWith(error.issues[0]!.message)).toBe(true);
  for (const { message, location } of error.issues) {
    const where = formatLocation(location);
    if (where === '') {
      expect(
        WHOLE_FILE.some((pattern) => pattern.test(message)),
        `no place in ${JSON.stringify(message)}`,
      ).toBe(true);
      continue;
    }
    expect(message.startsWith(`${where}: `)).toBe(true);
    if (location.line !== undefined) expect(location.line >= 1 && location.line <= lineCount(text)).toBe(true);
    if (location.column !== undefined) expect(location.column).toBeGreaterThanOrEqual(1);
  }
}

/** Runs an import and checks its outcome either way; returns it for further checks. */
function importChecked(text: string, options: { fileName?: string; format?: ImportFormat } = {}): ImportResult | ImportError {
  let result: ImportResult;
  try {
    result = parseEntities(text, options);
  } catch (error) {
    if (!(error instanceof ImportError)) throw new Error(`not an ImportError: ${String(error)}`, { cause: error });
    checkRefusal(error, text);
    return error;
  }
  const wellFormed = text.isWellFormed();
  for (const entity of result.entities) checkEntity(entity, wellFormed);
  expect(new Set(result.entities.map((e) => e.id)).size).toBe(result.entities.length);
  for (const warning of result.warnings) expect(formatLocation(warning.location)).not.toBe('');
  return result;
}

// ---- Files: valid-looking structures with hostile values, then damaged ----

const typeName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ENTITY_TYPES, 'ORG', 'per', 'GPE', 'Company') },
  { weight: 1, arbitrary: hostileString(6) },
);
/** A field value of the right kind most of the time, else anything JSON can hold. */
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 12, arbitrary: arb }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<unknown> });
/** A list: short, or long enough to cross a limit (100 tags). */
const list = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(arb, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.array(arb, { minLength: 95, maxLength: 130 }) },
  );
const text = fc.oneof(
  { weight: 4, arbitrary: nameText },
  { weight: 2, arbitrary: hostileString(20) },
  { weight: 1, arbitrary: fc.constant('') },
);
const longText = fc.integer({ min: 400, max: 6000 }).map((n) => 'ب😀 x'.repeat(Math.ceil(n / 5)).slice(0, n));
const country = fc.oneof(fc.constantFrom('IR', 'ir', 'IL', 'Iran', 'I', ''), hostileString(3));
const qid = fc.oneof(fc.constantFrom('Q794', 'Q0', 'q12', 'https://www.wikidata.org/wiki/Q42', 'x'), hostileString(4));

const dramatisEntity = fc.record(
  {
    id: maybe(fc.oneof(text, fc.constant('a'.repeat(600)))),
    name: maybe(text),
    type: maybe(typeName),
    aliases: maybe(fc.array(text, { maxLength: 4 })),
    description: maybe(fc.oneof(text, longText)),
    country: maybe(country),
    role: maybe(text),
    tags: maybe(list(text)),
    qid: maybe(qid),
    source: maybe(
      fc.oneof(fc.constant({ kind: 'user' }), fc.record({ kind: fc.constantFrom('import', 'pack', 'x'), name: text })),
    ),
    hidden: maybe(fc.boolean()),
  },
  { requiredKeys: [] },
);
const dramatisFile = fc
  .record({
    format: maybe(fc.constant('dramatis-entities')),
    version: maybe(fc.constantFrom(1, 2, 0, 1.5)),
    entities: maybe(fc.array(dramatisEntity, { maxLength: 5 })),
  })
  .chain((file) => fc.constantFrom(0, 2).map((indent) => JSON.stringify(file, null, indent)));

const ftmLine = fc
  .record(
    {
      id: maybe(text),
      schema: maybe(fc.constantFrom('Person', 'Organization', 'Company', 'Sanction', 'Address', 'Thing')),
      caption: maybe(text),
      properties: maybe(
        fc.record(
          {
            name: maybe(fc.array(text, { maxLength: 3 })),
            alias: maybe(fc.array(text, { maxLength: 3 })),
            country: maybe(fc.array(country, { maxLength: 2 })),
            notes: maybe(fc.array(fc.oneof(text, longText), { maxLength: 1 })),
            position: maybe(fc.array(fc.oneof(text, longText), { maxLength: 1 })),
            topics: maybe(list(text)),
            wikidataId: maybe(fc.array(qid, { maxLength: 1 })),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  )
  .map((line) => JSON.stringify(line));
const ftmFile = fc.array(ftmLine, { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n'));

const stixObject = fc.record(
  {
    type: maybe(fc.constantFrom('identity', 'threat-actor', 'intrusion-set', 'location', 'malware', 'relationship')),
    id: maybe(text),
    identity_class: maybe(fc.constantFrom('individual', 'organization', 'group', 'class', 'unknown')),
    name: maybe(text),
    country: maybe(country),
    city: maybe(text),
    description: maybe(fc.oneof(text, longText)),
    aliases: maybe(fc.array(text, { maxLength: 3 })),
    x_mitre_aliases: maybe(fc.array(text, { maxLength: 3 })),
    labels: maybe(list(text)),
    revoked: maybe(fc.boolean()),
  },
  { requiredKeys: ['type'] },
);
const stixFile = fc
  .record({
    type: maybe(fc.constant('bundle')),
    id: fc.constant('bundle--1'),
    objects: maybe(fc.array(stixObject, { maxLength: 5 })),
  })
  .map((bundle) => JSON.stringify(bundle));

const csvCell = fc.oneof(text, typeName, country, qid, longText, fc.constantFrom('=cmd|x', "'=1", 'a|b;c\\|d', '"', '""', ' '));
const csvFile = fc
  .record({
    header: fc.shuffledSubarray(
      ['name', 'type', 'aliases', 'description', 'country', 'role', 'tags', 'qid', 'id', 'NAME', 'extra', 'name'],
      {
        minLength: 1,
      },
    ),
    rows: fc.array(fc.array(csvCell, { maxLength: 10 }), { maxLength: 6 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    quoteAll: fc.boolean(),
  })
  .map(({ header, rows, delimiter, newline, quoteAll }) => {
    const cell = (value: string) => (quoteAll || /["\r\n,;\t]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
    return [header, ...rows].map((row) => row.map(cell).join(delimiter)).join(newline) + newline;
  });

/** Damage: truncate, insert a hostile character (NUL, quote, BOM, brace), delete, duplicate a slice, prefix a BOM. */
const damage = fc.oneof(
  fc.nat().map((at) => (s: string) => s.slice(0, at % (s.length + 1))),
  fc.tuple(fc.nat(), fc.oneof(hostileChar, fc.constantFrom('\u0000', '"', '\uFEFF', '{', '}', ']', ',', '\n'))).map(
    ([at, ch]) =>
      (s: string) =>
        s.slice(0, at % (s.length + 1)) + ch + s.slice(at % (s.length + 1)),
  ),
  fc.nat().map((at) => (s: string) => s.slice(0, at % (s.length + 1)) + s.slice((at % (s.length + 1)) + 1)),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([a, b]) =>
      (s: string) =>
        s + s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1)),
  ),
  fc.constant((s: string) => `\uFEFF${s}`),
);
const damaged = (file: fc.Arbitrary<string>) =>
  fc.tuple(file, fc.array(damage, { maxLength: 3 })).map(([s, steps]) => steps.reduce((t, step) => step(t), s));

const fileName = fc.constantFrom(undefined, 'kb.csv', 'kb.tsv', 'kb.json', 'entities.ndjson', 'x.txt', 'bundle.json');

describe('every importer on hostile input: entities that hold, or a refusal that names the place', () => {
  test.each([
    ['CSV', csvFile],
    ['Dramatis JSON', dramatisFile],
    ['FollowTheMoney JSON lines', ftmFile],
    ['STIX bundle', stixFile],
  ] as const)('%s files, whole and damaged', (_format, file) => {
    fc.assert(
      fc.property(damaged(file), fileName, (content, name) => {
        importChecked(content, { fileName: name });
      }),
      { numRuns: runs(100) },
    );
  });

  test('random Unicode, random bytes read as Latin-1 or UTF-16, with any forced format', () => {
    const bytes = fc.uint8Array({ maxLength: 200 }).map((b) => String.fromCharCode(...b));
    const utf16 = fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder('utf-16le').decode(b));
    fc.assert(
      fc.property(
        fc.oneof(hostileString(200), bytes, utf16),
        fc.constantFrom(undefined, 'csv', 'dramatis-json', 'ftm', 'stix') as fc.Arbitrary<ImportFormat | undefined>,
        fileName,
        (content, format, name) => {
          importChecked(content, { format, fileName: name });
          const detected = detectFormat(name ?? '', content);
          expect(detected === null || ['csv', 'dramatis-json', 'ftm', 'stix'].includes(detected)).toBe(true);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  test.each([
    // Counterexamples the properties found: files the importer accepted and the background's import message refused.
    [
      '101 tags',
      `name,type,tags\nA,person,${Array.from({ length: 101 }, (_, i) => `t${i}`).join('|')}\n`,
      'Line 2: 101 tags (at most 100)',
    ],
    [
      'a 4,500-character description',
      `name,type,description\nA,person,${'x'.repeat(4500)}\n`,
      'Line 2: "description" is longer than 4000 characters',
    ],
    [
      'a 5,000-character role',
      `name,type,role\nA,person,${'x'.repeat(5000)}\n`,
      'Line 2: role is 5000 characters long (at most 4000)',
    ],
    ['a 600-character id', `name,type,id\nA,person,${'x'.repeat(600)}\n`, 'Line 2: id is 600 characters long (at most 500)'],
  ])('%s: refused at its line, not accepted and then turned away by the background', (_what, csv, message) => {
    expect(refusalOf(() => parseEntities(csv, { fileName: 'kb.csv' })).message).toBe(message);
  });

  test('a record merged from two with the same id is checked again (its tags add up)', () => {
    const tags = (from: number) => Array.from({ length: 60 }, (_, i) => `t${from + i}`).join('|');
    const csv = `id,name,type,tags\nx,A,person,${tags(0)}\nx,A,person,${tags(60)}\n`;
    expect(refusalOf(() => parseEntities(csv, { fileName: 'kb.csv' })).message).toBe('Line 3: 120 tags (at most 100)');
  });

  test('deep nesting and huge fields are refused with their place, not a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const cases: [string, ImportFormat | undefined][] = [
      // Counterexample: describing a deeply nested "type" with JSON.stringify overflowed the stack (RangeError).
      [`{"format":"dramatis-entities","version":1,"entities":[{"id":"a","name":"b","type":${deep}}]}`, undefined],
      [`{"type":${deep}}`, 'stix'],
      [`{"type":"bundle","objects":[{"type":"identity","name":${deep}}]}`, undefined],
      ['['.repeat(100_000), undefined],
      [`name,type\n${'x'.repeat(600)},person\n`, undefined],
    ];
    for (const [content, format] of cases) {
      const outcome = importChecked(content, { format, fileName: 'x.json' });
      expect(outcome).toBeInstanceOf(ImportError);
    }
  });
});

// ---- One planted fault in an otherwise good file: refused, at that place ----

const goodName = nameText.filter((n) => cleanName(n) !== '' && cleanName(n).length <= MAX_NAME_LENGTH);
const goodEntities = fc.array(fc.record({ name: goodName, type: fc.constantFrom(...ENTITY_TYPES), alias: goodName }), {
  minLength: 1,
  maxLength: 6,
});

describe('a file with one bad record is refused whole, naming that record', () => {
  test('CSV: a row with an unknown type, at its line', () => {
    fc.assert(
      fc.property(goodEntities, fc.nat(), (rows, k) => {
        const bad = k % rows.length;
        const csv = exportCsv(rows.map((r, i) => ({ id: `e${i}`, name: r.name, type: r.type, aliases: [r.alias] })));
        // Each exported row is one physical line unless a cell holds a line break; count from the reader.
        const lines = [...readCsvRows(csv.slice(1), ',')].map((row) => row.line);
        const broken = csv.replace(/\r\n/g, '\n').split('\n');
        const index = lines[bad + 1]! - 1;
        broken[index] = broken[index]!.replace(/,(person|organization|place|group|event),/, ',planet,');
        const error = refusalOf(() => parseEntities(broken.join('\n'), { fileName: 'kb.csv' }));
        expect(error.issues.map((i) => i.location.line)).toEqual([lines[bad + 1]]);
        expect(error.message).toMatch(new RegExp(`^Line ${lines[bad + 1]}: "type" must be one of`));
      }),
      { numRuns: runs(100) },
    );
  });

  test('Dramatis JSON: a field of the wrong type, at its path', () => {
    const wrong = fc.constantFrom(
      ['aliases', 'Ali'],
      ['aliases', [1]],
      ['tags', {}],
      ['country', 'Iran'],
      ['qid', 794],
      ['hidden', 'yes'],
      ['type', 'planet'],
      ['name', ''],
      ['description', 'x'.repeat(6000)],
    );
    fc.assert(
      fc.property(goodEntities, fc.nat(), wrong, (rows, k, [field, value]) => {
        const bad = k % rows.length;
        const entities = rows.map((r, i) => ({ id: `e${i}`, name: r.name, type: r.type, aliases: [r.alias] }));
        const file = JSON.parse(exportJson(entities)) as { entities: Record<string, unknown>[] };
        const index = file.entities.findIndex((e) => e.id === `e${bad}`);
        file.entities[index]![field] = value;
        const error = refusalOf(() => parseEntities(JSON.stringify(file)));
        expect(error.issues.map((i) => i.location.path)).toEqual([`entities[${index}].${field}`]);
        expect(error.message.startsWith(`entities[${index}].${field} ("e${bad}"): `)).toBe(true);
      }),
      { numRuns: runs(100) },
    );
  });

  test('FollowTheMoney: a truncated line or a bad property, at its line', () => {
    fc.assert(
      fc.property(goodEntities, fc.nat(), fc.boolean(), (rows, k, truncate) => {
        const bad = k % rows.length;
        const lines = rows.map((r, i) => {
          const properties = { name: [r.name], alias: i === bad && !truncate ? r.alias : [r.alias] };
          return JSON.stringify({ id: `p${i}`, schema: 'Person', properties });
        });
        if (truncate) lines[bad] = lines[bad]!.slice(0, -2);
        const error = refusalOf(() => parseEntities(lines.join('\n'), { fileName: 'x.ndjson' }));
        expect(error.issues.map((i) => i.location.line)).toEqual([bad + 1]);
        expect(error.message.startsWith(`Line ${bad + 1}`)).toBe(true);
      }),
      { numRuns: runs(100) },
    );
  });

  test('STIX: an object with a field of the wrong type, at its path', () => {
    fc.assert(
      fc.property(goodEntities, fc.nat(), fc.constantFrom('aliases', 'labels', 'name', 'description'), (rows, k, field) => {
        const bad = k % rows.length;
        const objects: Record<string, unknown>[] = rows.map((r, i) => ({
          type: 'threat-actor',
          id: `threat-actor--${i}`,
          name: r.name,
          aliases: [r.alias],
        }));
        // A string where a list belongs, or a list where a string belongs.
        objects[bad]![field] = field === 'aliases' || field === 'labels' ? rows[bad]!.alias : [rows[bad]!.name];
        const error = refusalOf(() => parseEntities(JSON.stringify({ type: 'bundle', id: 'bundle--1', objects })));
        expect(error.issues.map((i) => i.location.path)).toEqual([`objects[${bad}].${field}`]);
        expect(error.message.startsWith(`objects[${bad}].${field} ("threat-actor--${bad}"): `)).toBe(true);
      }),
      { numRuns: runs(100) },
    );
  });
});

// ---- Round trips: what Dramatis writes, it reads back unchanged, in every script ----

const cleanEntity: fc.Arbitrary<Entity> = fc
  .record({
    id: goodName.map((n) => `user:${cleanName(n)}`),
    name: goodName.map(cleanName),
    type: fc.constantFrom(...ENTITY_TYPES),
    aliases: fc.array(goodName.map(cleanName), { maxLength: 4 }),
    description: fc.option(fc.oneof(text, hostileString(40)).map(cleanText), { nil: undefined }),
    country: fc.option(fc.constantFrom('IR', 'IL', 'SA'), { nil: undefined }),
    role: fc.option(text.map(cleanText), { nil: undefined }),
    tags: fc.option(fc.array(goodName.map(cleanName), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    qid: fc.option(fc.constantFrom('Q794', 'Q42'), { nil: undefined }),
  })
  .map((e) => {
    const entity: Entity = { id: e.id, name: e.name, type: e.type, aliases: [...new Set(e.aliases)].filter((a) => a !== e.name) };
    if (e.description) entity.description = e.description;
    if (e.country) entity.country = e.country;
    if (e.role) entity.role = e.role;
    if (e.tags) entity.tags = [...new Set(e.tags)];
    if (e.qid) entity.qid = e.qid;
    return entity;
  });
const cleanEntities = fc.uniqueArray(cleanEntity, { selector: (e) => e.id, minLength: 1, maxLength: 5 });

describe('export then import gives the same entities back (RTL, zero-width, astral names included)', () => {
  test('Dramatis JSON', () => {
    fc.assert(
      fc.property(cleanEntities, (entities) => {
        const back = parseEntities(exportJson(entities)).entities;
        expect(back).toEqual([...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
      }),
      { numRuns: runs(100) },
    );
  });

  test('CSV', () => {
    fc.assert(
      fc.property(cleanEntities, (entities) => {
        const back = parseEntities(exportCsv(entities), { fileName: 'kb.csv', sourceName: 'kb.csv' }).entities;
        const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        expect(back).toEqual(sorted.map((e) => ({ ...e, source: { kind: 'import', name: 'kb.csv' } })));
      }),
      { numRuns: runs(100) },
    );
  });
});
