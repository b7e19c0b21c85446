/**
 * Transliteration folding by rule: a per-token "skeleton" under which the common romanizations of
 * one Arabic, Persian, Russian or Ukrainian name compare equal (Mohammad/Mohammed/Muhammad,
 * Sergei/Sergey/Sergej, Zelensky/Zelenskyy/Zelenskiy, Yevgeny/Evgeny/Yevgeniy, Habibollah/
 * Habibullah, Mikhail/Mihail, Hossein/Hussein/Husayn, Hamid/Hameed, Sayyari/Sayari). It is a
 * SECONDARY key, used only for aliases flagged `fuzzy` (persons), only for folded tokens of ASCII
 * letters a-z of at least `SKELETON_MIN_LENGTH` letters, and an exact match always beats it.
 *
 * The rule, on a folded token:
 * 1. A leading y before a vowel is dropped (iotated Е/Я/Ю romanized with or without y: Yevgeny → evgeny).
 * 2. "kh" → "h" (х/خ romanized kh or h).
 * 3. y is a vowel, except a run of y between two of a/e/i/o/u (Sayyari: the yy is a consonant);
 *    a final j after a vowel is a vowel (Sergej, Zelenskij).
 * 4. Every run of vowels becomes one class letter: "i" if it holds i, y or j, or is exactly "ee";
 *    else "u" if it holds o or u; else "a" (a, e). Vowel QUALITY classes are kept, vowel length
 *    and spelling are not: Hassan (hasan) ≠ Hussein (husin), Putin (putin) ≠ Patin (patin).
 * 5. Consonants are kept in order; a doubled consonant is written once (mm → m, ll → l).
 *
 * Not covered (these stay different): ch vs kh (Michail ≠ Mikhail, which keeps Michael apart),
 * w vs v (Wladimir), x vs ks (Alexander/Aleksandr), q vs g/k (Qaddafi/Gaddafi), inserted or dropped
 * vowels between consonants (Aleksandr/Aleksander), tokens shorter than 5 letters (Iran, Oran and
 * Aran never get a skeleton; short given names like Omar/Umar stay exact) and non-Latin tokens.
 * Known side effects: names that are one name across languages fold together (Sergei/Sergio).
 */

/** Prefix that keeps skeleton keys apart from exact keys in the shared vocabulary ('~' is never inside a token). */
export const SKELETON_PREFIX = '~';

/** Shortest folded token that gets a skeleton key. */
export const SKELETON_MIN_LENGTH = 5;

const A = 97;
const E = 101;
const H = 104;
const I = 105;
const J = 106;
const K = 107;
const O = 111;
const U = 117;
const Y = 121;

function isPlainVowel(c: number | undefined): boolean {
  return c === A || c === E || c === I || c === O || c === U;
}

function isYBetweenVowels(src: ArrayLike<number>, i: number, from: number, to: number): boolean {
  let l = i;
  while (l > from && src[l - 1] === Y) l--;
  let r = i;
  while (r < to && src[r] === Y) r++;
  return l > from && r < to && isPlainVowel(src[l - 1]) && isPlainVowel(src[r]);
}

function isVowelAt(src: ArrayLike<number>, i: number, from: number, to: number): boolean {
  const c = src[i];
  if (isPlainVowel(c)) return true;
  if (c === Y) return !isYBetweenVowels(src, i, from, to);
  return c === J && i === to - 1 && i > from && isPlainVowel(src[i - 1]);
}

/** Writes the class letter of the vowel run at `i` to `out[o]`; returns the index after the run. */
function writeVowelRun(src: ArrayLike<number>, i: number, from: number, to: number, out: Uint16Array, o: number): number {
  const runStart = i;
  let hasI = false;
  let hasU = false;
  for (; i < to && isVowelAt(src, i, from, to); i++) {
    const c = src[i];
    if (c === I || c === Y || c === J) hasI = true;
    else if (c === O || c === U) hasU = true;
  }
  const isEE = i - runStart === 2 && src[runStart] === E && src[runStart + 1] === E;
  out[o] = hasI || isEE ? I : hasU ? U : A;
  return i;
}

/**
 * Writes the skeleton of `src[from..to)` (folded a-z units) to `out` from `at`; returns the end.
 * Allocation-free form of `skeletonKey` for the matcher's hot path. `out` needs `to - from` room.
 */
export function writeSkeleton(src: ArrayLike<number>, from: number, to: number, out: Uint16Array, at: number): number {
  let i = from;
  if (to - from > 1 && src[i] === Y && isPlainVowel(src[i + 1])) i++;
  let o = at;
  let last = -1;
  while (i < to) {
    if (isVowelAt(src, i, from, to)) {
      i = writeVowelRun(src, i, from, to, out, o++);
      last = -1;
      continue;
    }
    let c = src[i]!;
    if (c === K && src[i + 1] === H) {
      c = H;
      i++;
    }
    if (c !== last) out[o++] = c;
    last = c;
    i++;
  }
  return o;
}

/** Whether a folded token gets a skeleton key: only a-z, at least `SKELETON_MIN_LENGTH` letters. */
export function hasSkeleton(key: string): boolean {
  return key.length >= SKELETON_MIN_LENGTH && /^[a-z]+$/.test(key);
}

/**
 * The skeleton of a folded token (see the rule in the module header); `key` itself when the token
 * is not eligible.
 * @example skeletonKey('muhammad') === skeletonKey('mohammed') // both 'muhamad'
 */
export function skeletonKey(key: string): string {
  if (!hasSkeleton(key)) return key;
  const src = Array.from(key, (ch) => ch.charCodeAt(0));
  const out = new Uint16Array(key.length);
  return String.fromCharCode(...out.subarray(0, writeSkeleton(src, 0, src.length, out, 0)));
}
