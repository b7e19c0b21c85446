/**
 * Titles and roles mark people but are not part of their names: "Rear Admiral Habibollah Sayyari"
 * is Habibollah Sayyari, "Deputy Minister of Defense Alexander Fomin" is Alexander Fomin, and
 * "the Vice-President of the International Committee of the Red Cross" names the Committee. A role
 * followed by an organization head stays whole ("Health Ministry", "General Motors").
 */
import { PORTFOLIOS } from './cue-words';
import { isConnector, isHead, isTitle } from './cues';
import type { Range } from './runs';
import type { Token } from './tokenize';
import { isCommonWord } from './word-lists';

export interface Stripped {
  range: Range;
  /** A title or role stood before the name: the name is a person's. */
  titled: boolean;
}

const isTitleWord = (t: Token): boolean => t.isCap && isTitle(t);

/** "Russian Defense Minister Sergei Shoigu": the name after the last title of a head-less run. */
function afterInnerTitle(tokens: readonly Token[], range: Range): Stripped | null {
  for (let k = range.last - 1; k > range.first; k--) {
    if (!isTitleWord(tokens[k]!)) continue;
    const rest = tokens.slice(k + 1, range.last + 1);
    const before = tokens.slice(range.first, k);
    if (rest.every((t) => t.isCap && !isTitle(t)) && !before.some(isConnector)) {
      return { range: { first: k + 1, last: range.last }, titled: true };
    }
    return null;
  }
  return null;
}

/**
 * After "Minister of": the portfolio ("Defense", "Foreign Affairs") is role; what follows is the
 * organization or country the role belongs to (when it has a head or a known name) or a person.
 */
function afterRoleOf(tokens: readonly Token[], from: number, last: number, isKnown: (i: number) => boolean): Stripped | null {
  const isRoleWord = (t: Token) => isConnector(t) || PORTFOLIOS.has(t.lower);
  let r = from;
  while (r <= last && isConnector(tokens[r]!)) r++;
  let past = r;
  while (past <= last && !isKnown(past) && isRoleWord(tokens[past]!)) past++;
  if (past > last) return null;
  for (let i = past; i <= last; i++) if (isHead(tokens[i]!) || isKnown(i)) return { range: { first: past, last }, titled: false };
  while (past <= last && (isRoleWord(tokens[past]!) || isCommonWord(tokens[past]!.lower))) past++;
  return past > last ? null : { range: { first: past, last }, titled: true };
}

/**
 * Removes leading (or inner) titles and roles; null when nothing but a role is left.
 * @example stripTitles(tokenize('Rear Admiral Habibollah Sayyari'), {first: 0, last: 3}, noKnown)
 * // { range: {first: 2, last: 3}, titled: true }
 */
export function stripTitles(tokens: readonly Token[], range: Range, isKnown: (i: number) => boolean): Stripped | null {
  let t = range.first;
  while (t <= range.last && isTitleWord(tokens[t]!) && !isKnown(t)) t++;
  if (t === range.first) {
    const hasHead = tokens.slice(range.first, range.last + 1).some(isHead);
    return (!hasHead && afterInnerTitle(tokens, range)) || { range, titled: false };
  }
  if (t > range.last) return null;
  const next = tokens[t]!;
  if (next.isCap && isHead(next)) return { range, titled: false };
  if (isConnector(next)) return next.lower === 'of' ? afterRoleOf(tokens, t, range.last, isKnown) : null;
  return { range: { first: t, last: range.last }, titled: true };
}
