/**
 * The one linear pass: every page token is looked up in the vocabulary (exact key, plus skeleton
 * key when fuzzy aliases exist) and advances two automaton threads, one per trie. Each key ending
 * at a token whose case rule holds becomes a candidate; `bestLength[start]` keeps the longest
 * candidate per start token for leftmost-longest resolution. Scratch buffers are reused across
 * calls (matching is synchronous) so the hot loop allocates nothing per token.
 */
import { step } from './aho-corasick';
import { satisfiesCase, type CaseRule } from './case-rules';
import { hashUnits } from './hash';
import { SKELETON_MIN_LENGTH, SKELETON_PREFIX, writeSkeleton } from './skeleton';
import type { Tokens } from './tokenize';
import { EXACT_ROOT, SKELETON_ROOT } from './trie-builder';
import type { CompiledMatcher } from './types';
import { lookupUnits } from './vocabulary';

/** Candidates of one scan, struct-of-arrays; `start`/`end` are token indices (inclusive end). */
export interface Candidates {
  count: number;
  start: Int32Array;
  end: Int32Array;
  pattern: Int32Array;
  /** Per start token: length in tokens of the longest candidate starting there (0 = none). */
  bestLength: Int32Array;
}

const scratch: Candidates = {
  count: 0,
  start: new Int32Array(256),
  end: new Int32Array(256),
  pattern: new Int32Array(256),
  bestLength: new Int32Array(1024),
};
let skeletonUnits = new Uint16Array(256);

function growCandidates(c: Candidates): void {
  for (const field of ['start', 'end', 'pattern'] as const) {
    const next = new Int32Array(c[field].length * 2);
    next.set(c[field]);
    c[field] = next;
  }
}

/** Whether some alias of `pattern` accepts the case of the original text it covers. */
function isCaseAllowed(m: CompiledMatcher, pattern: number, text: string, start: number, end: number): boolean {
  for (let k = m.patternEntryStart[pattern]!; k < m.patternEntryStart[pattern + 1]!; k++) {
    if (satisfiesCase(m.aliasCase[m.entryAlias[k]!]! as CaseRule, text, start, end)) return true;
  }
  return false;
}

function emit(m: CompiledMatcher, state: number, t: number, text: string, tokens: Tokens, c: Candidates): void {
  const a = m.automaton;
  for (let n = a.nodePattern[state]! >= 0 ? state : a.outLink[state]!; n >= 0; n = a.outLink[n]!) {
    const pattern = a.nodePattern[n]!;
    const length = m.patternLength[pattern]!;
    const first = t - length + 1;
    if (!isCaseAllowed(m, pattern, text, tokens.start[first]!, tokens.end[t]!)) continue;
    if (c.count === c.start.length) growCandidates(c);
    c.start[c.count] = first;
    c.end[c.count] = t;
    c.pattern[c.count++] = pattern;
    if (length > c.bestLength[first]!) c.bestLength[first] = length;
  }
}

// Direct-mapped memo of recent skeleton lookups: news text repeats its long words ("government",
// "president") and most of them are in no alias, so the skeleton is computed once per word.
const MEMO_SLOTS = 1024;
const MEMO_WIDTH = 24;
const memoUnits = new Uint16Array(MEMO_SLOTS * MEMO_WIDTH);
const memoLength = new Int32Array(MEMO_SLOTS);
const memoId = new Int32Array(MEMO_SLOTS);
let memoOwner: CompiledMatcher | undefined;

function memoSlotMatches(slot: number, units: Uint16Array, from: number, to: number): boolean {
  if (memoLength[slot] !== to - from) return false;
  const base = slot * MEMO_WIDTH;
  for (let k = 0; k < to - from; k++) if (memoUnits[base + k] !== units[from + k]) return false;
  return true;
}

function computeSkeletonId(m: CompiledMatcher, units: Uint16Array, from: number, to: number): number {
  if (skeletonUnits.length <= to - from) skeletonUnits = new Uint16Array((to - from) * 2);
  skeletonUnits[0] = SKELETON_PREFIX.charCodeAt(0);
  const end = writeSkeleton(units, from, to, skeletonUnits, 1);
  return lookupUnits(m.vocabulary, skeletonUnits, 0, end, hashUnits(skeletonUnits, 0, end));
}

/** Vocabulary id of the skeleton of token `t` ('~' + skeleton), or the exact id when it has none. */
function skeletonSymbol(m: CompiledMatcher, tokens: Tokens, t: number, exactId: number): number {
  const from = tokens.foldStart[t]!;
  const to = tokens.foldEnd[t]!;
  if (tokens.latin[t] === 0 || to - from < SKELETON_MIN_LENGTH) return exactId;
  if (to - from > MEMO_WIDTH) return computeSkeletonId(m, tokens.units, from, to);
  if (memoOwner !== m) {
    memoOwner = m;
    memoLength.fill(0);
  }
  const slot = tokens.hash[t]! & (MEMO_SLOTS - 1);
  if (memoSlotMatches(slot, tokens.units, from, to)) return memoId[slot]!;
  const id = computeSkeletonId(m, tokens.units, from, to);
  memoUnits.set(tokens.units.subarray(from, to), slot * MEMO_WIDTH);
  memoLength[slot] = to - from;
  memoId[slot] = id;
  return id;
}

/** Whether any alias was compiled with a skeleton key (root 1 has children). */
export function hasSkeletonKeys(m: CompiledMatcher): boolean {
  return m.automaton.childStart[2]! > m.automaton.childStart[1]!;
}

/**
 * Finds every key ending at every token of `tokens` (the tokenization of `text`).
 * @example const candidates = scanTokens(compiled, text, tokenize(text))
 */
export function scanTokens(m: CompiledMatcher, text: string, tokens: Tokens): Candidates {
  const c = scratch;
  c.count = 0;
  if (c.bestLength.length < tokens.count) c.bestLength = new Int32Array(tokens.count * 2);
  c.bestLength.fill(0, 0, tokens.count);
  const fuzzy = hasSkeletonKeys(m);
  let exact = EXACT_ROOT;
  let skeleton = SKELETON_ROOT;
  for (let t = 0; t < tokens.count; t++) {
    const id = lookupUnits(m.vocabulary, tokens.units, tokens.foldStart[t]!, tokens.foldEnd[t]!, tokens.hash[t]!);
    exact = step(m.automaton, exact, id, EXACT_ROOT);
    if (exact >= 2) emit(m, exact, t, text, tokens, c);
    if (!fuzzy) continue;
    skeleton = step(m.automaton, skeleton, skeletonSymbol(m, tokens, t, id), SKELETON_ROOT);
    if (skeleton >= 2) emit(m, skeleton, t, text, tokens, c);
  }
  return c;
}
