/**
 * Candidate names in one block: capitalized runs, split where the name's shape says, stripped of
 * titles, of capitals that only start a sentence or style a headline, and of knowledge-base
 * matches (which discovery leaves alone unless a longer organization or place name contains them:
 * "Bank of China", "Iranian Students News Agency"). Two adjacent known spans never make a name.
 */
import { runText, type CapitalEvidence } from './block-case';
import { isCompass, isConnector, isDemonymLike, isFunctionWord, isHead, isNeverName, isOrgHead } from './cues';
import { namePart, splitDescribedPerson, trimEdgeWords, trimRole } from './name-edges';
import { rawRuns, splitRun, type Range } from './runs';
import { stripTitles } from './titles';
import type { Token } from './tokenize';
import { isCommonWord, isFirstName } from './word-lists';

export interface Candidate extends Range {
  titled: boolean;
  /** Strictly contains knowledge-base spans. */
  containsKnown: boolean;
}

export interface BlockContext {
  tokens: readonly Token[];
  /** Per token: the index of the known span it overlaps, or -1. */
  knownIds: readonly number[];
  headline: boolean;
  evidence: CapitalEvidence;
}

/** A capital that proves nothing: sentence-initial or headline, a common word, never seen mid-sentence. */
function isWeak(ctx: BlockContext, i: number, range: Range): boolean {
  const t = ctx.tokens[i]!;
  if (ctx.knownIds[i]! >= 0 || !(t.isInitial || ctx.headline)) return false;
  if (t.isAllCaps && !ctx.headline && !isFunctionWord(t)) return false;
  if (isFunctionWord(t)) return true;
  if (range.first === range.last && isHead(t)) return true;
  if (!isCommonWord(t.lower) || (ctx.evidence.words.get(t.lower) ?? 0) > 0) return false;
  if (range.last > i && ctx.evidence.runs.has(runText(ctx.tokens, i, range.last))) return false;
  const next = ctx.tokens[i + 1];
  if (i < range.last && isFirstName(t.lower) && next?.isCap && !isCommonWord(next.lower)) return false;
  return !(i === range.first && !ctx.headline && range.last > i && hasHead(ctx.tokens, range));
}

const hasHead = (tokens: readonly Token[], r: Range): boolean => tokens.slice(r.first, r.last + 1).some(isHead);

/** Drops connectors at either edge; null if nothing is left. */
function trim(tokens: readonly Token[], r: Range): Range | null {
  let { first, last } = r;
  while (first <= last && isConnector(tokens[first]!)) first++;
  while (last >= first && isConnector(tokens[last]!)) last--;
  return first <= last ? { first, last } : null;
}

/** Splits a range at tokens for which `cut` holds, keeping the trimmed pieces. */
function splitWhere(tokens: readonly Token[], r: Range, cut: (i: number) => boolean): Range[] {
  const out: Range[] = [];
  let from = r.first;
  for (let i = r.first; i <= r.last + 1; i++) {
    if (i <= r.last && !cut(i)) continue;
    const piece = i > from ? trim(tokens, { first: from, last: i - 1 }) : null;
    if (piece) out.push(piece);
    from = i + 1;
  }
  return out;
}

/** Whether known spans sit strictly inside a longer organization or place name. */
function wrapsKnown(ctx: BlockContext, r: Range): boolean {
  const ids = ctx.knownIds;
  const inner = (i: number) => ids[i]! < 0 && !isConnector(ctx.tokens[i]!);
  let unknownHead = false;
  for (let i = r.first; i <= r.last; i++) if (ids[i]! < 0 && isHead(ctx.tokens[i]!)) unknownHead = true;
  const edgesWhole = ids[r.first]! < 0 || r.first === 0 || ids[r.first - 1] !== ids[r.first];
  const edgesWhole2 = ids[r.last]! < 0 || ids[r.last + 1] !== ids[r.last];
  let unknown = 0;
  for (let i = r.first; i <= r.last; i++) if (inner(i)) unknown++;
  return unknownHead && unknown > 0 && edgesWhole && edgesWhole2;
}

