/**
 * Words for topic evidence: folded (case, diacritics, compatibility forms) and cut to a light
 * English stem, so "sanction", "sanctions", "sanctioned" and "sanctioning" are one term, and the
 * keywords in the taxonomy go through exactly the same function as the article text.
 * Deliberately lighter than Porter: it only removes inflection (plural, -ed, -ing), never
 * derivation, so "election" and "elected" stay apart and "nation" is never "nat".
 */

/**
 * A token: an ASCII word, a run of other characters (a word in another script, or punctuation), or
 * an ASCII mark that ends a phrase. The ASCII classes keep the hot path off Unicode regexes.
 */
const TOKEN = /[a-z0-9]+|[^\x00-\x7f\s]+|[.!?;:()[\]"|]/g;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
/** Characters that NFKD changes in ways keywords care about: accented Latin, ligatures, fullwidth forms. */
const DECOMPOSABLE = /[\u00c0-\u02ff\u1e00-\u1eff\ufb00-\ufb06\uff00-\uffef]/;
const MARKS = /\p{M}+/gu;
const VOWEL = /[aeiouy]/;
/** Consonant, vowel, consonant: a stem that lost its final e ("vot" of "voting"). */
const SHORT_SYLLABLE = /^[^aeiouy][aeiouy][^aeiouwxy]$/;
/** Words whose final -s is not a plural, or whose plural is irregular. */
const IRREGULAR: readonly (readonly [string, string])[] = [
  ['news', 'news'],
  ['series', 'series'],
  ['species', 'species'],
  ['crises', 'crisis'],
  ['analyses', 'analysis'],
  ['children', 'child'],
  ['people', 'people'],
  ['women', 'woman'],
  ['men', 'man'],
  ['media', 'media'],
  ['data', 'data'],
  ['mars', 'mars'],
  ['shelling', 'shelling'],
  ['shelled', 'shelling'],
];
const cache = new Map<string, string>(IRREGULAR);
const CACHE_LIMIT = 50_000;

function stripPlural(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') && word.length > 3 ? word.slice(0, -1) : word;
}

function stripVerbEnding(word: string): string {
  const suffix = word.endsWith('ing') ? 'ing' : word.endsWith('ed') && !word.endsWith('eed') ? 'ed' : '';
  if (!suffix) return word;
  const base = word.slice(0, -suffix.length);
  if (base.length < 3 || !VOWEL.test(base)) return word;
  if (base.endsWith('i')) return `${base.slice(0, -1)}y`; // "allied" → "ally"
  const doubled = /([b-df-hj-np-rtv-z])\1$/.test(base) && !/(?:ll|ss|zz)$/.test(base);
  if (doubled) return base.length > 3 ? base.slice(0, -1) : base; // "shipped" → "ship", but "inning" stays "inn"
  return SHORT_SYLLABLE.test(base) ? `${base}e` : base; // "voted" → "vote", as "vote" and "votes"
}

/**
 * The stem of one folded, lower-case word.
 * @example stem('sanctioned') === stem('sanctions') // both 'sanction'
 */
export function stem(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let out = word.length < 4 ? word : stripVerbEnding(stripPlural(word));
  if (out.length > 4 && out.endsWith('e') && !out.endsWith('ee')) out = out.slice(0, -1); // "exercise" = "exercis(ed)"
  if (cache.size > CACHE_LIMIT) {
    cache.clear();
    for (const [from, to] of IRREGULAR) cache.set(from, to);
  }
  cache.set(word, out);
  return out;
}

/**
 * Case, diacritics and compatibility forms folded the same way for text and keywords.
 * @example foldForTopics('Café ＮＡＴＯ') // 'cafe nato'
 */
export function foldForTopics(text: string): string {
  const lower = text.toLowerCase();
  return DECOMPOSABLE.test(lower) ? lower.normalize('NFKD').replace(MARKS, '').toLowerCase() : lower;
}

/** A token's word, or `''` when it only separates (punctuation, a dash, a quote mark). */
function wordOf(token: string): string {
  const code = token.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) ? token : '';
  return LETTER_OR_DIGIT.test(token) ? token : '';
}

/**
 * The words of a text, folded but not stemmed.
 * @example words('Joint maritime PATROLS') // ['joint', 'maritime', 'patrols']
 */
export function words(text: string): string[] {
  return (foldForTopics(text).match(TOKEN) ?? []).map(wordOf).filter(Boolean);
}

/**
 * The stems of a keyword or phrase.
 * @example stemPhrase('Military exercises') // ['military', 'exercis']
 */
export function stemPhrase(text: string): string[] {
  return words(text).map(stem);
}

/** An article as one run of words; `''` marks a boundary no phrase crosses (block, sentence). */
export interface TokenStream {
  stems: string[];
  /** The folded words as written, for the reasons shown. */
  surfaces: string[];
  wordCount: number;
}

/**
 * Folds, splits and stems text blocks in one pass.
 * @example tokenize(['Sanctions bite.']).stems // ['sanction', 'bite', '']
 */
export function tokenize(blocks: readonly string[]): TokenStream {
  const stems: string[] = [];
  const surfaces: string[] = [];
  let wordCount = 0;
  for (const block of blocks) {
    for (const token of foldForTopics(block).match(TOKEN) ?? []) {
      const word = wordOf(token);
      stems.push(word && stem(word));
      surfaces.push(word);
      if (word) wordCount++;
    }
    stems.push('');
    surfaces.push('');
  }
  return { stems, surfaces, wordCount };
}
