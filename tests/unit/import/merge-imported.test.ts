import { describe, expect, test } from 'vitest';
import type { Entity } from '../../../lib/entities/types';
import { mergeImported, parseEntities } from '../../../lib/import';

const iran: Entity = {
  id: 'country:ir',
  name: 'Iran',
  type: 'place',
  aliases: ['ایران'],
  country: 'IR',
  source: { kind: 'pack', ref: 'world-countries' },
};
const sayyari: Entity & { edited: boolean } = {
  id: 'user:person:habibollah-sayyari',
  name: 'Habibollah Sayyari',
  type: 'person',
  aliases: ['Sayyari'],
  description: 'Old text',
  source: { kind: 'user' },
  hidden: true,
  pinned: true,
  edited: true,
};
const imported = (fields: Partial<Entity>): Entity => ({
  id: 'ftm:x',
  name: 'X',
  type: 'person',
  aliases: [],
  source: { kind: 'import', name: 'f' },
  ...fields,
});

describe('mergeImported', () => {
  test.each([
    ['same id', imported({ id: 'user:person:habibollah-sayyari', name: 'Habibollah Sayyari', aliases: ['حبیب‌الله سیاری'] })],
    [
      'same type and folded name, other id',
      imported({ id: 'ftm:NK-1', name: 'HABIBOLLAH  SAYYÂRI', aliases: ['حبیب‌الله سیاری'] }),
    ],
  ])('an incoming entity with the %s updates the existing one', (_label, incoming) => {
    const [, merged] = mergeImported([iran, sayyari], [incoming], 'merge');
    expect(merged).toMatchObject({
      id: sayyari.id,
      hidden: true,
      pinned: true,
      edited: true,
      source: { kind: 'user' },
      description: 'Old text',
    });
    expect(merged!.aliases).toEqual(expect.arrayContaining(['Sayyari', 'حبیب‌الله سیاری']));
  });

  test('incoming non-empty fields win; the old canonical spelling stays as an alias', () => {
    const [merged] = mergeImported(
      [sayyari],
      [imported({ id: sayyari.id, name: 'H. Sayyari', description: 'New text', role: 'Admiral' })],
      'merge',
    );
    expect(merged).toMatchObject({ name: 'H. Sayyari', description: 'New text', role: 'Admiral', hidden: true });
    expect(merged!.aliases).toEqual(['Habibollah Sayyari', 'Sayyari']);
  });

  test('the same name with another type is a different entity', () => {
    const result = mergeImported([iran], [imported({ id: 'ftm:iran', name: 'Iran', type: 'organization' })], 'merge');
    expect(result.map((e) => e.id)).toEqual(['country:ir', 'ftm:iran']);
  });

  test('importing the same file twice changes nothing the second time', () => {
    const file = 'name,type,aliases\nHabibollah Sayyari,person,سیاری\nIRGC,org,Sepah|Pasdaran\nIRGC,ORG,سپاه\n';
    const once = mergeImported([iran], parseEntities(file).entities, 'merge');
    const twice = mergeImported(once, parseEntities(file).entities, 'merge');
    expect(twice).toEqual(once);
    expect(once).toHaveLength(3);
  });

  test('new entities are appended in file order, existing order kept, inputs untouched', () => {
    const existing = [iran, sayyari];
    const snapshot = structuredClone(existing);
    const result = mergeImported(existing, [imported({ id: 'b', name: 'B' }), imported({ id: 'a', name: 'A' })], 'merge');
    expect(result.map((e) => e.id)).toEqual(['country:ir', sayyari.id, 'b', 'a']);
    expect(existing).toEqual(snapshot);
  });

  test('replace makes the file the whole knowledge base', () => {
    const incoming = [imported({ id: 'a', name: 'A' })];
    expect(mergeImported([iran, sayyari], incoming, 'replace')).toEqual(incoming);
  });
});
