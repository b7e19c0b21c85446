/**
 * Properties of the knowledge-base matcher on random alias sets and hostile texts (Unicode,
 * surrogate pairs, zero-width and bidi controls, RTL, 1 MB pages): every span is inside the text,
 * on token boundaries, never splits a surrogate pair, folds to the alias that won, spans come in
 * order without overlap, a planted alias is found, and the automaton agrees with a naive matcher.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { caseRuleOf, satisfiesCase } from '../../../lib/matcher/case-rules';
import { compileMatcher } from '../../../lib/matcher/compile';
import { NO_SPACE_SCRIPT } from '../../../lib/matcher/fold-rules';
import { matchText } from '../../../lib/matcher/match-text';
import { foldCodePoint } from '../../../lib/matcher/normalize';
import { deserializeMatcher, serializeMatcher } from '../../../lib/matcher/serialize';
import { hasSkeleton, skeletonKey } from '../../../lib/matcher/skeleton';
import { tokenize, tokenKey, tokenKeys } from '../../../lib/matcher/tokenize';
import type { AliasEntry, MatchSpan } from '../../../lib/matcher/types';
import { hostileString, latinWord, mixedText, nameText, otherWord, rtlWord, runs, splitsSurrogatePair } from './arbitraries';

/** A few words of every kind; aliases and texts are made of them so that aliases overlap and repeat. */
const wordPool = fc.array(
  fc.oneof(
    latinWord,
    latinWord.map((w) => w.toLowerCase()),
    rtlWord,
    otherWord,
    hostileString(4),
  ),
  {
    minLength: 1,
    maxLength: 6,
  },
);

const aliasesFrom = (pool: readonly string[]) =>
  fc.array(
    fc.record({
      text: fc.oneof(
        { weight: 4, arbitrary: fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')) },
        { weight: 1, arbitrary: nameText },
      ),
      entityId: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5'),
      fuzzy: fc.boolean(),
    }),
    { minLength: 1, maxLength: 8 },
  );
const aliasSet = wordPool.chain(aliasesFrom);

/** Text built from the pool's words, the aliases' own spellings (so there is something to find) and hostile filler. */
const textFor = (pool: readonly string[], aliases: readonly AliasEntry[]) =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...pool) },
        { weight: 2, arbitrary: fc.constantFrom(...aliases.map((a) => a.text)) },
        { weight: 1, arbitrary: fc.constantFrom(...aliases.map((a) => a.text.toUpperCase())) },
        { weight: 1, arbitrary: mixedText(3) },
        { weight: 5, arbitrary: fc.constantFrom(' ', ' ', ', ', '’s ', '\u200B', '\n', '😀', '-') },
      ),
      { maxLength: 24 },
    )
    .map((pieces) => pieces.join(''));

const aliasesAndText = wordPool.chain((pool) =>
  aliasesFrom(pool).chain((aliases) => fc.tuple(fc.constant(aliases), textFor(pool, aliases))),
);

/** Letters and digits of scripts written with spaces: a span next to one would be inside a word. */
const WORD = /[\p{L}\p{N}]/u;
/** Marks, and what folding removes (format characters, tatweel): they never split a word. */
const MARK_OR_FORMAT = /[\p{Cf}\p{M}]/u;
const isSkipped = (ch: string) => MARK_OR_FORMAT.test(ch) || foldCodePoint(ch.codePointAt(0)!) === '';
const isSpacedWordChar = (ch: string | undefined) => ch !== undefined && WORD.test(ch) && !NO_SPACE_SCRIPT.test(ch);

function codePointBefore(text: string, at: number): string | undefined {
  let i = at;
  while (i > 0) {
    const lo = text.charCodeAt(i - 1);
    const width =
      lo >= 0xdc00 && lo <= 0xdfff && i > 1 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff ? 2 : 1;
    const ch = text.slice(i - width, i);
    if (!isSkipped(ch)) return ch;
    i -= width;
  }
  return undefined;
}

function codePointAfter(text: string, at: number): string | undefined {
  for (let i = at; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (!isSkipped(ch)) return ch;
    i += ch.length;
  }
  return undefined;
}

/** The checks every returned span must pass, independent of how the matcher got there. */
function checkSpans(aliases: readonly AliasEntry[], text: string, spans: readonly MatchSpan[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    const { start, end } = span;
    expect(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length).toBe(true);
    expect(start).toBeGreaterThanOrEqual(previousEnd); // in order, no overlap
    previousEnd = end;
    expect(splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)).toBe(false);
    const surface = text.slice(start, end);
    const first = String.fromCodePoint(surface.codePointAt(0)!);
    const last = codePointBefore(surface, surface.length) ?? '';
    if (isSpacedWordChar(first)) expect(isSpacedWordChar(codePointBefore(text, start)), 'starts inside a word').toBe(false);
    if (isSpacedWordChar(last)) expect(isSpacedWordChar(codePointAfter(text, end)), 'ends inside a word').toBe(false);
    const alias = aliases[span.aliasIndex]!;
    expect(alias.entityId).toBe(span.entityId);
    expect(span.candidates[0]).toBe(span.entityId);
    const keys = (s: string) => tokenKeys(s).map((k) => (span.fuzzy && hasSkeleton(k) ? skeletonKey(k) : k));
    expect(keys(surface), `${JSON.stringify(surface)} folds to ${JSON.stringify(alias.text)}`).toEqual(keys(alias.text));
    expect(satisfiesCase(caseRuleOf(alias.text), text, start, end)).toBe(true);
  }
}

