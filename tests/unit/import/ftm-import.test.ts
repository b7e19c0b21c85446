import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Entity } from '../../../lib/entities/types';
import { FOREIGN_DESCRIPTION_LENGTH, parseEntities } from '../../../lib/import';
import { refusalOf } from './refusal';

// Real OpenSanctions records (CC BY-NC 4.0), read in place and never copied into the repo.
const FIXTURES = fileURLToPath(new URL('../../../../shared/corpus/kb/opensanctions-fixtures/', import.meta.url));
const hasFixtures = existsSync(`${FIXTURES}yente/t1.entities.ftm.json`);
if (!hasFixtures)
  console.warn(`FtM fixture tests skipped: ${FIXTURES} is absent (see its SOURCE.md for where the files come from)`);

const readFixture = (path: string) => readFileSync(`${FIXTURES}${path}`, 'utf8');
const read = (text: string) => parseEntities(text, { fileName: 'entities.ftm.json', sourceName: 'OpenSanctions' });
const byId = (entities: Entity[], id: string) => entities.find((e) => e.id === `ftm:${id}`)!;
const countTypes = (entities: Entity[]) =>
  entities.reduce<Record<string, number>>((n, e) => ({ ...n, [e.type]: (n[e.type] ?? 0) + 1 }), {});
const line = (object: object) => JSON.stringify(object);

describe.skipIf(!hasFixtures)('OpenSanctions fixtures', () => {
  test.each([
    ['yente/t1.entities.ftm.json', { person: 4, organization: 2 }, 1],
    ['yente/zala.entities.ftm.json', { person: 6, organization: 11 }, 74],
  ])('%s: people and organizations kept, other schemas skipped', (path, types, skipped) => {
    const result = read(readFixture(path));
    expect(countTypes(result.entities)).toEqual(types);
    expect(result.skipped).toBe(skipped);
    expect(result.warnings).toEqual([]);
    for (const e of result.entities) {
      expect(e.id).toMatch(/^ftm:/);
      expect(e.source).toEqual({ kind: 'import', name: 'OpenSanctions' });
      expect((e.description ?? '').length).toBeLessThanOrEqual(FOREIGN_DESCRIPTION_LENGTH);
    }
  });

  test.each([
    [
      'NK-abdzbEBkqyT29GyREbiURZ',
      'LLC CST',
      'organization',
      'RU',
      ['Zala Aero', 'ЗАЛА АЭРО', 'ザラ・アエロ', 'ZALA', 'Общество с ограниченной ответственностью "ЦСТ"'],
    ],
    [
      'NK-aU5ybkbRFJucf8YMwsJvDw',
      'Alexander Vyacheslavovich ZAKHAROV',
      'person',
      'RU',
      ['Александр Вячеславович Захаров', "Захаров Олександр В'ячеславович", 'Zacharov Aleksandr Vjačeslavovič'],
    ],
    [
      'NK-2Tbri3s6GgNtAwsSXh4qpL',
      'Maria Aleksandrovna Osetrova',
      'person',
      'RU',
      ['OSETROVA, Maria Aleksandrovna', 'Захарова Мария Александровна'],
    ],
    [
      'NK-mCEmxFfuhfdjpC8gsxH74o',
      'Абашкін Костянтин Ігорьович',
      'person',
      'RU',
      ['Abashkin Konstantin', 'Abashkin Kostiantyn Ihorovych'],
    ],
  ])('zala %s is %s with its names in every script', (id, name, type, country, aliases) => {
    const entity = byId(read(readFixture('yente/zala.entities.ftm.json')).entities, id);
    expect(entity).toMatchObject({ name, type, country });
    expect(entity.aliases).toEqual(expect.arrayContaining(aliases));
    expect(entity.aliases).not.toContain(name);
  });

  test('t1: country from nationality when there is no country, role from position, topics as tags', () => {
    const { entities } = read(readFixture('yente/t1.entities.ftm.json'));
    expect(byId(entities, 'NK-2PacmNpiLUmoz4XD2mSt7A')).toMatchObject({
      name: 'IRGC',
      country: 'IR',
      aliases: ['Iranian Revolutionary Guard Corps'],
    });
    expect(byId(entities, 'NK-2Ka3UvopqbpZmVDFjWd4LA')).toMatchObject({
      country: 'RU',
      role: 'General Director of JSC 163 Armor Repair Plant',
      tags: ['sanction'],
    });
    expect(byId(entities, 'NK-2GdmHtZTeNXjNVrBGEXZNj').aliases).toContain(
      'Общество с ограниченной ответственностью “Интер Тобако”',
    );
  });

  test('putin_names.txt: 81 spellings in 16 scripts survive as aliases, byte for byte', () => {
    const names = readFixture('nomenklatura/putin_names.txt')
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean);
    const [entity] = read(line({ id: 'Q7747', schema: 'Person', properties: { name: names, wikidataId: ['Q7747'] } })).entities;
    expect([entity!.name, ...entity!.aliases]).toEqual([...new Set(names)]);
    expect(entity!.qid).toBe('Q7747');
  });
});

describe('FtM JSON lines written by hand', () => {
  const person = {
    id: 'p1',
    schema: 'Person',
    caption: 'Ali Khamenei',
    properties: { name: ['Ali Khamenei', 'علی خامنه‌ای'], weakAlias: ['Rahbar'], country: ['suhh'], wikidataId: ['Q57336'] },
  };

  test('maps schemas, weak aliases, Wikidata id; warns about a country that is not a two-letter code', () => {
    const text = [
      line(person),
      line({ id: 'pb', schema: 'PublicBody', properties: { name: ['Majlis'] } }),
      line({ id: 's', schema: 'Sanction', properties: {} }),
      '',
    ].join('\r\n');
    const result = read(text);
    expect(result.entities.map((e) => [e.id, e.type])).toEqual([
      ['ftm:p1', 'person'],
      ['ftm:pb', 'organization'],
    ]);
    expect(result.entities[0]).toMatchObject({ aliases: ['علی خامنه‌ای', 'Rahbar'], qid: 'Q57336' });
    expect(result.entities[0]).not.toHaveProperty('country');
    expect(result.skipped).toBe(1);
    expect(result.warnings.map((w) => w.message)).toEqual(['Line 1 ("p1"): country "suhh" is not a two-letter code; left out']);
  });

  test('long notes are cut at a word boundary', () => {
    const notes = ['word '.repeat(300)];
    const [entity] = read(line({ ...person, properties: { name: ['X'], notes } })).entities;
    expect(entity!.description!.length).toBeLessThanOrEqual(FOREIGN_DESCRIPTION_LENGTH);
    expect(entity!.description).toMatch(/word…$/);
  });

  test.each([
    [
      'a truncated last line',
      `${line(person)}\n${line(person).slice(0, 40)}`,
      'Line 2, column 41: not valid JSON: the text ends too early',
    ],
    ['a line that is not an entity', `${line(person)}\n{"hello":1}\n`, 'Line 2: not a FollowTheMoney entity'],
    [
      'a property that is not a list',
      `${line(person)}\n${line({ id: 'x', schema: 'Person', properties: { name: 'X' } })}`,
      'Line 2 ("x"): properties.name: expected an array of strings',
    ],
    ['an entity without any name', line({ id: 'x', schema: 'Company', properties: {} }), 'Line 1 ("x"): the name is empty'],
  ])('refuses %s', (_label, text, message) => {
    expect(refusalOf(() => read(text)).message).toContain(message);
  });
});
