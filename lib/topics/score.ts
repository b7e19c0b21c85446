/**
 * How evidence becomes a topic score, kept apart from matching so the rules can be read and tuned
 * in one place. A term's repeats saturate (BM25's term-frequency curve: the 20th "sanctions" adds
 * almost nothing), long articles are divided down (square root of length, so a passing mention in
 * a long piece does not count like one in a brief) and a topic needs a minimum score, one clear sign
 * among its evidence and, when it rests on one term alone, that term repeated: no topic is better
 * than a wrong one.
 */

/** BM25's k1: how fast repeats of one term stop adding. */
export const SATURATION_K = 1.5;
/** Articles up to this many words are not length-normalized. */
export const REFERENCE_WORDS = 500;
/** Minimum score for a taxonomy topic. */
export const MIN_SCORE = 2.5;
/** Minimum score for a reader's topic: one mention in an article of ordinary length. */
export const MIN_CUSTOM_SCORE = 1;
/** A topic needs at least one piece of evidence this weighty: weak words alone never make a topic. */
export const ANCHOR_WEIGHT = 1.5;
/** A topic resting on one piece of evidence needs this score: a naming term, said at least twice. */
export const MIN_SINGLE_SCORE = 3.5;
/** A top level shown only on its subtopics' credit (none of them convincing alone) needs this score. */
export const MIN_FALLBACK_SCORE = 3.5;
/** Share of its subtopics' scores a top level receives. */
export const PARENT_CREDIT = 0.5;
/** Most terms reported as the reason for one topic. */
export const MAX_TERMS = 8;

/** One piece of evidence for one topic: a matched keyword or the entities of one tag. */
export interface Evidence {
  terms: readonly string[];
  weight: number;
  count: number;
}

/** A topic's evidence summed up. */
export interface Tally {
  score: number;
  /** Reason, weightiest first, deduplicated. */
  terms: string[];
  /** Pieces of evidence (distinct keywords, entity tags). */
  distinct: number;
  strongest: number;
}

export const EMPTY_TALLY: Tally = { score: 0, terms: [], distinct: 0, strongest: 0 };

/**
 * Saturating count: 1 for one mention, approaching 1 + k for many.
 * @example saturate(1) // 1
 */
export function saturate(count: number): number {
  return ((SATURATION_K + 1) * count) / (SATURATION_K + count);
}

/**
 * The divisor for an article of `words` words.
 * @example lengthNorm(2000) // 2
 */
export function lengthNorm(words: number): number {
  return Math.max(1, Math.sqrt(words / REFERENCE_WORDS));
}

/**
 * Sums one topic's evidence into a score and its reason.
 * @example tally([{ terms: ['sanctions'], weight: 3, count: 2 }], 1).score // 4.29
 */
export function tally(evidence: readonly Evidence[], norm: number): Tally {
  if (!evidence.length) return EMPTY_TALLY;
  const valued = evidence.map((e) => ({ terms: e.terms, value: e.weight * saturate(e.count) })).sort((a, b) => b.value - a.value);
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const { terms: list } of valued) {
    for (const term of list) {
      const key = term.toLowerCase();
      if (!seen.has(key) && terms.length < MAX_TERMS) terms.push(term);
      seen.add(key);
    }
  }
  const score = valued.reduce((sum, v) => sum + v.value, 0) / norm;
  return { score, terms, distinct: evidence.length, strongest: Math.max(...evidence.map((e) => e.weight)) };
}

/**
 * Whether a taxonomy topic's evidence is enough to show it.
 * @example isConvincing({ score: 4.3, terms: ['sanctions'], distinct: 1, strongest: 3 }) // true
 */
export function isConvincing(t: Tally): boolean {
  return t.score >= (t.distinct >= 2 ? MIN_SCORE : MIN_SINGLE_SCORE) && t.strongest >= ANCHOR_WEIGHT;
}

/** Two decimals: scores are for ordering and display, not arithmetic. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}
