/**
 * Word boundaries that work in every script. In spaced scripts a token is a run of letters, marks
 * and digits; in scripts without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) each letter (with
 * its marks) is a token, so a name matches anywhere inside a run. Apostrophes, hyphens and all
 * other punctuation split tokens: "Iran’s" is "iran" + "s", so a trailing possessive is never part
 * of a name and a span always ends at a token end. Format characters (zero-width, bidi) are skipped
 * without splitting, so "Ira\u200Bn" is one token. Tokens carry ORIGINAL UTF-16 offsets and their
 * folded units live in one shared buffer: the hot path allocates no string per token.
 */
import { FNV_PRIME, FNV_SEED, mix } from './hash';
import { CharClass, charClass, foldCodePoint, foldUnit } from './normalize';

/** Tokens of one text, in struct-of-arrays form; reuse one instance across calls. */
export interface Tokens {
  count: number;
  /** Original `[start, end)` in UTF-16 units. */
  start: Int32Array;
  end: Int32Array;
  /** Folded form: `units[foldStart..foldEnd)`. */
  foldStart: Int32Array;
  foldEnd: Int32Array;
  hash: Int32Array;
  /** 1 when the folded token is only ASCII a-z (eligible for the transliteration skeleton). */
  latin: Uint8Array;
  units: Uint16Array;
}

/** Empty token buffers sized for about `chars` characters of text. */
export function createTokens(chars = 64): Tokens {
  const n = Math.max(16, chars >> 2);
  const ints = () => new Int32Array(n);
  const units = new Uint16Array(chars + 64);
  return {
    count: 0,
    start: ints(),
    end: ints(),
    foldStart: ints(),
    foldEnd: ints(),
    hash: ints(),
    latin: new Uint8Array(n),
    units,
  };
}

function grow<T extends Int32Array | Uint8Array | Uint16Array>(a: T, min: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(min, a.length * 2));
  next.set(a);
  return next;
}

function growTokens(out: Tokens): void {
  const n = out.count + 1;
  out.start = grow(out.start, n);
  out.end = grow(out.end, n);
  out.foldStart = grow(out.foldStart, n);
  out.foldEnd = grow(out.foldEnd, n);
  out.hash = grow(out.hash, n);
  out.latin = grow(out.latin, n);
}

/** Records a token; `hash` is the running FNV state over its units (hash.ts, before `mix`). */
function pushToken(out: Tokens, start: number, end: number, fold0: number, fold1: number, hash: number, latin: number): void {
  if (fold1 === fold0) return; // only stripped marks: nothing to match
  if (out.count === out.start.length) growTokens(out);
  const t = out.count++;
  out.start[t] = start;
  out.end[t] = end;
  out.foldStart[t] = fold0;
  out.foldEnd[t] = fold1;
  out.hash[t] = mix(hash);
  out.latin[t] = latin;
}

/** Appends the folded units of a code point that does not fold to exactly one unit. */
function writeFold(out: Tokens, u: number, cp: number): number {
  const s = foldCodePoint(cp);
  for (let k = 0; k < s.length; k++) out.units[u++] = s.charCodeAt(k);
  return u;
}

const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, cp) => charClass(cp));
const ASCII_UNIT = Int32Array.from({ length: 128 }, (_, cp) => foldUnit(cp));

/**
 * Splits `text` into tokens (see the module header), overwriting `out`.
 * @example tokenKeys('Iran’s North–South') // ['iran', 's', 'north', 'south']
 */
export function tokenize(text: string, out: Tokens = createTokens(text.length)): Tokens {
  out.count = 0;
  let u = 0;
  let open = 0; // CharClass.Word or CharClass.Solo while a token is open, else 0
  let tokStart = 0;
  let tokEnd = 0;
  let fold0 = 0;
  let hash = FNV_SEED;
  let latin = 1;
  for (let i = 0, n = text.length; i < n;) {
    let cp = text.charCodeAt(i);
    let width = 1;
    let cls: number;
    let unit: number;
    if (cp < 128) {
      cls = ASCII_CLASS[cp]!;
      unit = ASCII_UNIT[cp]!;
    } else {
      const lo = cp >= 0xd800 && cp <= 0xdbff && i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        width = 2;
      }
      cls = charClass(cp);
      unit = cp > 0xffff ? -1 : foldUnit(cp);
    }
    const isLetter = cls === CharClass.Word || cls === CharClass.Solo;
    if (isLetter && open !== 0 && (cls === CharClass.Solo || open === CharClass.Solo)) {
      pushToken(out, tokStart, tokEnd, fold0, u, hash, latin);
      open = 0;
    }
    if (isLetter || (cls === CharClass.Mark && (open !== 0 || foldCodePoint(cp) !== ''))) {
      // A mark belongs to the letter before it; a stray kept mark after a separator starts a word.
      if (open === 0) {
        open = isLetter ? cls : CharClass.Word;
        tokStart = i;
        fold0 = u;
        hash = FNV_SEED;
        latin = 1;
      }
      if (u + 32 > out.units.length) out.units = grow(out.units, u + 64);
      const u0 = u;
      if (unit >= 0) out.units[u++] = unit;
      else u = writeFold(out, u, cp);
      for (let k = u0; k < u; k++) {
        const c = out.units[k]!;
        hash = Math.imul(hash ^ c, FNV_PRIME);
        if (c < 97 || c > 122) latin = 0;
      }
      tokEnd = i + width;
    } else if (cls === CharClass.Separator && open !== 0) {
      pushToken(out, tokStart, tokEnd, fold0, u, hash, latin);
      open = 0;
    }
    i += width;
  }
  if (open !== 0) pushToken(out, tokStart, tokEnd, fold0, u, hash, latin);
  return out;
}

/** The folded string of token `t`. */
export function tokenKey(tokens: Tokens, t: number): string {
  return String.fromCharCode(...tokens.units.subarray(tokens.foldStart[t], tokens.foldEnd[t]));
}

/** Folded token strings of `text` (compile time and tests; allocates). */
export function tokenKeys(text: string): string[] {
  const tokens = tokenize(text);
  return Array.from({ length: tokens.count }, (_, t) => tokenKey(tokens, t));
}
