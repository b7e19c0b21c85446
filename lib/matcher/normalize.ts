/**
 * Text folding: the one definition of "the same spelling" shared by aliases and page text. Matching
 * runs on folded text but spans must point into the original, so folding works per code point and
 * keeps an offset map (a surrogate pair is one code point and is never split).
 *
 * Rules, applied to each code point in this order:
 * 1. Format characters (Unicode Cf: ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, bidi marks
 *    LRM/RLM/ALM and embeddings/isolates) are removed.
 * 2. `CHAR_RULES` replacements (fold-rules.ts): quotes and apostrophes → ', dashes → -, Latin
 *    letters without a decomposition (ø→o ł→l đ→d ß→ss æ→ae œ→oe ı→i þ→th), Arabic/Persian yeh,
 *    kaf, teh marbuta → heh, tatweel removed, Cyrillic ё→е, Greek final sigma.
 * 3. Non-ASCII decimal digits (Arabic-Indic, Persian, Devanagari, Thai...) → ASCII digits.
 * 4. Letters, digits and marks: compatibility decomposition (NFKD: fullwidth Ａ→a, ligature ﬁ→fi,
 *    ① → 1, halfwidth kana → kana), diacritic marks stripped (`isStrippedMark`: accents, Arabic
 *    harakat and hamza, Hebrew niqqud; marks that are letters in Indic or Thai are kept), then
 *    lower-cased (case folding) and decomposed and stripped again (İ → i, not i + dot), then rule 2
 *    again on the result (Ø → ø → o). The folded form stays decomposed (NFKD).
 * 5. Whitespace (any `\s`) → one space; `foldText` collapses runs of it.
 * Symbols and punctuation are otherwise kept as they are (™ is not "tm").
 */
import { asciiDigit, CHAR_MAP, isStrippedMark, NO_SPACE_SCRIPT } from './fold-rules';

/** How the tokenizer treats a code point. */
export const CharClass = { Separator: 0, Word: 1, Solo: 2, Mark: 3, Invisible: 4 } as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

const FORMAT = /\p{Cf}/u;
const LETTER_DIGIT_MARK = /[\p{L}\p{N}\p{M}]/u;
const LETTER_DIGIT = /^[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const SPACE = /\s/u;

function stripMarks(s: string): string {
  let out = '';
  for (const ch of s) if (!isStrippedMark(ch.codePointAt(0)!)) out += ch;
  return out;
}

function applyCharMap(s: string): string {
  let out = '';
  for (const ch of s) out += CHAR_MAP.get(ch.codePointAt(0)!) ?? ch;
  return out;
}

function computeFold(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (FORMAT.test(ch)) return '';
  const mapped = CHAR_MAP.get(cp);
  if (mapped !== undefined) return mapped;
  const digit = asciiDigit(cp);
  if (digit !== undefined) return digit;
  if (SPACE.test(ch)) return ' ';
  if (!LETTER_DIGIT_MARK.test(ch)) return ch;
  const lower = stripMarks(ch.normalize('NFKD')).toLowerCase();
  return applyCharMap(stripMarks(lower.normalize('NFKD')));
}

function computeClass(cp: number, folded: string): CharClass {
  const ch = String.fromCodePoint(cp);
  if (folded === '') return MARK.test(ch) ? CharClass.Mark : CharClass.Invisible;
  if (MARK.test(ch)) return CharClass.Mark;
  if (!LETTER_DIGIT_MARK.test(ch) || !LETTER_DIGIT.test(folded)) return CharClass.Separator;
  return NO_SPACE_SCRIPT.test(ch) ? CharClass.Solo : CharClass.Word;
}

// Caches: BMP code points in dense tables (the tokenizer's hot path), the rest in a Map.
const bmpClass = new Uint8Array(0x10000); // class + 1; 0 = not computed yet
const bmpUnit = new Uint16Array(0x10000); // the folded form when it is one code unit, else OTHER
const bmpOther = new Map<number, string>(); // folded forms of any other length
const OTHER = 0xffff; // a noncharacter: never a folded unit
const astral = new Map<number, { cls: CharClass; folded: string }>();

function fillBmp(cp: number): void {
  const folded = computeFold(cp);
  bmpClass[cp] = computeClass(cp, folded) + 1;
  bmpUnit[cp] = folded.length === 1 ? folded.charCodeAt(0) : OTHER;
  if (folded.length !== 1) bmpOther.set(cp, folded);
}

function astralEntry(cp: number): { cls: CharClass; folded: string } {
  let entry = astral.get(cp);
  if (!entry) {
    const folded = computeFold(cp);
    entry = { cls: computeClass(cp, folded), folded };
    astral.set(cp, entry);
  }
  return entry;
}

/** Tokenizer class of a code point (cached). */
export function charClass(cp: number): CharClass {
  if (cp > 0xffff) return astralEntry(cp).cls;
  if (bmpClass[cp] === 0) fillBmp(cp);
  return (bmpClass[cp]! - 1) as CharClass;
}

/**
 * The folded form of one code point (cached), per the rules in this module's header.
 * @example foldCodePoint('Ø'.codePointAt(0)!) // 'o'
 */
export function foldCodePoint(cp: number): string {
  if (cp > 0xffff) return astralEntry(cp).folded;
  if (bmpClass[cp] === 0) fillBmp(cp);
  return bmpUnit[cp] === OTHER ? bmpOther.get(cp)! : String.fromCharCode(bmpUnit[cp]!);
}

/** Single-unit folded form of a BMP code point, or -1 when it folds to 0 or 2+ units. Hot path. */
export function foldUnit(cp: number): number {
  if (bmpClass[cp] === 0) fillBmp(cp);
  const unit = bmpUnit[cp]!;
  return unit === OTHER ? -1 : unit;
}

/** Folded text with `offsets[i]` = index in the original of folded unit `i` (`offsets[length]` = original length). */
export interface FoldedText {
  text: string;
  offsets: Int32Array;
}

/**
 * Folds a whole text and keeps the way back to original offsets.
 * @example
 * const f = foldText('Tehrán’s'); // f.text === "tehran's"
 * f.offsets[f.text.length - 1]   // 7: the s is at index 7 of the original
 */
export function foldText(text: string): FoldedText {
  const units: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const folded = foldCodePoint(cp);
    const collapse = folded === ' ' && units[units.length - 1] === ' ';
    for (let k = 0; !collapse && k < folded.length; k++) {
      units.push(folded[k]!);
      offsets.push(i);
    }
    i += cp > 0xffff ? 2 : 1;
  }
  offsets.push(text.length);
  return { text: units.join(''), offsets: Int32Array.from(offsets) };
}
