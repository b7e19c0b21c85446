/**
 * Where a name starts and ends inside a capitalized run, beyond titles: sentence words at its edges
 * ("The Daily Bugle" is "Daily Bugle"), a role at its end ("NASA Administrator" is NASA), and
 * descriptions before a person ("Scientologist Tom Cruise", "Zambian Jane Banda", "Refugee Council
 * Enver Solomon"): the person is "Tom Cruise", and what came before is a name of its own only when
 * it is one (an organization, an acronym, a word the article uses alone), never a nationality,
 * religion, occupation or title.
 */
import type { CapitalEvidence } from './block-case';
import { EDGE_WORDS, ROLE_ENDINGS } from './cue-words';
import { isConnector, isDemonymLike, isDescriptor, isHead, isParticle, isTitle } from './cues';
import type { Range } from './runs';
import type { Token } from './tokenize';
import { isCommonWord, isFirstName } from './word-lists';

export interface EdgeContext {
  tokens: readonly Token[];
  knownIds: readonly number[];
  evidence: CapitalEvidence;
}

const isEdgeWord = (t: Token): boolean => t.isCap && !t.isAllCaps && !t.text.endsWith('.') && EDGE_WORDS.has(t.lower);

/**
 * Drops sentence words at either edge; null if nothing is left.
 * @example trimEdgeWords(ctx, range of 'The Daily Bugle') // range of 'Daily Bugle'
 */
export function trimEdgeWords(ctx: EdgeContext, r: Range): Range | null {
  const loose = (i: number) => ctx.knownIds[i]! < 0 && (isEdgeWord(ctx.tokens[i]!) || isConnector(ctx.tokens[i]!));
  let { first, last } = r;
  while (first <= last && loose(first)) first++;
  while (last >= first && loose(last)) last--;
  return first <= last ? { first, last } : null;
}

/** A role word ending a run: "Administrator", "Attorney General" (a "General" after a title). */
function isRoleEnd(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.lower === 'general') return !!tokens[i - 1] && isTitle(tokens[i - 1]!);
  return ROLE_ENDINGS.has(t.lower);
}

/**
 * Drops roles that end a run without an "of" ("Harlow County Attorney General" is Harlow County),
 * unless a given name comes before the role word ("Mark Major").
 */
export function trimRole(ctx: EdgeContext, r: Range): Range | null {
  const { tokens } = ctx;
  for (let i = r.first; i <= r.last; i++) if (isConnector(tokens[i]!)) return r;
  let last = r.last;
  while (last >= r.first && ctx.knownIds[last]! < 0 && isRoleEnd(tokens, last)) {
    if (last > r.first && isFirstName(tokens[last - 1]!.lower)) break;
    last--;
  }
  if (last === r.last) return r;
  // "Home Secretary": an everyday word left alone was part of the role.
  const lone = tokens[r.first]!;
  return last > r.first || (last === r.first && !isCommonWord(lone.lower)) ? { first: r.first, last } : null;
}

/** A word that describes the person after it rather than naming them. */
function describes(t: Token): boolean {
  return isTitle(t) || isDescriptor(t) || isDemonymLike(t);
}

/**
 * Whether tokens[k..last] look like "Given Surname" or "Given Middle Surname"; an everyday surname
 * ("Tom Cruise") only after a description ("Scientologist Tom Cruise").
 */
function isPersonTail(tokens: readonly Token[], k: number, last: number): boolean {
  if (last - k < 1 || last - k > 2 || !isFirstName(tokens[k]!.lower)) return false;
  const tail = tokens.slice(k, last + 1);
  if (tail.some((t) => !t.isCap || isHead(t) || isTitle(t) || /\d/.test(t.text))) return false;
  return !isCommonWord(tokens[last]!.lower) || describes(tokens[k - 1]!);
}

/** Whether the word before a "Given Surname" is not the person's: it describes them or names something else. */
function isApart(ctx: EdgeContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  if (isFirstName(t.lower) || isParticle(t) || isConnector(t)) return false;
  if (describes(t) || isHead(t) || t.isAllCaps || ctx.knownIds[i]! >= 0) return true;
  return (ctx.evidence.words.get(t.lower) ?? 0) > 0;
}

/**
 * The part before a person that names something: descriptions at its end dropped ("Cleveland DL"
 * is Cleveland, "NASA Administrator" NASA, "Russian Defense Minister" nothing).
 */
export function namePart(ctx: EdgeContext, first: number, last: number): Range | null {
  const { tokens } = ctx;
  const short = (t: Token) => t.isAllCaps && t.text.replace(/\W/g, '').length <= 3;
  while (last >= first && ctx.knownIds[last]! < 0 && (describes(tokens[last]!) || (last > first && short(tokens[last]!)))) last--;
  if (last < first || tokens.slice(first, last + 1).some((t) => isTitle(t))) return null;
  return trimEdgeWords(ctx, { first, last });
}

export interface PersonSplit {
  before: Range | null;
  person: Range;
  /** A title, occupation or nationality stood right before the person. */
  described: boolean;
}

/**
 * Splits "Given Surname" off the end of a run when the words before it are not part of the name.
 * @example splitDescribedPerson(ctx, range of 'NASA Administrator Charles Bolden')
 * // { before: range of 'NASA', person: range of 'Charles Bolden', described: true }
 */
export function splitDescribedPerson(ctx: EdgeContext, r: Range): PersonSplit | null {
  for (let k = r.first + 1; k < r.last; k++) {
    if (!isPersonTail(ctx.tokens, k, r.last)) continue;
    if (!isApart(ctx, k - 1)) return null;
    const described = describes(ctx.tokens[k - 1]!);
    return { before: namePart(ctx, r.first, k - 1), person: { first: k, last: r.last }, described };
  }
  return null;
}
