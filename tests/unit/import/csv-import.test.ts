import { describe, expect, test } from 'vitest';
import { parseEntities } from '../../../lib/import';
import { refusalOf } from './refusal';

const source = { kind: 'import', name: 'test.csv' } as const;
const read = (text: string) => parseEntities(text, { fileName: 'test.csv', sourceName: 'test.csv' });
const refusal = (text: string) => refusalOf(() => read(text));

describe('CSV import', () => {
  test('reads quoting, BOM, CRLF, any column order and case, Unicode names', () => {
    const text =
      '\uFEFFDescription,ALIASES,Name,Type,Country\r\n' +
      '"Commander of the army, 2017–2021",حبیب‌الله سیاری|Sayari,"Sayyari, Habibollah",PER,ir\r\n' +
      '"Said ""no"" to the\r\npress",Путин; Putin V.,Владимир Путин,person,RU\r\n' +
      ',习主席,习近平,Person,CN\r\n';
    const { entities, skipped, warnings } = read(text);
    expect(skipped).toBe(0);
    expect(warnings).toEqual([]);
    expect(entities).toEqual([
      {
        id: 'user:person:sayyari-habibollah',
        name: 'Sayyari, Habibollah',
        type: 'person',
        aliases: ['حبیب‌الله سیاری', 'Sayari'],
        description: 'Commander of the army, 2017–2021',
        country: 'IR',
        source,
      },
      {
        id: 'user:person:владимир-путин',
        name: 'Владимир Путин',
        type: 'person',
        aliases: ['Путин', 'Putin V.'],
        description: 'Said "no" to the\npress',
        country: 'RU',
        source,
      },
      { id: 'user:person:习近平', name: '习近平', type: 'person', aliases: ['习主席'], country: 'CN', source },
    ]);
  });

  test.each([
    ['PER', 'person'],
    ['Individual', 'person'],
    ['ORG', 'organization'],
    ['organisation', 'organization'],
    ['LOC', 'place'],
    ['GPE', 'place'],
    ['location', 'place'],
    ['NORP', 'group'],
    ['group', 'group'],
    ['EVENT', 'event'],
  ])('type %j reads as %s', (value, type) => {
    expect(read(`name,type\nX,${value}\n`).entities[0]!.type).toBe(type);
  });

  test('semicolon-delimited files (European spreadsheets) and tags, role, qid, id columns', () => {
    const [entity] = read(
      'name;type;role;tags;qid;id\nIRGC;org;Armed forces;military|iran;https://www.wikidata.org/wiki/Q271110;org:irgc\n',
    ).entities;
    expect(entity).toMatchObject({ id: 'org:irgc', role: 'Armed forces', tags: ['military', 'iran'], qid: 'Q271110' });
  });

  test('rows with the same id are merged, aliases unioned', () => {
    const { entities } = read('name,type,aliases\nIRGC,org,Sepah\nirgc,ORG,Pasdaran|Sepah\n');
    expect(entities).toHaveLength(1);
    // The second spelling of the name is kept as an alias: the matcher may be case-sensitive.
    expect(entities[0]!.aliases).toEqual(['Sepah', 'irgc', 'Pasdaran']);
  });

  test('strips control characters and trims, keeping the data as text', () => {
    const [entity] = read('name,type,description\n"  <b>Ali</b>\u0007 Khamenei ",person,"a\u001bb\tc"\n').entities;
    expect(entity!.name).toBe('<b>Ali</b> Khamenei');
    expect(entity!.description).toBe('ab\tc');
  });

  test('warns about columns it ignores and skips blank lines', () => {
    const result = read('name,type,notes\n\nX,person,whatever\n,,\n');
    expect(result.entities).toHaveLength(1);
    expect(result.warnings.map((w) => w.message)).toEqual(['Line 1, column 3: column "notes" is ignored']);
  });

  test.each([
    ['missing type column', 'name,aliases\nX,Y\n', 'Line 1: the header lacks the "type" column (found "name", "aliases")'],
    ['no header at all', 'Ali Khamenei,person\n', 'Line 1: the header lacks the "name" and "type" column'],
    [
      'bad type',
      'name,type\nA,person\nB,person\nMars,planet\n',
      'Line 4: "type" must be one of person, organization, place, group, event (got "planet")',
    ],
    ['empty type', 'name,type\nA,\n', 'Line 2: "type" is empty'],
    ['empty name', 'name,type\n  ,person\n', 'Line 2: the name is empty'],
    [
      'bad country',
      'name,type,country\nA,person,Iran\n',
      'Line 2: "country" must be an ISO 3166-1 alpha-2 code like "IR" (got "Iran")',
    ],
    ['bad qid', 'name,type,qid\nA,person,794\n', 'Line 2: "qid" must be a Wikidata id'],
    ['too many fields', 'name,type\nSayyari, H.,person\n', 'Line 2: 3 fields but the header has 2'],
    ['unterminated quote', 'name,type\nA,person\n"B,person\nC,person\n', 'Line 3: unterminated quoted field'],
    ['duplicate column', 'name,type,Name\nA,person,B\n', 'Line 1, column 3: column "name" appears twice'],
    ['name too long', `name,type\n${'x'.repeat(501)},person\n`, 'Line 2: name is 501 characters long (at most 500)'],
    [
      'too many aliases',
      `name,type,aliases\nX,person,${Array.from({ length: 1001 }, (_, i) => `a${i}`).join('|')}\n`,
      'Line 2: 1001 aliases (at most 1000)',
    ],
  ])('refuses a file with %s', (_label, text, message) => {
    expect(refusal(text).message).toContain(message);
  });

  test('lists every bad row, not only the first, and imports nothing', () => {
    const error = refusal('name,type\nA,planet\nB,person\n,person\nD,star\n');
    expect(error.issues.map((i) => i.location.line)).toEqual([2, 4, 5]);
    expect(error.issueCount).toBe(3);
    expect(error.message).toMatch(/\(and 2 more problems\)$/);
  });

  test('caps the listed problems at 20 but counts them all', () => {
    const error = refusal(`name,type\n${'X,planet\n'.repeat(30)}`);
    expect(error.issues).toHaveLength(20);
    expect(error.issueCount).toBe(30);
  });
});