/** Naive matcher: every alias at every token, leftmost-longest; [start, end, sorted candidate ids]. */
function naiveMatch(aliases: readonly AliasEntry[], text: string): [number, number, string[]][] {
  const tokens = tokenize(text);
  const exact = Array.from({ length: tokens.count }, (_, t) => tokenKey(tokens, t));
  const skeleton = exact.map((k) => (hasSkeleton(k) ? `~${skeletonKey(k)}` : k));
  const keysOf = (alias: AliasEntry, fuzzy: boolean) =>
    tokenKeys(alias.text).map((k) => (fuzzy && hasSkeleton(k) ? `~${skeletonKey(k)}` : k));
  const out: [number, number, string[]][] = [];
  for (let i = 0; i < exact.length;) {
    let best = 0;
    let ids = new Set<string>();
    for (const alias of aliases) {
      for (const [keys, page] of alias.fuzzy
        ? [
            [keysOf(alias, false), exact],
            [keysOf(alias, true), skeleton],
          ]
        : [[keysOf(alias, false), exact]]) {
        const n = keys!.length;
        if (n === 0 || i + n > page!.length || keys!.some((k, j) => k !== page![i + j])) continue;
        if (!satisfiesCase(caseRuleOf(alias.text), text, tokens.start[i]!, tokens.end[i + n - 1]!)) continue;
        if (n > best) [best, ids] = [n, new Set()];
        if (n === best) ids.add(alias.entityId);
      }
    }
    if (best === 0) i++;
    else {
      out.push([tokens.start[i]!, tokens.end[i + best - 1]!, [...ids].sort()]);
      i += best;
    }
  }
  return out;
}

describe('matchText on random aliases and hostile text', () => {
  test('every span is inside the text, on word boundaries, whole code points, in order, and folds to its alias', () => {
    fc.assert(
      fc.property(aliasesAndText, ([aliases, text]) => {
        checkSpans(aliases, text, matchText(compileMatcher(aliases), text));
      }),
      { numRuns: runs(300) },
    );
  });

  test('agrees with a naive matcher (every alias tried at every token)', () => {
    fc.assert(
      fc.property(aliasesAndText, ([aliases, text]) => {
        const actual = matchText(compileMatcher(aliases), text).map((s) => [s.start, s.end, [...s.candidates].sort()]);
        expect(actual).toEqual(naiveMatch(aliases, text));
      }),
      { numRuns: runs(300) },
    );
  });

  test('an alias planted between word boundaries in random text is found exactly there', () => {
    const plant = fc.record({
      name: nameText,
      left: mixedText(6),
      right: mixedText(6),
      before: fc.constantFrom(' ', '\n', ', ', '(', '"', ' \u200F'),
      after: fc.constantFrom(' ', '\n', '.', '’s', ')', '"', '\u200E '),
    });
    fc.assert(
      fc.property(plant, ({ name, left, right, before, after }) => {
        const tokens = tokenize(name);
        fc.pre(tokens.count > 0); // a name of symbols only ("😀") has no word to match
        const text = left + before + name + after + right;
        const from = left.length + before.length;
        const spans = matchText(compileMatcher([{ text: name, entityId: 'planted' }]), text);
        // The span covers the name's tokens: from its first token's start to its last token's end.
        const span = [from + tokens.start[0]!, from + tokens.end[tokens.count - 1]!];
        const covering = spans.filter((s) => s.start <= span[0]! && s.end >= span[1]!);
        const overlapping = spans.filter((s) => s.start < span[1]! && s.end > span[0]!);
        // A longer occurrence that starts in `left` (a repeated name) may take the planted one's first words.
        expect(covering.length === 1 || (tokens.count > 1 && overlapping.length > 0), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  test('in a script written without spaces, a name planted inside a run of letters is found there', () => {
    const han = fc.constantFrom(...'我爱中国人民北京東京都市テストかなไทย');
    const run = fc.array(han, { maxLength: 8 }).map((l) => l.join(''));
    fc.assert(
      fc.property(fc.array(han, { minLength: 1, maxLength: 4 }), run, run, (letters, left, right) => {
        const name = letters.join('');
        const text = left + name + right;
        const spans = matchText(compileMatcher([{ text: name, entityId: 'planted' }]), text);
        const overlapping = spans.filter((s) => s.start < left.length + name.length && s.end > left.length);
        // Exactly there, unless an earlier occurrence of the same letters overlaps it.
        expect(overlapping.length, JSON.stringify(text)).toBeGreaterThan(0);
        for (const span of spans) expect(text.slice(span.start, span.end)).toBe(name);
      }),
      { numRuns: runs(200) },
    );
  });

  test('a matcher read back from its serialized form finds the same spans', () => {
    fc.assert(
      fc.property(aliasesAndText, ([aliases, text]) => {
        const compiled = compileMatcher(aliases);
        expect(matchText(deserializeMatcher(serializeMatcher(compiled)), text)).toEqual(matchText(compiled, text));
      }),
      { numRuns: runs(100) },
    );
  });

  test('a 1 MB page of hostile text is matched without throwing, and its spans hold', () => {
    fc.assert(
      fc.property(aliasSet, fc.array(mixedText(10), { minLength: 1, maxLength: 20 }), (aliases, pieces) => {
        const chunk = pieces.join(' ') + ' ' + aliases.map((a) => a.text).join(' , ') + ' ';
        const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length)).slice(0, 1_000_000);
        const last = text.charCodeAt(text.length - 1);
        const page = last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text; // whole code points only
        const spans = matchText(compileMatcher(aliases), page);
        checkSpans(aliases, page, spans.slice(0, 200));
        checkSpans(aliases, page, spans.slice(-200));
        for (let k = 1; k < spans.length; k++) if (spans[k]!.start < spans[k - 1]!.end) expect.fail('overlapping spans');
      }),
      { numRuns: 1 },
    );
  });
});
