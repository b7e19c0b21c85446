/**
 * Near-duplicate stories: the same wire story under another address (a partner site, an edited
 * copy, another boilerplate around it) is recognised by its text and grouped, not stored as news.
 *
 * MinHash (Broder 1997) over 3-word shingles, 64 slots of 32 bits: the share of equal slots
 * estimates the Jaccard similarity of the two shingle sets (standard error ≈ 0.06 at 64 slots).
 * Syndicated copies with a byline, a footer and a few edited sentences share most shingles
 * (0.6–0.95); different stories on the same subject, even naming the same actors, share only stock
 * phrases (< 0.1). `DUPLICATE_THRESHOLD` sits between them.
 *
 * LSH banding (Mining of Massive Datasets, ch. 3): 21 bands of 3 slots; two articles become
 * candidates when one band agrees, so finding the group of a new article looks up 21 keys instead
 * of comparing with every stored article. P(candidate) = 1 − (1 − J³)²¹: 0.94 at J = 0.5, 0.998 at
 * J = 0.65, 0.0002 at J = 0.02. The band keys are plain numbers, so IndexedDB can hold them in a
 * multi-entry index (`*bands`); `createDuplicateIndex` is the same lookup in memory.
 */
import { hashString, mix } from '../matcher/hash';

export const SIGNATURE_SLOTS = 64;
export const SHINGLE_WORDS = 3;
export const BANDS = 21;
export const BAND_ROWS = 3;
/** Estimated Jaccard similarity from which two articles are the same story. */
export const DUPLICATE_THRESHOLD = 0.5;

const EMPTY = 0xffffffff;
const WORD = /[\p{L}\p{N}]+/gu;
/** One seed per slot: slot i hashes a shingle as mix(h ^ SEEDS[i]). */
const SEEDS = Int32Array.from({ length: SIGNATURE_SLOTS }, (_, i) => mix(Math.imul(i + 1, 0x9e3779b1)));

function wordHashes(text: string): Int32Array {
  const words = text.toLowerCase().match(WORD) ?? [];
  return Int32Array.from(words, hashString);
}

/**
 * The MinHash signature of a text: 64 unsigned 32-bit minima.
 * @example signatureSimilarity(textSignature(story), textSignature(`By Staff. ${story} Reporting by X.`)) // ≈ 0.9
 */
export function textSignature(text: string): Uint32Array {
  const words = wordHashes(text);
  const signature = new Uint32Array(SIGNATURE_SLOTS).fill(EMPTY);
  const shingles = Math.max(words.length - SHINGLE_WORDS + 1, words.length > 0 ? 1 : 0);
  for (let s = 0; s < shingles; s++) {
    let h = words[s]!;
    for (let k = 1; k < SHINGLE_WORDS && s + k < words.length; k++) h = mix(Math.imul(h, 0x01000193) ^ words[s + k]!);
    for (let i = 0; i < SIGNATURE_SLOTS; i++) {
      const v = mix(h ^ SEEDS[i]!) >>> 0;
      if (v < signature[i]!) signature[i] = v;
    }
  }
  return signature;
}

/** True for the signature of a text without words: it is nobody's duplicate. */
function isEmpty(signature: Uint32Array): boolean {
  return signature.every((v) => v === EMPTY);
}

/** Estimated Jaccard similarity of the two texts' shingle sets, 0..1. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || isEmpty(a) || isEmpty(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * The LSH keys of a signature, one per band: non-negative 30-bit integers (small integers in V8,
 * valid IndexedDB keys). Different bands never share a key by construction of the hash input.
 */
export function bandKeys(signature: Uint32Array): number[] {
  if (isEmpty(signature)) return [];
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix(Math.imul(b + 1, 0x85ebca6b));
    for (let r = 0; r < BAND_ROWS; r++) h = mix(h ^ signature[b * BAND_ROWS + r]!);
    keys.push(h >>> 2);
  }
  return keys;
}

/** Base64 of the signature's bytes (little-endian): 344 characters, JSON- and IndexedDB-friendly. */
export function encodeSignature(signature: Uint32Array): string {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  signature.forEach((v, i) => view.setUint32(i * 4, v, true));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Inverse of `encodeSignature`; null when `text` is not a signature. */
export function decodeSignature(text: string): Uint32Array | null {
  if (!/^[A-Za-z0-9+/]+=*$/.test(text) || text.length !== Math.ceil((SIGNATURE_SLOTS * 4) / 3) * 4) return null;
  const binary = atob(text);
  const view = new DataView(Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer);
  return Uint32Array.from({ length: SIGNATURE_SLOTS }, (_, i) => view.getUint32(i * 4, true));
}

export interface DuplicateMatch {
  id: string;
  similarity: number;
}

/**
 * An in-memory LSH table: articles by band key. Buckets hold one slot number, or an array when
 * several articles share the key, so 50,000 articles cost about a million small map entries.
 */
export function createDuplicateIndex() {
  const buckets = new Map<number, number | number[]>();
  const ids: (string | null)[] = [];
  const signatures: (Uint32Array | null)[] = [];
  const slotOf = new Map<string, number>();

  function bucketAdd(key: number, slot: number) {
    const at = buckets.get(key);
    if (at === undefined) buckets.set(key, slot);
    else if (typeof at === 'number') buckets.set(key, [at, slot]);
    else at.push(slot);
  }

  function bucketRemove(key: number, slot: number) {
    const at = buckets.get(key);
    if (at === slot) buckets.delete(key);
    else if (Array.isArray(at)) {
      const rest = at.filter((s) => s !== slot);
      if (rest.length === 1) buckets.set(key, rest[0]!);
      else buckets.set(key, rest);
    }
  }

  return {
    get size() {
      return slotOf.size;
    },

    add(id: string, signature: Uint32Array): void {
      if (slotOf.has(id)) this.remove(id);
      const slot = ids.length;
      ids.push(id);
      signatures.push(signature);
      slotOf.set(id, slot);
      for (const key of bandKeys(signature)) bucketAdd(key, slot);
    },

    remove(id: string): void {
      const slot = slotOf.get(id);
      if (slot === undefined) return;
      for (const key of bandKeys(signatures[slot]!)) bucketRemove(key, slot);
      ids[slot] = null;
      signatures[slot] = null;
      slotOf.delete(id);
    },

    /** Slots sharing at least one band with `signature`: the only ones `find` compares. */
    candidates(signature: Uint32Array): number[] {
      const seen = new Set<number>();
      for (const key of bandKeys(signature)) {
        const at = buckets.get(key);
        if (at === undefined) continue;
        for (const slot of typeof at === 'number' ? [at] : at) seen.add(slot);
      }
      return [...seen];
    },

    /** Stored articles at least `threshold` similar to `signature`, most similar first. */
    find(signature: Uint32Array, threshold = DUPLICATE_THRESHOLD): DuplicateMatch[] {
      const matches: DuplicateMatch[] = [];
      for (const slot of this.candidates(signature)) {
        const similarity = signatureSimilarity(signature, signatures[slot]!);
        if (similarity >= threshold) matches.push({ id: ids[slot]!, similarity });
      }
      return matches.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
    },
  };
}

export type DuplicateIndex = ReturnType<typeof createDuplicateIndex>;
