/**
 * The character tables behind text folding. News sites mix spelling variants freely (curly and
 * straight apostrophes, en dashes and hyphens, Persian and Arabic yeh), so each table below is one
 * documented rule that makes such variants compare equal. `normalize.ts` applies them.
 */

/** One folding rule: every character of `from` becomes `to`. */
interface CharRule {
  rule: string;
  from: string;
  to: string;
}

/** Replacements applied to each character before and after Unicode decomposition (NFKD). */
export const CHAR_RULES: readonly CharRule[] = [
  // Latin letters that Unicode does not decompose into base + mark (ø is not o + stroke).
  { rule: 'latin-no-decomposition', from: 'øØ', to: 'o' },
  { rule: 'latin-no-decomposition', from: 'łŁŀĿ', to: 'l' },
  { rule: 'latin-no-decomposition', from: 'đĐðÐ', to: 'd' },
  { rule: 'latin-no-decomposition', from: 'ßẞ', to: 'ss' },
  { rule: 'latin-no-decomposition', from: 'æÆ', to: 'ae' },
  { rule: 'latin-no-decomposition', from: 'œŒ', to: 'oe' },
  { rule: 'latin-no-decomposition', from: 'ı', to: 'i' },
  { rule: 'latin-no-decomposition', from: 'þÞ', to: 'th' },
  { rule: 'latin-no-decomposition', from: 'ħĦ', to: 'h' },
  { rule: 'latin-no-decomposition', from: 'ŧŦ', to: 't' },
  { rule: 'latin-no-decomposition', from: 'ƒ', to: 'f' },
  // Apostrophes and single quotes: ’ ‘ ‛ ʼ (modifier letter, used in Ukrainian) ′ ` ´.
  { rule: 'apostrophe', from: '\u2019\u2018\u201B\u02BC\u02B9\u2032`\u00B4\uFF07', to: "'" },
  { rule: 'double-quote', from: '\u201C\u201D\u201E\u201F\u2033\uFF02', to: '"' },
  // Hyphen and dash variants: ‐ ‑ ‒ – — ― − ﹘ ﹣ －.
  { rule: 'dash', from: '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D', to: '-' },
  // Arabic/Persian: yeh (ي Arabic, ی Farsi, ى alef maksura), kaf (ك, ک), teh marbuta ة → heh ه,
  // alef wasla ٱ → alef; tatweel ـ (a stretching stroke) is removed.
  { rule: 'arabic-yeh', from: '\u064A\u06CC\u0649', to: '\u064A' },
  { rule: 'arabic-kaf', from: '\u0643\u06A9', to: '\u0643' },
  { rule: 'arabic-teh-marbuta', from: '\u0629', to: '\u0647' },
  { rule: 'arabic-alef-wasla', from: '\u0671', to: '\u0627' },
  { rule: 'arabic-tatweel', from: '\u0640', to: '' },
  // Cyrillic ё is written е in most Russian text (NFKD would strip the dots too; listed for clarity).
  { rule: 'cyrillic-yo', from: 'ёЁ', to: 'е' },
  { rule: 'greek-final-sigma', from: 'ς', to: 'σ' },
];

function buildCharMap(rules: readonly CharRule[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const { from, to } of rules) for (const ch of from) map.set(ch.codePointAt(0)!, to);
  return map;
}

/** `CHAR_RULES` as a code point lookup. */
export const CHAR_MAP: ReadonlyMap<number, string> = buildCharMap(CHAR_RULES);

/**
 * Combining marks that are diacritics on a letter and are stripped: Latin/Greek/Cyrillic accents,
 * Hebrew niqqud, Arabic harakat and hamza above/below (so أ إ آ fold to ا), variation selectors.
 * Marks of other scripts (Devanagari matras, Thai vowels, kana voicing) are letters in all but
 * name and are kept.
 */
const STRIPPED_MARK_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05c7],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
  [0xe0100, 0xe01ef],
];

const MARK = /\p{M}/u;

/** Whether `cp` is a combining mark that folding removes. */
export function isStrippedMark(cp: number): boolean {
  if (!MARK.test(String.fromCodePoint(cp))) return false;
  return STRIPPED_MARK_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** First code point (the digit zero) of decimal digit sets folded to ASCII 0-9. */
const DIGIT_ZEROS: readonly number[] = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0e50, 0x0ed0, 0x1040, 0x17e0];

/** The ASCII digit for an Arabic-Indic, Persian, Devanagari, Bengali, Gurmukhi, Thai, Lao, Myanmar or Khmer digit. */
export function asciiDigit(cp: number): string | undefined {
  for (const zero of DIGIT_ZEROS) if (cp >= zero && cp <= zero + 9) return String(cp - zero);
  return undefined;
}

/**
 * Scripts written without spaces between words: every letter is its own token there, so a name
 * matches anywhere inside a run ("中国" inside "我爱中国人民"). Script_Extensions so that the
 * prolonged sound mark ー counts as kana.
 */
export const NO_SPACE_SCRIPT =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;
