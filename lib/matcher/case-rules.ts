/**
 * Case rules: folding makes matching case-insensitive, so these put back the case evidence that
 * separates a name from a word. "china" (porcelain) and "turkey" (the bird) are not the countries,
 * and the pronoun "us" is not the US. Checked on the ORIGINAL text of a candidate span.
 */

/** What an alias requires of the text it matches. */
export const CaseRule = {
  /** The alias starts with a lower-case letter ("al-Assad", "iPhone", "eBay"): any case matches. */
  None: 0,
  /** Default: the match must start with an upper-case letter or a caseless character (中, ا, 7). */
  Name: 1,
  /** All-caps alias of at most `ACRONYM_MAX_LETTERS` letters (NATO, ICRC, UN, US): the text too must be all caps. */
  Acronym: 2,
} as const;
export type CaseRule = (typeof CaseRule)[keyof typeof CaseRule];

/** Longest all-caps alias treated as an acronym (longer ones, like UNESCO, also match "Unesco"). */
export const ACRONYM_MAX_LETTERS = 5;

const LETTER = /\p{L}/gu;
const LOWER = /\p{Ll}/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;

/**
 * The rule an alias imposes, from its own spelling.
 * @example caseRuleOf('NATO') // CaseRule.Acronym
 * @example caseRuleOf('China') // CaseRule.Name
 */
export function caseRuleOf(alias: string): CaseRule {
  if (/^[A-Z][a-z]*(?:[ '.-]+[A-Z][a-z]*)*$/.test(alias) && /[a-z]/.test(alias)) return CaseRule.Name; // fast path: "Kamala Harris"
  const letters = alias.match(LETTER) ?? [];
  const hasLower = letters.some((ch) => LOWER.test(ch));
  if (!hasLower && letters.some((ch) => UPPER.test(ch)) && letters.length <= ACRONYM_MAX_LETTERS) return CaseRule.Acronym;
  return letters[0] !== undefined && LOWER.test(letters[0]) ? CaseRule.None : CaseRule.Name;
}

/** Whether the code point at `at` is an upper-case letter or has no case (digits, Han, Arabic...). */
export function startsLikeName(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  if (unit < 128) return !(unit >= 97 && unit <= 122);
  const ch = String.fromCodePoint(text.codePointAt(at)!);
  return !LOWER.test(ch);
}

function hasNoLowerCase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 97 && unit <= 122) return false;
    if (unit >= 128 && LOWER.test(String.fromCodePoint(text.codePointAt(i)!))) return false;
  }
  return true;
}

/** Whether the original text `[start, end)` satisfies `rule`. */
export function satisfiesCase(rule: CaseRule, text: string, start: number, end: number): boolean {
  if (rule === CaseRule.None) return true;
  if (rule === CaseRule.Name) return startsLikeName(text, start);
  return hasNoLowerCase(text, start, end);
}
