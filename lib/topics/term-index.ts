/**
 * Keyword phrases compiled into a lookup by first stem, then found in an article's token stream in
 * one left-to-right pass, longest phrase first at each position. Longest-first is what lets a phrase
 * own its words: "think tank" is consumed before "tank" is tried, "sanctions relief" before "relief".
 * A phrase shared by several topics is one term with several contributions.
 */
import { stemPhrase, type TokenStream } from './tokens';
import type { KeywordWeight } from './types';

/** One topic's stake in a term. */
export interface Contribution {
  topic: number;
  weight: number;
}

export interface Term {
  stems: readonly string[];
  contributions: Contribution[];
}

export interface TermIndex {
  terms: Term[];
  /** Term indexes by first stem, longest phrase first. */
  byFirst: Map<string, number[]>;
}

/** How often a term occurred and how it was first spelled in the text. */
export interface TermHit {
  term: number;
  count: number;
  surface: string;
}

/**
 * Compiles the keywords of a list of topics (topic i = position i) plus phrases that only block.
 * @example compileTerms([[['maritime security', 3]]], ['think tank'])
 */
export function compileTerms(topics: readonly (readonly KeywordWeight[])[], blockers: readonly string[] = []): TermIndex {
  const terms: Term[] = [];
  const byKey = new Map<string, number>();
  const termOf = (stems: string[]): Term => {
    const key = stems.join(' ');
    let at = byKey.get(key);
    if (at === undefined) {
      at = terms.push({ stems, contributions: [] }) - 1;
      byKey.set(key, at);
    }
    return terms[at]!;
  };
  for (const phrase of blockers) {
    const stems = stemPhrase(phrase);
    if (stems.length) termOf(stems);
  }
  topics.forEach((keywords, topic) => {
    for (const [phrase, weight] of keywords) {
      const stems = stemPhrase(phrase);
      if (!stems.length) continue;
      const { contributions } = termOf(stems);
      const same = contributions.find((c) => c.topic === topic);
      if (same) same.weight = Math.max(same.weight, weight);
      else contributions.push({ topic, weight });
    }
  });
  const byFirst = new Map<string, number[]>();
  terms.forEach((term, index) => {
    const list = byFirst.get(term.stems[0]!) ?? [];
    list.push(index);
    byFirst.set(term.stems[0]!, list);
  });
  for (const list of byFirst.values()) list.sort((a, b) => terms[b]!.stems.length - terms[a]!.stems.length);
  return { terms, byFirst };
}

function matchesAt(stems: readonly string[], tokens: readonly string[], at: number): boolean {
  for (let k = 1; k < stems.length; k++) if (tokens[at + k] !== stems[k]) return false;
  return true;
}

/**
 * Every term occurring in the stream, with its count (blocking phrases are not reported).
 * @example scanTerms(index, tokenize(['New sanctions, more sanctions.']))
 * // [{ term: 0, count: 2, surface: 'sanctions' }]
 */
export function scanTerms(index: TermIndex, stream: TokenStream): TermHit[] {
  const hits = new Map<number, TermHit>();
  const { stems } = stream;
  for (let i = 0; i < stems.length;) {
    const candidates = stems[i] ? index.byFirst.get(stems[i]!) : undefined;
    const found = candidates?.find((t) => matchesAt(index.terms[t]!.stems, stems, i));
    if (found === undefined) {
      i++;
      continue;
    }
    const length = index.terms[found]!.stems.length;
    const hit = hits.get(found);
    if (hit) hit.count++;
    else if (index.terms[found]!.contributions.length)
      hits.set(found, { term: found, count: 1, surface: stream.surfaces.slice(i, i + length).join(' ') });
    i += length;
  }
  return [...hits.values()];
}
