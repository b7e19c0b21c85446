import { describe, expect, test } from 'vitest';
import { compileMatcher } from '../../../lib/matcher/compile';
import { matchText } from '../../../lib/matcher/match-text';
import type { AliasEntry } from '../../../lib/matcher/types';

const ALIASES: AliasEntry[] = [
  { text: 'Iran', entityId: 'iran' },
  { text: 'ایران', entityId: 'iran' },
  { text: 'Россия', entityId: 'russia' },
  { text: 'России', entityId: 'russia' },
  { text: '中国', entityId: 'china' },
  { text: 'China', entityId: 'china' },
  { text: 'Turkey', entityId: 'turkey' },
  { text: 'Türkiye', entityId: 'turkey' },
  { text: 'North-South Corridor', entityId: 'instc' },
  { text: 'Tehran', entityId: 'tehran' },
  { text: 'NATO', entityId: 'nato' },
  { text: 'US', entityId: 'usa' },
  { text: 'ICRC', entityId: 'icrc' },
  { text: 'UNESCO', entityId: 'unesco' },
  { text: 'al-Assad', entityId: 'assad' },
  { text: 'Mohammad Javad Zarif', entityId: 'zarif', fuzzy: true },
  { text: 'Volodymyr Zelensky', entityId: 'zelensky', fuzzy: true },
  { text: 'Zelensky', entityId: 'zelensky', fuzzy: true },
  { text: 'Putin', entityId: 'putin', fuzzy: true },
  { text: 'Oran', entityId: 'oran' },
  { text: 'München', entityId: 'munich' },
  { text: 'नरेंद्र मोदी', entityId: 'modi' },
  { text: '東京', entityId: 'tokyo' },
];
const compiled = compileMatcher(ALIASES);

function found(text: string): [string, string][] {
  return matchText(compiled, text).map((s) => [text.slice(s.start, s.end), s.entityId]);
}

describe('matchText across scripts', () => {
  test.each([
    [
      'Russian sentence',
      'Президент России заявил, что Россия готова',
      [
        ['России', 'russia'],
        ['Россия', 'russia'],
      ],
    ],
    ['Persian sentence', 'وزیر امور خارجه ایران گفت', [['ایران', 'iran']]],
    ['Persian with Arabic yeh', 'وزير خارجه ايران', [['ايران', 'iran']]],
    ['Chinese inside a run without spaces', '我爱中国人民', [['中国', 'china']]],
    ['Japanese inside a run', '東京都に住む', [['東京', 'tokyo']]],
    [
      'Türkiye / Turkiye / TÜRKIYE',
      'Türkiye, Turkiye and TÜRKIYE',
      [
        ['Türkiye', 'turkey'],
        ['Turkiye', 'turkey'],
        ['TÜRKIYE', 'turkey'],
      ],
    ],
    ['curly possessive', 'Iran’s navy', [['Iran', 'iran']]],
    ['straight possessive', "Iran's navy", [['Iran', 'iran']]],
    ['en dash matches a hyphen alias', 'the North–South Corridor opened', [['North–South Corridor', 'instc']]],
    [
      'punctuation around names',
      '(Iran), «Tehran».',
      [
        ['Iran', 'iran'],
        ['Tehran', 'tehran'],
      ],
    ],
    [
      'diacritics',
      'Tehrán and Munchen',
      [
        ['Tehrán', 'tehran'],
        ['Munchen', 'munich'],
      ],
    ],
    ['Devanagari', 'प्रधानमंत्री नरेंद्र मोदी ने कहा', [['नरेंद्र मोदी', 'modi']]],
    ['no match inside a longer word', 'Iranian Tehranis Chinatown', []],
    [
      'zero-width chars inside a name',
      'Ira\u200Bn and Teh\u00ADran',
      [
        ['Ira\u200Bn', 'iran'],
        ['Teh\u00ADran', 'tehran'],
      ],
    ],
    ['RTL text with bidi marks', '\u200Fسفر به ایران\u200F و عراق', [['ایران', 'iran']]],
  ] as const)('%s', (_case, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('original offsets', () => {
  test.each([
    ['emoji before the match', '😀🇮🇷 Iran', 7, 11],
    ['astral Han before the match', '𠮷𠮷 中国', 5, 7],
    ['combining accent inside', 'Tehra\u0301n!', 0, 7],
    ['fullwidth letters', 'ＩＲＡＮ', 0, 4],
  ])('%s', (_case, text, start, end) => {
    const [span] = matchText(compiled, text);
    expect([span?.start, span?.end]).toEqual([start, end]);
  });
});

describe('case rules', () => {
  test.each([
    ['lower-case common noun is not the country', 'fine china and roast turkey', []],
    [
      'capitalized name matches',
      'China and Turkey',
      [
        ['China', 'china'],
        ['Turkey', 'turkey'],
      ],
    ],
    ['all caps name matches', 'CHINA', [['CHINA', 'china']]],
    ['acronym needs caps: us / Us', 'let us go, Us too', []],
    [
      'acronym in caps',
      'the US and NATO',
      [
        ['US', 'usa'],
        ['NATO', 'nato'],
      ],
    ],
    ['acronym: Nato is not NATO', 'Nato and Icrc', []],
    ['acronym with possessive', 'NATO’s summit', [['NATO', 'nato']]],
    ['long all-caps alias matches as a name', 'Unesco', [['Unesco', 'unesco']]],
    [
      'alias starting lower-case matches any case',
      'al-Assad and Al-Assad',
      [
        ['al-Assad', 'assad'],
        ['Al-Assad', 'assad'],
      ],
    ],
    [
      'caseless scripts always pass',
      'ایران 中国',
      [
        ['ایران', 'iran'],
        ['中国', 'china'],
      ],
    ],
  ] as const)('%s', (_case, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('transliteration (fuzzy aliases)', () => {
  test.each([
    ['Muhammad Javad Zarif', 'zarif', true],
    ['Mohammed Javad Zarif', 'zarif', true],
    ['Mohammad Javad Zarif', 'zarif', false],
    ['Volodymyr Zelenskyy', 'zelensky', true],
    ['Zelenskiy', 'zelensky', true],
  ])('%s', (text, entityId, fuzzy) => {
    expect(matchText(compiled, text).map((s) => [text.slice(s.start, s.end), s.entityId, s.fuzzy])).toEqual([
      [text, entityId, fuzzy],
    ]);
  });

  test.each([
    ['Patin'], // not Putin
    ['Aran'], // not Oran: short tokens get exact keys only
    ['Muhammad Zarif'], // every token must match
    ['mohammed javad zarif'], // the case rule still applies
  ])('no match: %s', (text) => {
    expect(matchText(compiled, text)).toEqual([]);
  });
});
