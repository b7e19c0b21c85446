import { describe, expect, test } from 'vitest';
import { CHAR_RULES } from '../../../lib/matcher/fold-rules';
import { foldCodePoint, foldText } from '../../../lib/matcher/normalize';

const fold = (text: string) => foldText(text).text;

describe('foldText: one row per folding rule', () => {
  test.each([
    ['case folding', 'TEHRAN Tehran', 'tehran tehran'],
    ['case folding, Cyrillic and Greek', 'РОССИЯ ΑΘΗΝΑ', 'россия αθηνα'],
    ['diacritics (NFKD + marks removed)', 'Tehrán Türkiye Çankaya Ñandú', 'tehran turkiye cankaya nandu'],
    ['Turkish dotted capital I', 'İstanbul', 'istanbul'],
    ['Latin letters without decomposition', 'Ø ø Łódź đ Đ ß ẞ Æ æ œ ı þ', 'o o lodz d d ss ss ae ae oe i th'],
    ['compatibility forms: fullwidth Latin', 'ＮＡＴＯ１２', 'nato12'],
    ['compatibility forms: ligatures', 'ﬁnance ﬂow', 'finance flow'],
    ['apostrophes and single quotes', 'Iran’s Iran‘s Iranʼs Iran′s Iran`s', "iran's iran's iran's iran's iran's"],
    ['double quotes', '“Iran” „x“', '"iran" "x"'],
    ['hyphens and dashes', 'a‐b a‑b a‒b a–b a—b a―b a−b', 'a-b a-b a-b a-b a-b a-b a-b'],
    ['Arabic/Persian yeh (ي ی ى)', 'علي علی على', 'علي علي علي'],
    ['Arabic/Persian kaf (ك ک)', 'كتاب کتاب', 'كتاب كتاب'],
    ['teh marbuta folds to heh', 'فاطمة فاطمه', 'فاطمه فاطمه'],
    ['tatweel removed', 'ايـــران', 'ايران'],
    ['harakat removed', 'مُحَمَّد', 'محمد'],
    ['hamza on alef removed', 'أحمد إيران آمل', 'احمد ايران امل'],
    ['Persian and Arabic-Indic digits', '۱۴۰۲ ٢٠٢٤', '1402 2024'],
    ['Cyrillic ё → е', 'Ёлка Фёдор', 'елка федор'],
    [
      'zero-width and format characters removed',
      'Ira\u200Bn Te\u200Chr\u200Dan Ira\u00ADq \u200FIran\u200E',
      'iran tehran iraq iran',
    ],
    ['whitespace runs collapsed', 'Iran \u00A0\t\n Iraq', 'iran iraq'],
    ['symbols kept as they are', 'Acme™ 😀', 'acme™ 😀'],
    ['Han and kana unchanged', '中国 テスト', '中国 テスト'],
    ['halfwidth kana → kana (decomposed)', 'ﾃｽﾄ', 'テスト'],
  ])('%s', (_rule, input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('foldText offsets map back to the original', () => {
  test.each([
    ['Tehrán’s', "tehran's", [0, 1, 2, 3, 4, 5, 6, 7, 8]],
    ['Straße', 'strasse', [0, 1, 2, 3, 4, 4, 5, 6]],
    ['a\u200Bb', 'ab', [0, 2, 3]],
    ['😀 x', '😀 x', [0, 0, 2, 3, 4]],
    ['a  \n b', 'a b', [0, 1, 5, 6]],
  ])('%s', (input, folded, offsets) => {
    const f = foldText(input);
    expect(f.text).toBe(folded);
    expect(Array.from(f.offsets)).toEqual(offsets);
  });

  test('never points into the middle of a surrogate pair', () => {
    const input = '𠮷野家 😀 𝐀';
    const f = foldText(input);
    expect(f.text).toBe('𠮷野家 😀 a');
    const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
    expect(Array.from(f.offsets).filter((at) => isLowSurrogate(input.charCodeAt(at)))).toEqual([]);
  });
});

describe('CHAR_RULES', () => {
  test('maps no character twice and every rule is named', () => {
    const seen = new Set<string>();
    for (const { rule, from } of CHAR_RULES) {
      expect(rule).toMatch(/^[a-z-]+$/);
      for (const ch of from) {
        expect(seen.has(ch), `${ch} in two rules`).toBe(false);
        seen.add(ch);
      }
    }
  });

  test.each(CHAR_RULES.flatMap(({ rule, from, to }) => [...from].map((ch) => [rule, ch, to] as const)))(
    '%s: %s → %s',
    (_rule, ch, to) => {
      expect(foldCodePoint(ch.codePointAt(0)!)).toBe(to);
    },
  );
});
