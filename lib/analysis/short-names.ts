/**
 * Second mentions of people. News names a person in full once ("Rear Admiral Habibollah
 * Sayyari") and by surname after ("Sayyari", "Rear Admiral Sayyari"). Once a person's full name
 * has matched in an article, their surname matches anywhere in that same article, and nowhere
 * else: "Sayyari" alone is not enough to name anyone.
 */
import { blockMemo } from '../block-memo';
import { compileMatcher, matchText, type AliasEntry } from '../matcher';
import type { Entity } from '../entities/types';

export interface ResolvedSpan {
  block: number;
  start: number;
  end: number;
  entityId: string;
}

/** The last word of a name of two words or more: the surname, in the languages news uses. */
export function surnameOf(name: string): string | null {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return null;
  const last = words.at(-1)!.replace(/[.,]$/, '');
  return /^\p{Lu}/u.test(last) && last.length >= 3 ? last : null;
}

/**
 * The last call's surnames, compiled, and their matches in its blocks: a live page's every update
 * names the same people in the same earlier blocks, and compiling and matching them again cost
 * a tenth of the background's time on one.
 */
let lastSurnames: { key: string; matchBlocks: (texts: readonly string[]) => ReturnType<typeof matchText>[] } | null = null;

function surnameMatches(aliases: readonly AliasEntry[], blocks: readonly string[]): ReturnType<typeof matchText>[] {
  const key = aliases.map((a) => `${a.entityId}\u0000${a.text}`).join('\u0001');
  if (lastSurnames?.key !== key) {
    const matcher = compileMatcher(aliases);
    lastSurnames = { key, matchBlocks: blockMemo((text) => matchText(matcher, text)) };
  }
  return lastSurnames.matchBlocks(blocks);
}

function overlaps(spans: readonly ResolvedSpan[], block: number, start: number, end: number): boolean {
  return spans.some((s) => s.block === block && s.start < end && start < s.end);
}

/**
 * Spans for the surnames of the people already found in `spans`, in text they leave free.
 * The matched surface forms count too, so "Habibullah Sayyari" yields "Sayyari".
 * @example shortNameSpans(['Habibollah Sayyari spoke. Sayyari said'], spans, byId) // adds [26, 33)
 */
export function shortNameSpans(
  blocks: readonly string[],
  spans: readonly ResolvedSpan[],
  entities: ReadonlyMap<string, Entity>,
): ResolvedSpan[] {
  const aliases: AliasEntry[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    const entity = entities.get(span.entityId);
    if (entity?.type !== 'person') continue;
    const surface = blocks[span.block]!.slice(span.start, span.end);
    for (const name of [entity.name, surface]) {
      const surname = surnameOf(name);
      const key = `${entity.id}\u0000${surname}`;
      if (!surname || seen.has(key)) continue;
      seen.add(key);
      aliases.push({ text: surname, entityId: entity.id, fuzzy: true });
    }
  }
  if (aliases.length === 0) return [];
  const found: ResolvedSpan[] = [];
  surnameMatches(aliases, blocks).forEach((matches, block) => {
    for (const m of matches) {
      // A surname two people share stays unresolved rather than guessed.
      if (m.candidates.length !== 1 || overlaps(spans, block, m.start, m.end)) continue;
      found.push({ block, start: m.start, end: m.end, entityId: m.entityId });
    }
  });
  return found;
}
