/**
 * Token vocabulary: folded token string → dense token id, as an open-addressing hash table over
 * typed arrays. Page tokens are looked up straight from the tokenizer's unit buffer (no string per
 * token), and the table serializes as-is, so a restarted service worker need not rebuild a Map.
 */
import { hashString, hashUnits } from './hash';

/** Token id ↔ folded token, plus the hash table over them. */
export interface Vocabulary {
  /** Units of all tokens, concatenated in id order; token `id` is `chars[offsets[id]..offsets[id + 1])`. */
  chars: Uint16Array;
  offsets: Uint32Array;
  /** Open-addressing table (power-of-two size, linear probing): token id, or -1 for an empty slot. */
  table: Int32Array;
}

/** A vocabulary under construction: ids are handed out in first-seen order. */
export interface VocabularyBuilder extends Vocabulary {
  count: number;
  charCount: number;
}

/** An empty growable vocabulary. */
export function createVocabularyBuilder(): VocabularyBuilder {
  const offsets = new Uint32Array(1024);
  return { chars: new Uint16Array(4096), offsets, table: new Int32Array(2048).fill(-1), count: 0, charCount: 0 };
}

function rehash(v: VocabularyBuilder): void {
  v.table = new Int32Array(v.table.length * 2).fill(-1);
  const mask = v.table.length - 1;
  for (let id = 0; id < v.count; id++) {
    let slot = hashUnits(v.chars, v.offsets[id]!, v.offsets[id + 1]!) & mask;
    while (v.table[slot] !== -1) slot = (slot + 1) & mask;
    v.table[slot] = id;
  }
}

function appendKey(v: VocabularyBuilder, units: ArrayLike<number>, from: number, to: number): number {
  if (v.count + 2 > v.offsets.length) v.offsets = grown(v.offsets, v.count + 2);
  if (v.charCount + to - from > v.chars.length) v.chars = grown(v.chars, v.charCount + to - from);
  for (let k = from; k < to; k++) v.chars[v.charCount++] = units[k]!;
  v.offsets[v.count + 1] = v.charCount;
  return v.count++;
}

function grown<T extends Uint16Array | Uint32Array>(a: T, min: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(min, a.length * 2));
  next.set(a);
  return next;
}

/**
 * Id of the token `units[from..to)`, adding it when new.
 * @example internUnits(builder, tokens.units, tokens.foldStart[t], tokens.foldEnd[t], tokens.hash[t])
 */
export function internUnits(v: VocabularyBuilder, units: ArrayLike<number>, from: number, to: number, hash: number): number {
  const mask = v.table.length - 1;
  let slot = hash & mask;
  for (let id = v.table[slot]!; id !== -1; id = v.table[slot]!) {
    if (equalsAt(v, id, units, from, to)) return id;
    slot = (slot + 1) & mask;
  }
  v.table[slot] = appendKey(v, units, from, to);
  if (v.count * 2 > v.table.length) rehash(v);
  return v.count - 1;
}

/** The finished vocabulary, trimmed to size. */
export function finishVocabulary(v: VocabularyBuilder): Vocabulary {
  return { chars: v.chars.slice(0, v.charCount), offsets: v.offsets.slice(0, v.count + 1), table: v.table };
}

/**
 * Builds the vocabulary; `keys[id]` is the token with that id (keys must be distinct).
 * @example lookupString(buildVocabulary(['iran', 'iraq']), 'iraq') // 1
 */
export function buildVocabulary(keys: readonly string[]): Vocabulary {
  const v = createVocabularyBuilder();
  for (const key of keys) {
    const units = Array.from({ length: key.length }, (_, k) => key.charCodeAt(k));
    internUnits(v, units, 0, units.length, hashUnits(units, 0, units.length));
  }
  return finishVocabulary(v);
}

function equalsAt(v: Vocabulary, id: number, units: ArrayLike<number>, from: number, to: number): boolean {
  const start = v.offsets[id]!;
  if (v.offsets[id + 1]! - start !== to - from) return false;
  for (let k = 0; k < to - from; k++) if (v.chars[start + k] !== units[from + k]) return false;
  return true;
}

/** Id of the token `units[from..to)` whose hash is `hash`, or -1. Allocation-free. */
export function lookupUnits(v: Vocabulary, units: ArrayLike<number>, from: number, to: number, hash: number): number {
  const mask = v.table.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const id = v.table[slot]!;
    if (id === -1 || equalsAt(v, id, units, from, to)) return id;
  }
}

/** Id of a folded token string, or -1. */
export function lookupString(v: Vocabulary, key: string): number {
  const units = Array.from({ length: key.length }, (_, k) => key.charCodeAt(k));
  return lookupUnits(v, units, 0, units.length, hashString(key));
}

/** The folded token with id `id`. */
export function tokenOf(v: Vocabulary, id: number): string {
  return String.fromCharCode(...v.chars.subarray(v.offsets[id], v.offsets[id + 1]));
}