function finish(ctx: BlockContext, r: Range, titled: boolean): Candidate[] {
  const { tokens, knownIds } = ctx;
  const anyKnown = tokens.slice(r.first, r.last + 1).some((_, k) => knownIds[r.first + k]! >= 0);
  if (!anyKnown) return [{ ...r, titled, containsKnown: false }];
  if (wrapsKnown(ctx, r)) return [{ ...r, titled, containsKnown: true }];
  // A fragment hanging off a known name by a connector ("Iranian Army for Coordination") is part of
  // a longer name we could not confirm: keep it only if it is a name by itself.
  const attached = (p: Range) =>
    (p.first > r.first && isConnector(tokens[p.first - 1]!)) || (p.last < r.last && isConnector(tokens[p.last + 1]!));
  return splitWhere(tokens, r, (i) => knownIds[i]! >= 0)
    .filter((p) => !attached(p) || tokens.slice(p.first, p.last + 1).some((t) => !isCommonWord(t.lower)))
    .map((p) => ({ ...p, titled, containsKnown: false }));
}

/**
 * Drops a sentence-initial capital that proves nothing ("The", "Officials"); if one common word is
 * all that is left ("Last Year"), it goes too.
 */
function dropWeakStart(ctx: BlockContext, range: Range): Range[] {
  if (!isWeak(ctx, range.first, range)) return [range];
  const rest = trim(ctx.tokens, { first: range.first + 1, last: range.last });
  if (!rest) return [];
  const lone = rest.first === rest.last && ctx.knownIds[rest.first]! < 0;
  const word = ctx.tokens[rest.first]!;
  // "The Church said": an organization's head word after "The" refers to the organization.
  const refers = ctx.tokens[range.first]!.lower === 'the' && isOrgHead(word);
  return lone && isCommonWord(word.lower) && !refers && !(ctx.evidence.words.get(word.lower) ?? 0) ? [] : [rest];
}

/**
 * Whether a single remaining word can stand as a name. A compass word ("North") or a nationality or
 * religion word ("European", "Scientologist") before the noun it qualifies ("European leaders",
 * "Western officials") is an adjective; used as a noun ("the South retaliated", "a former
 * Scientologist") it is kept, though never learned (see actors.ts): demonyms are the knowledge base's job.
 */
function isNameAlone(tokens: readonly Token[], c: Candidate): boolean {
  if (c.first !== c.last) return true;
  const t = tokens[c.first]!;
  if (!t.isCap || isNeverName(t) || isFunctionWord(t) || t.text.length < 2) return false;
  const next = tokens[c.last + 1];
  // A verb after it makes it a noun: "the South retaliated".
  const qualifies =
    !!next && next.isWord && !next.isCap && !isFunctionWord(next) && !isConnector(next) && !/ed$/.test(next.lower);
  return !((isCompass(t) || isDemonymLike(t)) && qualifies);
}

/** A title-stripped range, with a described person split off its end ("Scientologist Tom Cruise"). */
function personSplit(ctx: BlockContext, range: Range, titled: boolean): { range: Range; titled: boolean }[] {
  const split = splitDescribedPerson(ctx, range);
  if (!split) return [{ range, titled }];
  const person = { range: split.person, titled: titled || split.described };
  return split.before ? [{ range: split.before, titled: false }, person] : [person];
}

/** Sentence capitals, then roles and sentence words at the edges. */
function edgesOf(ctx: BlockContext, range: Range): Range[] {
  const pieces = ctx.headline ? splitWhere(ctx.tokens, range, (i) => isWeak(ctx, i, range)) : dropWeakStart(ctx, range);
  return pieces.flatMap((piece) => {
    const role = trimRole(ctx, piece);
    const trimmed = role && trimEdgeWords(ctx, role);
    return trimmed ? [trimmed] : [];
  });
}

/**
 * @example candidatesOf(ctx) // "Rear Admiral Habibollah Sayyari met ICRC" -> [Habibollah Sayyari], [ICRC]
 */
export function candidatesOf(ctx: BlockContext): Candidate[] {
  const { tokens, knownIds } = ctx;
  const isNameWord = (i: number) => knownIds[i]! >= 0 || (tokens[i]!.isCap && !isNeverName(tokens[i]!));
  const isKnown = (i: number) => knownIds[i]! >= 0;
  const out: Candidate[] = [];
  for (const raw of rawRuns(tokens, isNameWord)) {
    for (const part of splitRun(tokens, raw, isNameWord)) {
      const stripped = stripTitles(tokens, part, isKnown);
      if (!stripped) continue;
      // "NASA Administrator Charles Bolden": NASA is a name too.
      const before = stripped.range.first > part.first ? namePart(ctx, part.first, stripped.range.first - 1) : null;
      const ranges = personSplit(ctx, stripped.range, stripped.titled);
      for (const { range, titled } of before ? [{ range: before, titled: false }, ...ranges] : ranges) {
        for (const piece of edgesOf(ctx, range)) out.push(...finish(ctx, piece, titled));
      }
    }
  }
  return out.filter((c) => isNameAlone(tokens, c));
}
