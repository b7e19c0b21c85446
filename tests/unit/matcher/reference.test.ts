/**
 * Property-like test: on small random alias sets and texts, the automaton must find exactly what a
 * brute-force matcher finds (try every alias at every token, keep the leftmost-longest).
 */
import { describe, expect, test } from 'vitest';
import { caseRuleOf, satisfiesCase } from '../../../lib/matcher/case-rules';
import { compileMatcher } from '../../../lib/matcher/compile';
import { matchText } from '../../../lib/matcher/match-text';
import { hasSkeleton, skeletonKey } from '../../../lib/matcher/skeleton';
import { tokenize, tokenKey } from '../../../lib/matcher/tokenize';
import type { AliasEntry } from '../../../lib/matcher/types';

const WORDS = [
  'Ab',
  'ab',
  'AB',
  'Cd',
  'cd',
  'Ef',
  'ÉF',
  'Mohammad',
  'Muhammad',
  'Mohammed',
  'Sergei',
  'Sergey',
  'Sayyari',
  'Soury',
  '中',
  '国',
  'Ир',
];
const SEPARATORS = [' ', ' ', ', ', '’s ', '–', '\u200B', '😀'];

function random(seed: number): () => number {
  return () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

function randomAliases(rnd: () => number): AliasEntry[] {
  return Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => ({
    text: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(rnd, WORDS)).join(' '),
    entityId: pick(rnd, ['e1', 'e2', 'e3', 'e4']),
    fuzzy: rnd() < 0.5,
  }));
}

function randomText(rnd: () => number): string {
  return Array.from({ length: 2 + Math.floor(rnd() * 12) }, () => pick(rnd, WORDS) + pick(rnd, SEPARATORS)).join('');
}

const keysOf = (text: string, skeleton: boolean) => {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) =>
    skeleton && hasSkeleton(tokenKey(t, i)) ? `~${skeletonKey(tokenKey(t, i))}` : tokenKey(t, i),
  );
};

/** Brute force: returns [start, end, sorted candidate ids] of the leftmost-longest spans. */
function bruteForce(aliases: AliasEntry[], text: string): [number, number, string[]][] {
  const t = tokenize(text);
  const [starts, ends] = [Array.from(t.start.subarray(0, t.count)), Array.from(t.end.subarray(0, t.count))];
  const exact = keysOf(text, false);
  const skeleton = keysOf(text, true);
  const out: [number, number, string[]][] = [];
  for (let i = 0; i < exact.length;) {
    let best = 0;
    let ids = new Set<string>();
    for (const alias of aliases) {
      for (const [aliasKeys, textKeys] of [
        [keysOf(alias.text, false), exact],
        ...(alias.fuzzy ? [[keysOf(alias.text, true), skeleton]] : []),
      ]) {
        const n = aliasKeys!.length;
        if (n === 0 || i + n > textKeys!.length || aliasKeys!.some((k, j) => k !== textKeys![i + j])) continue;
        if (!satisfiesCase(caseRuleOf(alias.text), text, starts[i]!, ends[i + n - 1]!)) continue;
        if (n > best) {
          best = n;
          ids = new Set();
        }
        if (n === best) ids.add(alias.entityId);
      }
    }
    if (best === 0) i++;
    else {
      out.push([starts[i]!, ends[i + best - 1]!, [...ids].sort()]);
      i += best;
    }
  }
  return out;
}

describe('automaton agrees with a brute-force matcher', () => {
  test.each(Array.from({ length: 40 }, (_, k) => [k + 1]))('seed %i', (seed) => {
    const rnd = random(seed);
    for (let round = 0; round < 25; round++) {
      const aliases = randomAliases(rnd);
      const text = randomText(rnd);
      const actual = matchText(compileMatcher(aliases), text).map((s) => [s.start, s.end, [...s.candidates].sort()]);
      expect(actual, `${JSON.stringify(aliases)} in ${JSON.stringify(text)}`).toEqual(bruteForce(aliases, text));
    }
  });
});
