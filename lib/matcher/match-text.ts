/**
 * Matching a text against compiled aliases: tokenize, scan once, then resolve leftmost-longest
 * (the earliest start wins, then the longest span; matches never overlap). All aliases of the
 * chosen span are kept as `candidates` so a later step can disambiguate; the winner is the exact
 * key before the skeleton key, then the lower priority, then the entity id.
 */
import { satisfiesCase, type CaseRule } from './case-rules';
import { scanTokens, type Candidates } from './scan';
import { createTokens, tokenize, type Tokens } from './tokenize';
import type { CompiledMatcher, MatchSpan } from './types';

const tokenScratch = createTokens(1 << 16);

/** The entity id with index `e`, decoded once. */
export function entityIdOf(m: CompiledMatcher, e: number): string {
  let id = m.entityCache[e];
  if (id === undefined) {
    id = String.fromCharCode(...m.entityChars.subarray(m.entityOffsets[e], m.entityOffsets[e + 1]));
    m.entityCache[e] = id;
  }
  return id;
}

let spanAt = new Int32Array(1024); // start token → index of the chosen span, or -1

/** Leftmost-longest: walks start tokens, takes the longest candidate, skips past it. */
function chooseStarts(c: Candidates, tokenCount: number): number[] {
  if (spanAt.length < tokenCount) spanAt = new Int32Array(tokenCount * 2);
  spanAt.fill(-1, 0, tokenCount);
  const starts: number[] = [];
  for (let t = 0; t < tokenCount;) {
    const length = c.bestLength[t]!;
    if (length === 0) t++;
    else {
      spanAt[t] = starts.length;
      starts.push(t);
      t += length;
    }
  }
  return starts;
}

function toSpan(m: CompiledMatcher, text: string, start: number, end: number, patterns: number[]): MatchSpan {
  patterns.sort((x, y) => m.patternKind[x]! - m.patternKind[y]!); // exact keys first
  const candidates: string[] = [];
  let winner = -1;
  let fuzzy = false;
  for (const pattern of patterns) {
    for (let k = m.patternEntryStart[pattern]!; k < m.patternEntryStart[pattern + 1]!; k++) {
      const alias = m.entryAlias[k]!;
      if (!satisfiesCase(m.aliasCase[alias]! as CaseRule, text, start, end)) continue;
      const id = entityIdOf(m, m.aliasEntity[alias]!);
      if (winner < 0) {
        winner = alias;
        fuzzy = m.patternKind[pattern] === 1;
      }
      if (!candidates.includes(id)) candidates.push(id);
    }
  }
  return { start, end, entityId: candidates[0]!, candidates, aliasIndex: winner, fuzzy };
}

function resolve(m: CompiledMatcher, text: string, tokens: Tokens, c: Candidates): MatchSpan[] {
  const starts = chooseStarts(c, tokens.count);
  const patterns: number[][] = starts.map(() => []);
  for (let k = 0; k < c.count; k++) {
    const first = c.start[k]!;
    if (spanAt[first]! >= 0 && c.bestLength[first] === c.end[k]! - first + 1) patterns[spanAt[first]!]!.push(c.pattern[k]!);
  }
  return starts.map((first, i) =>
    toSpan(m, text, tokens.start[first]!, tokens.end[first + c.bestLength[first]! - 1]!, patterns[i]!),
  );
}

/**
 * Every alias mention in `text`, in order, as non-overlapping spans in original UTF-16 offsets.
 * @example
 * const m = compileMatcher([{ text: 'Iran', entityId: 'Q794' }]);
 * matchText(m, 'Iran’s navy') // [{ start: 0, end: 4, entityId: 'Q794', candidates: ['Q794'], aliasIndex: 0, fuzzy: false }]
 */
export function matchText(m: CompiledMatcher, text: string): MatchSpan[] {
  const tokens = tokenize(text, tokenScratch);
  return resolve(m, text, tokens, scanTokens(m, text, tokens));
}
