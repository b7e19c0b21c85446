/**
 * Name discovery: people, organizations and places in English news text that the knowledge base
 * does not hold, with their type, for the background's analysis. Pure TypeScript, no DOM, nothing
 * fetched: tokens, capitalized runs split by the name's shape, titles, roles, descriptions ("actor",
 * "Zambian") and sentence words ("The") stripped, sentence-start and headline capitals weighed
 * against the article's own usage and a common-word list, then mentions grouped into actors
 * (acronyms, surnames, given names, lone words of an organization named in full).
 */
import { blockMemo } from '../block-memo';
import { collectCapitals, isHeadlineCase } from './block-case';
import { candidatesOf, type BlockContext, type Candidate } from './candidates';
import { classify, type DiscoveredType } from './classify';
import { groupMentions, type Found, type Group } from './coreference';
import { summarize } from './actors';
import { foldName } from './fold';
import { tokenize, type Token } from './tokenize';
import { isCommonWord } from './word-lists';

export type { DiscoveredType } from './classify';

/** A span the knowledge base already matched: discovery leaves it alone. */
export interface KnownSpan {
  block: number;
  start: number;
  end: number;
  type?: string;
}
export interface DiscoveredMention {
  block: number;
  start: number;
  end: number;
  key: string;
}
export interface DiscoveredActor {
  /** Stable identity within the article (folded canonical name). */
  key: string;
  /** Fullest form: "Gilles Carbonnier", "International Committee of the Red Cross". */
  name: string;
  type: DiscoveredType;
  /** Other full surface forms seen, and defined acronyms ("ICRC"); not bare surnames. */
  aliases: string[];
  mentions: number;
  /** 0..1: multi-word names, repeated mentions and strong type cues score high. */
  confidence: number;
}
export interface Discovery {
  mentions: DiscoveredMention[];
  actors: DiscoveredActor[];
}
export interface DiscoveryOptions {
  known?: readonly KnownSpan[];
  /** Names the reader rejected or hid: never proposed (compared folded). */
  isSuppressed?: (name: string) => boolean;
}

/** Per token, the index of the known span it overlaps in this block, or -1: one merge-like pass. */
function knownIdsOf(tokens: readonly Token[], spans: readonly KnownSpan[]): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start);
  const ids: number[] = [];
  let k = 0;
  for (const t of tokens) {
    while (k < order.length && spans[order[k]!]!.end <= t.start) k++;
    const span = spans[order[k]!];
    ids.push(span && span.start < t.end ? order[k]! : -1);
  }
  return ids;
}

/** "International Committee of the Red Cross (ICRC)": the acronym the name defines. */
function definedAcronym(tokens: readonly Token[], c: Candidate): string | undefined {
  const [open, acronym, close] = [tokens[c.last + 1], tokens[c.last + 2], tokens[c.last + 3]];
  return open?.text === '(' && close?.text === ')' && acronym?.isAllCaps ? acronym.text : undefined;
}

function foundIn(block: number, text: string, ctx: BlockContext, c: Candidate): Found {
  const { tokens, headline, evidence } = ctx;
  const start = tokens[c.first]!.start;
  const end = tokens[c.last]!.end;
  const words = tokens.slice(c.first, c.last + 1).map((t) => t.text);
  const midSentence = !headline && !tokens[c.first]!.isInitial;
  const acronym = definedAcronym(tokens, c);
  const found: Found = {
    block,
    start,
    end,
    text: text.slice(start, end),
    words,
    midSentence,
    ...classify(tokens, c, (w) => (evidence.words.get(w) ?? 0) > 0),
  };
  return acronym ? { ...found, definesAcronym: acronym } : found;
}

/** A mention may only strictly contain known spans, never cut one or equal it. */
function respectsKnown(f: Found, known: readonly KnownSpan[]): boolean {
  return known.every(
    (k) => k.end <= f.start || f.end <= k.start || (f.start <= k.start && k.end <= f.end && f.end - f.start > k.end - k.start),
  );
}

/**
 * A single everyday word the text capitalizes ("Polaroids", "Zeitgeist") with nothing else saying it
 * is a name: no title or "said", no full name it is the surname of, no acronym.
 */
function isPlainWord(group: Group): boolean {
  if (group.surnameOf || group.acronyms.size > 0) return false;
  return group.found.every((f) => f.words.length === 1 && f.cue < 0.6 && isCommonWord(f.words[0]!.toLowerCase()));
}

/** Each block's tokens; a live page's every update repeats its earlier blocks (not changed below). */
const tokenizeBlocks = blockMemo(tokenize);

/**
 * @example
 * const { actors } = discoverNames(['Rear Admiral Habibollah Sayyari met Gilles Carbonnier. Carbonnier said.']);
 * // actors: Habibollah Sayyari (person), Gilles Carbonnier (person, 2 mentions)
 */
export function discoverNames(blocks: readonly string[], options: DiscoveryOptions = {}): Discovery {
  const known = options.known ?? [];
  const tokenized = tokenizeBlocks(blocks);
  const headline = tokenized.map((tokens) => isHeadlineCase(tokens));
  const evidence = collectCapitals(tokenized, headline);
  const found: Found[] = [];
  // Each block's known spans, grouped once: filtering them per block made a live blog's every
  // update cost its blocks times its names.
  const knownIn = new Map<number, KnownSpan[]>();
  for (const k of known) {
    const list = knownIn.get(k.block);
    if (list) list.push(k);
    else knownIn.set(k.block, [k]);
  }
  tokenized.forEach((tokens, block) => {
    const spans = knownIn.get(block) ?? [];
    const ctx = { tokens, knownIds: knownIdsOf(tokens, spans), headline: headline[block]!, evidence };
    for (const c of candidatesOf(ctx)) {
      const f = foundIn(block, blocks[block]!, ctx, c);
      if (respectsKnown(f, spans)) found.push(f);
    }
  });
  const suppressed = options.isSuppressed ?? (() => false);
  const actors: DiscoveredActor[] = [];
  const mentions: DiscoveredMention[] = [];
  for (const group of groupMentions(found)) {
    if (isPlainWord(group)) continue;
    const actor = summarize(group);
    if ([actor.name, ...actor.aliases, ...group.found.map((f) => f.text)].some((n) => suppressed(n) || suppressed(foldName(n))))
      continue;
    actors.push(actor);
    for (const f of group.found) mentions.push({ block: f.block, start: f.start, end: f.end, key: actor.key });
  }
  mentions.sort((a, b) => a.block - b.block || a.start - b.start);
  actors.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  return { mentions, actors };
}
