/**
 * Headline case and the article's own evidence about capitals. In "Iran And Russia Sign Pact" every
 * word is capitalized, so a capital proves nothing there; a word the article capitalizes in the
 * middle of a running sentence ("met Carbonnier on") is a name in this article even where it starts
 * a sentence or sits in the headline.
 */
import type { Token } from './tokenize';

/** Short words headline style leaves in lower case: they do not count either way. */
const SMALL = new Set(
  'a an the and or but nor of in on at to for by with from as vs via per up off out into over is are be'.split(' '),
);

/**
 * A block where capitals are style, not names: title case or all capitals.
 * @example isHeadlineCase(tokenize('Iran And Russia Sign Pact')) // true
 */
export function isHeadlineCase(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.isWord && /\p{L}/u.test(t.text));
  if (words.length === 0 || words.length > 30) return false;
  if (words.every((t) => t.isAllCaps || t.text.length < 2)) return words.length >= 2;
  const content = words.filter((t) => !SMALL.has(t.lower) || t.isInitial);
  if (content.length < 3) return false;
  const capitals = content.filter((t) => t.isCap).length;
  const last = tokens[tokens.length - 1];
  return capitals / content.length >= 0.75 && last?.text !== '.';
}

/** What the running text capitalizes mid-sentence: lone words (with counts) and whole runs, folded. */
export interface CapitalEvidence {
  words: Map<string, number>;
  runs: Set<string>;
}

/** Lower-cased words of tokens[first..last] joined by spaces. */
export const runText = (tokens: readonly Token[], first: number, last: number): string =>
  tokens
    .slice(first, last + 1)
    .map((t) => t.lower)
    .join(' ');

/**
 * Collects mid-sentence capitals from the running-text blocks.
 * @example collectCapitals([tokenize('They met Carbonnier.')], [false]).words.get('carbonnier') // 1
 */
export function collectCapitals(blocks: readonly (readonly Token[])[], headline: readonly boolean[]): CapitalEvidence {
  const seen: CapitalEvidence = { words: new Map(), runs: new Set() };
  blocks.forEach((tokens, b) => {
    if (headline[b]) return;
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens[i]!.isCap || tokens[i]!.isInitial || tokens[i - 1]?.isCap) continue;
      let last = i;
      while (tokens[last + 1]?.isCap) last++;
      // Only a capital standing alone counts as a word: inside "National Iodine Nutrition Study"
      // the capital belongs to the longer name and says nothing about "Iodine" on its own.
      if (last === i) seen.words.set(tokens[i]!.lower, (seen.words.get(tokens[i]!.lower) ?? 0) + 1);
      else seen.runs.add(runText(tokens, i, last));
      i = last;
    }
  });
  return seen;
}
