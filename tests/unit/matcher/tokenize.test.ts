import { describe, expect, test } from 'vitest';
import { tokenize, tokenKeys } from '../../../lib/matcher/tokenize';

function spans(text: string): string[] {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.start[i], t.end[i]));
}

describe('tokenKeys: word boundaries in every script', () => {
  test.each([
    ['Latin', 'The Islamic Republic of Iran', ['the', 'islamic', 'republic', 'of', 'iran']],
    ['possessive with ’', 'Iran’s navy', ['iran', 's', 'navy']],
    ["possessive with '", "Iran's navy", ['iran', 's', 'navy']],
    ['hyphen and en dash split', 'North-South North–South', ['north', 'south', 'north', 'south']],
    ['punctuation around names', '(Iran), "Iraq"; Syria.', ['iran', 'iraq', 'syria']],
    ['digits are word characters', 'G7 and 2024', ['g7', 'and', '2024']],
    ['Cyrillic', 'Президент России Владимир', ['президент', 'россии', 'владимир']],
    ['Persian with ZWNJ inside a word', 'رئیس‌جمهور ایران', ['رييسجمهور', 'ايران']],
    ['Arabic', 'الرئيس المصري', ['الرييس', 'المصري']],
    ['Greek', 'Η Αθήνα', ['η', 'αθηνα']],
    ['Hebrew', 'ירושלים היא', ['ירושלים', 'היא']],
    ['Devanagari keeps its vowel signs', 'नरेंद्र मोदी', ['नरेंद्र', 'मोदी']],
    ['Han: one token per character', '我爱中国', ['我', '爱', '中', '国']],
    ['Japanese kana', '東京タワー', ['東', '京', 'タ', 'ワ', 'ー']],
    ['Thai: one token per letter with its marks', 'ที่ไทย', ['ที่', 'ไ', 'ท', 'ย']],
    ['Han next to Latin and digits', 'iPhone15在中国', ['iphone15', '在', '中', '国']],
    ['zero-width characters do not split', 'Ira\u200Bn Te\u200Dhran', ['iran', 'tehran']],
    ['emoji separate', 'Iran😀Iraq', ['iran', 'iraq']],
  ])('%s', (_script, text, expected) => {
    expect(tokenKeys(text)).toEqual(expected);
  });
});

describe('tokenize: original offsets', () => {
  test.each([
    ['emoji before', '😀😀 Iran', ['Iran']],
    ['astral Han is one token', 'x𠮷y 𠮷', ['x', '𠮷', 'y', '𠮷']],
    ['zero-width inside stays inside, outside stays out', '\u200BIra\u200Bn\u200B ok', ['Ira\u200Bn', 'ok']],
    ['combining accent after the word is part of it', 'Rene\u0301 said', ['Rene\u0301', 'said']],
    ['possessive not part of the name', 'Iran’s', ['Iran', 's']],
    ['RTL with bidi marks', '\u200Fایران\u200F و عراق', ['ایران', 'و', 'عراق']],
  ])('%s', (_case, text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  test('reuses one buffer across calls without leaking old tokens', () => {
    const buffer = tokenize('one two three four five');
    expect(tokenize('six', buffer).count).toBe(1);
    expect(spans('six')).toEqual(['six']);
  });
});
