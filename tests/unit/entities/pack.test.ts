import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildPack, PACK_PATH } from '../../../scripts/pack/build-pack';
import { STARTER_PACK } from '../../../lib/entities/pack';
import { ENTITY_TYPES } from '../../../lib/entities/types';

const byId = new Map(STARTER_PACK.map((e) => [e.id, e]));
const namesOf = (id: string) => {
  const e = byId.get(id);
  return e ? [e.name, ...e.aliases] : [];
};

describe('starter pack file', () => {
  test('is what the generator makes from the installed data packages', () => {
    expect(JSON.parse(readFileSync(PACK_PATH, 'utf8'))).toEqual(buildPack());
  });

  test('is sorted by unique id, with well-formed entries', () => {
    const ids = STARTER_PACK.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of STARTER_PACK) {
      expect(e.id).toMatch(/^(country|city|org|group|place|event):[a-z0-9-]+$/);
      expect(ENTITY_TYPES).toContain(e.type);
      expect(e.name.trim()).toBe(e.name);
      expect(e.name.length).toBeGreaterThan(1);
      expect(e.description.length).toBeGreaterThan(5);
      expect(e.ref).toMatch(/^(world-countries|wikipedia:\S+)$/);
      for (const a of e.aliases) expect(a.trim(), `${e.id}: "${a}"`).toBe(a);
      expect(new Set(e.aliases.map((a) => a.toLowerCase())).size).toBe(e.aliases.length);
    }
  });

  test('holds every sovereign country with its capital', () => {
    expect(STARTER_PACK.filter((e) => e.tags.includes('country')).length).toBeGreaterThanOrEqual(195);
    expect(STARTER_PACK.filter((e) => e.tags.includes('capital')).length).toBeGreaterThanOrEqual(190);
  });
});

describe('names a reader expects', () => {
  test.each([
    ['country:ir', ['Iran', 'Islamic Republic of Iran', 'Iranian', 'Iranians', 'ایران', 'Иран', '伊朗']],
    ['country:ru', ['Russia', 'Russian Federation', 'Russian', 'Россия', 'روسيا', '俄罗斯']],
    ['country:cn', ['China', "People's Republic of China", 'Chinese', '中国', 'Китай']],
    ['country:us', ['United States', 'US', 'USA', 'American', 'США']],
    ['country:gb', ['United Kingdom', 'UK', 'British']],
    ['city:ir-tehran', ['Tehran']],
    ['city:ru-moscow', ['Moscow']],
    ['city:cn-beijing', ['Beijing']],
    ['org:iran-army', ['Islamic Republic of Iran Army', 'Iranian Army']],
    [
      'org:icrc',
      [
        'International Committee of the Red Cross',
        'ICRC',
        'Международный комитет Красного Креста',
        'اللجنة الدولية للصليب الأحمر',
        '红十字国际委员会',
      ],
    ],
    ['org:nudt', ['National University of Defense Technology']],
    ['place:caspian-sea', ['Caspian Sea', 'Caspian', 'دریای خزر', 'Каспийское море', '里海']],
    ['place:instc', ['North-South Corridor', 'International North-South Transport Corridor']],
    ['place:gaza', ['Gaza', 'Gaza Strip']],
    ['event:xiangshan', ['Xiangshan Security Forum']],
  ])('%s', (id, names) => {
    expect(namesOf(id)).toEqual(expect.arrayContaining(names));
  });

  test('two-letter country codes are not names', () => {
    expect(namesOf('country:ir')).not.toContain('IR');
    expect(namesOf('country:cn')).not.toContain('CN');
  });
});
