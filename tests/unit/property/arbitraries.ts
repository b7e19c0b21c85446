/**
 * Hostile text for the property tests (issue 8: random Unicode, surrogate pairs, RTL text,
 * zero-width and bidi controls, huge inputs). Every generator yields well-formed UTF-16 unless its
 * name says otherwise, so a lone surrogate in an output is the code's doing.
 */
import fc from 'fast-check';
import { vi } from 'vitest';

// A failure found on a big input (130 tags of hostile text) can shrink for minutes on this shared
// machine: stop shrinking after a while and report the smallest counterexample so far (a failure
// stays a failure; fast-check prints the seed and path to replay it).
fc.configureGlobal({ interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false });
// Five engineers share two cores: a property of a few hundred runs may take longer than Vitest's 5 s.
vi.setConfig({ testTimeout: 60_000 });

/** Format characters (Unicode Cf) that pages and files carry: zero-width, joiners, BOM, soft hyphen. */
export const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
/** Bidi controls: marks, embeddings, overrides, isolates. */
export const BIDI = [
  '\u200E',
  '\u200F',
  '\u061C',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
/** Code points outside the BMP (two UTF-16 units each): emoji, Han extension B, math letters. */
export const ASTRAL = ['😀', '𠮷', '𝐀', '𝔘', '🇮🇷', '👩🏽‍🚀', '𓀀'];
const SEPARATORS = [' ', ' ', '\u00A0', '\t', '\n', ', ', '. ', ' - ', ' – ', '’s ', '"', '(', ')'];

/** Real names in right-to-left scripts (Arabic, Persian with ZWNJ, Hebrew), with and without diacritics. */
export const RTL_NAMES = [
  'محمد جواد ظريف',
  'حبیب‌الله سیاری',
  'عباس عراقچی',
  'مُحَمَّد',
  'أحمد',
  'فاطمة',
  'ايـــران',
  'בנימין נתניהו',
  'יִשְׂרָאֵל',
  'تهران',
];

const codePoint = (from: number, to: number) => fc.integer({ min: from, max: to }).map((cp) => String.fromCodePoint(cp));

/** One character (code point) from the places that break text code. */
export const hostileChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') },
  { weight: 2, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 2, arbitrary: fc.constantFrom(...ZERO_WIDTH, ...BIDI) },
  { weight: 2, arbitrary: fc.constantFrom(...ASTRAL) },
  { weight: 1, arbitrary: codePoint(0x0621, 0x064a) }, // Arabic letters
  { weight: 1, arbitrary: codePoint(0x064b, 0x0652) }, // Arabic harakat
  { weight: 1, arbitrary: codePoint(0x05d0, 0x05ea) }, // Hebrew letters
  { weight: 1, arbitrary: fc.constantFrom('پ', 'چ', 'ژ', 'گ', 'ی', 'ک', '۱', '۴') }, // Persian
  { weight: 1, arbitrary: codePoint(0x0300, 0x036f) }, // combining accents
  { weight: 1, arbitrary: fc.constantFrom('É', 'ß', 'İ', 'ı', 'Ø', 'ﬁ', 'Ａ', 'ǅ', 'ς', 'Ё', '中', '国', 'ﾃ', 'क', 'ि', 'ก') },
  { weight: 1, arbitrary: fc.constantFrom("'", '’', '"', '|', ';', ',', '\\', '=', '-', '–', '{', '}', '[', ']', ':') },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\r', '\r\n', '\u2028', '\uFFFD') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, // any code point
);

/** A string of hostile characters (well-formed UTF-16). */
export const hostileString = (maxLength = 40): fc.Arbitrary<string> =>
  fc.array(hostileChar, { maxLength }).map((chars) => chars.join(''));

/** A capitalized Latin word, sometimes with a diacritic, a zero-width character or an astral letter inside. */
export const latinWord: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('A', 'B', 'Ch', 'D', 'É', 'G', 'H', 'K', 'M', 'N', 'Ø', 'S', 'T', 'Z', 'İ'),
    fc.array(fc.constantFrom('a', 'e', 'i', 'o', 'u', 'y', 'r', 'n', 's', 'h', 'k', 'l', 'm', 'á', 'ö', 'ß', 'ł'), {
      minLength: 1,
      maxLength: 8,
    }),
    fc.option(fc.constantFrom(...ZERO_WIDTH, ...BIDI, '𝐀'), { freq: 4 }),
  )
  .map(([head, tail, inner]) => {
    const word = head + tail.join('');
    if (inner === null) return word;
    const at = 1 + (word.length >> 1);
    return word.slice(0, at) + inner + word.slice(at);
  });

/** A word of a right-to-left script, from real names or random letters, maybe with harakat or ZWNJ. */
export const rtlWord: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...RTL_NAMES.flatMap((name) => name.split(' '))),
  fc.array(fc.oneof(codePoint(0x0627, 0x064a), codePoint(0x05d0, 0x05ea)), { minLength: 2, maxLength: 7 }).map((l) => l.join('')),
);

/** A word of a script without spaces, or containing astral code points. */
export const otherWord: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('中国', '北京', '東京', 'テスト', 'ไทย', 'Россия', 'Ёлка', 'Αθήνα', 'नरेन्द्र'),
  fc.array(fc.constantFrom(...ASTRAL, 'a', 'B'), { minLength: 1, maxLength: 4 }).map((l) => l.join('')),
);

/** A name: one to three words of one kind (Latin, RTL or other). */
export const nameText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(latinWord, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')) },
  { weight: 2, arbitrary: fc.array(rtlWord, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.array(otherWord, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')) },
);

/** Text made of names and hostile pieces between separators. */
export const mixedText = (maxPieces = 30): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(nameText, hostileString(8), fc.constantFrom(...SEPARATORS)), { maxLength: maxPieces })
    .map((pieces) => pieces.join(''));

/** True when `text` holds a high surrogate without its low half, or a low one without its high half. */
export function hasLoneSurrogate(text: string): boolean {
  return !text.isWellFormed();
}

/** Code point boundaries of `text` (UTF-16 offsets where a code point starts, plus the length). */
export function codePointBoundaries(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i += text.codePointAt(i)! > 0xffff ? 2 : 1) out.push(i);
  out.push(text.length);
  return out;
}

/** Whether offset `at` of `text` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Inserts `chars` at code point boundaries of `text` (positions taken modulo the boundary count). */
export function insertAtBoundaries(text: string, inserts: readonly [number, string][]): string {
  const bounds = codePointBoundaries(text);
  const at = new Map<number, string>();
  for (const [position, ch] of inserts) {
    const offset = bounds[position % bounds.length]!;
    at.set(offset, (at.get(offset) ?? '') + ch);
  }
  let out = '';
  for (let i = 0; i <= text.length; i++) {
    out += at.get(i) ?? '';
    if (i < text.length) out += text[i];
  }
  return out;
}

/**
 * Numbers of runs: small enough that the whole property suite stays well under 30 s on a shared
 * 2-core machine. `PROPERTY_RUNS=500 npx vitest run tests/unit/property` digs deeper.
 */
export function runs(base: number): number {
  const scale = Number(process.env.PROPERTY_RUNS ?? '0');
  return scale > 0 ? Math.max(base, scale) : base;
}
