/**
 * FNV-1a over UTF-16 code units, finished with an avalanche step. Shared by the vocabulary (hashing alias tokens at compile time)
 * and the tokenizer (hashing page tokens straight from its unit buffer, with no string per token).
 */

/** FNV-1a 32-bit offset basis, as a signed int. */
export const FNV_SEED = 0x811c9dc5 | 0;
/** FNV-1a 32-bit prime. */
export const FNV_PRIME = 0x01000193;

/**
 * Final avalanche (MurmurHash3 fmix32): tables index by the LOW bits, which plain FNV and
 * multiplicative hashes mix poorly.
 */
export function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Hash of `units[from..to)`. */
export function hashUnits(units: ArrayLike<number>, from: number, to: number): number {
  let h = FNV_SEED;
  for (let i = from; i < to; i++) h = Math.imul(h ^ units[i]!, FNV_PRIME);
  return mix(h);
}

/**
 * Hash of a string's code units; equals `hashUnits` over the same units.
 * @example hashString('iran') === hashUnits(new Uint16Array([105, 114, 97, 110]), 0, 4) // true
 */
export function hashString(s: string): number {
  let h = FNV_SEED;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return mix(h);
}
