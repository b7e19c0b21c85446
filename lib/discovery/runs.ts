/**
 * Capitalized runs and where they split. A run is a stretch of capitalized (or knowledge-base)
 * words, possibly joined by lower-case connectors; a connector stays inside only when the name's
 * shape allows it: "International Committee of the Red Cross" (a head before "of"), "Centre for
 * Disease Control" (an organization before "for"), "Charles de Gaulle" (a particle), "Procter &
 * Gamble". "Tony Blair of Britain" or "Iran and Russia" split.
 */
import { ON_HEADS, POSSESSORS } from './cue-words';
import { isConnector, isHead, isOrgHead, isParticle, isTitle } from './cues';
import type { Token } from './tokenize';
import { isCommonWord, isFirstName } from './word-lists';

/** Inclusive token indices. */
export interface Range {
  first: number;
  last: number;
}

/** A word that can be part of a name: capitalized, or inside a knowledge-base match. */
export type IsNameWord = (index: number) => boolean;

/**
 * "People's" in "Korean People's Liberation Army": a possessive of a common possessor word with a
 * capital after it stays inside the name ("Iran's Foreign Ministry" splits).
 */
export function isInnerPossessive(tokens: readonly Token[], k: number): boolean {
  const [before, token, after] = [tokens[k - 1], tokens[k], tokens[k + 1]];
  return (
    !!token && /^['’]s$/.test(token.lower) && !!before?.isCap && POSSESSORS.has(before.lower) && !!after?.isCap && after.isWord
  );
}

const isInside = (tokens: readonly Token[], k: number): boolean => isConnector(tokens[k]!) || isInnerPossessive(tokens, k);

/** Connector words between index `from` and the next name word, or -1 if none within two words. */
function nextNameWord(tokens: readonly Token[], from: number, isNameWord: IsNameWord): number {
  for (let k = from; k < tokens.length && k < from + 3; k++) {
    if (isNameWord(k)) return k;
    if (!isInside(tokens, k)) return -1;
  }
  return -1;
}

/**
 * Maximal stretches of name words and connectors between them.
 * @example rawRuns(tokenize('met the Red Cross and Iran'), isCapital) // [{first: 2, last: 5}]
 */
export function rawRuns(tokens: readonly Token[], isNameWord: IsNameWord): Range[] {
  const runs: Range[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(i)) {
      i++;
      continue;
    }
    let last = i;
    for (;;) {
      if (last + 1 < tokens.length && isNameWord(last + 1)) last++;
      else {
        const next = nextNameWord(tokens, last + 1, isNameWord);
        if (next < 0) break;
        last = next;
      }
    }
    runs.push({ first: i, last });
    i = last + 1;
  }
  return runs;
}

const isPlainWord = (t: Token): boolean => isCommonWord(t.lower) && !isFirstName(t.lower);

/** Whether the connectors between two capitalized chunks keep them in one name. */
function joins(tokens: readonly Token[], left: Range, connectors: Range, right: Range, ofSeen: boolean): boolean {
  const words = tokens.slice(connectors.first, connectors.last + 1);
  const leftWords = tokens.slice(left.first, left.last + 1);
  const lastLeft = tokens[left.last]!;
  const rightWords = tokens.slice(right.first, right.last + 1);
  const first = words[0]!.lower;
  if (isInnerPossessive(tokens, connectors.first)) return true;
  if (words.every((w) => isParticle(w) || /-$/.test(w.lower))) return true;
  if (first === '&') return true;
  if (first === 'of') {
    // A second "of" before a lone proper word needs a head right before it: "University of
    // Sheffield | of the UK", but "Council for the Welfare of Immigrants".
    const lone = rightWords.length === 1 && (rightWords[0]!.isAllCaps || !isCommonWord(rightWords[0]!.lower));
    if (ofSeen && lone) return isHead(lastLeft);
    return isHead(lastLeft) || isTitle(lastLeft) || leftWords.some(isOrgHead);
  }
  // "Council on Energy", not "Space Center on STS-1" nor "Esports on Facebook".
  if (rightWords.some((t) => /\d/.test(t.text))) return false;
  if (first === 'for') return leftWords.some(isOrgHead);
  if (first === 'on') return ON_HEADS.has(lastLeft.lower);
  if (first === 'and') {
    const rightHasHead = rightWords.some(isOrgHead);
    if (ofSeen) return leftWords.some(isOrgHead) && !rightHasHead && right.last - right.first < 2;
    // "Securities and Exchange Commission": one plain word, then a name ending in its head.
    return words.length === 1 && leftWords.length === 1 && isPlainWord(lastLeft) && isOrgHead(rightWords.at(-1)!);
  }
  return false;
}

/**
 * Splits a raw run at connectors the name's shape does not allow.
 * @example splitRun(tokens, run) // "Tony Blair of Britain" -> [Tony Blair], [Britain]
 */
export function splitRun(tokens: readonly Token[], run: Range, isNameWord: IsNameWord): Range[] {
  const chunks: { words: Range; connectors?: Range }[] = [];
  let i = run.first;
  while (i <= run.last) {
    let j = i;
    while (j + 1 <= run.last && isNameWord(j + 1)) j++;
    let k = j;
    while (k + 1 <= run.last && !isNameWord(k + 1)) k++;
    chunks.push(
      k > j ? { words: { first: i, last: j }, connectors: { first: j + 1, last: k } } : { words: { first: i, last: j } },
    );
    i = k + 1;
  }
  const out: Range[] = [];
  let current: Range = { ...chunks[0]!.words };
  let ofSeen = false;
  for (let c = 0; c + 1 < chunks.length; c++) {
    const { connectors } = chunks[c]!;
    const right = chunks[c + 1]!.words;
    if (connectors && joins(tokens, current, connectors, right, ofSeen)) {
      ofSeen ||= ['of', 'for', 'on'].includes(tokens[connectors.first]!.lower);
      current.last = right.last;
    } else {
      out.push(current);
      current = { ...right };
      ofSeen = false;
    }
  }
  out.push(current);
  return out;
}
