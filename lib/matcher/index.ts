/**
 * The knowledge-base matcher: aliases compiled into one token-level Aho-Corasick automaton, folded
 * per normalize.ts, with transliteration skeletons for person names (skeleton.ts), case rules
 * (case-rules.ts) and leftmost-longest resolution. Pure TypeScript: no DOM, no browser APIs.
 * `createKbMatcher` matches text blocks, the shape the background's analysis takes.
 */
import type { Entity, Span } from '../entities/types';
import { blockMemo } from '../block-memo';
import { compileMatcher } from './compile';
import { matchText } from './match-text';
import type { AliasEntry, CompiledMatcher } from './types';

export { compileMatcher } from './compile';
export { matchText } from './match-text';
export { deserializeMatcher, serializeMatcher } from './serialize';
export { foldText } from './normalize';
export { skeletonKey } from './skeleton';
export type { AliasEntry, CompiledMatcher, MatchSpan } from './types';

/** A `Span` with the ambiguity and transliteration facts of the match. */
export interface KbSpan extends Span {
  candidates: string[];
  fuzzy: boolean;
}

/** Matches an article's text blocks; spans say which block they are in. */
export interface KbMatcher {
  match(blocks: readonly string[]): KbSpan[];
}

/**
 * Alias entries for entities: the canonical name and every alias; person names are `fuzzy`.
 * @example compileMatcher(aliasesOf(entities))
 */
export function* aliasesOf(entities: readonly Entity[]): Generator<AliasEntry> {
  for (const entity of entities) {
    const fuzzy = entity.type === 'person';
    for (const text of [entity.name, ...entity.aliases]) yield { text, entityId: entity.id, fuzzy };
  }
}

const memos = new WeakMap<CompiledMatcher, (texts: readonly string[]) => ReturnType<typeof matchText>[]>();

/**
 * A block matcher over compiled or raw entities.
 * @example createKbMatcher(deserializeMatcher(cached)).match(article.blocks)
 */
export function createKbMatcher(source: readonly Entity[] | CompiledMatcher): KbMatcher {
  const compiled = Array.isArray(source) ? compileMatcher(aliasesOf(source)) : (source as CompiledMatcher);
  // A live page's every update repeats its earlier blocks: only the new ones are matched. One
  // memo per compiled matcher, kept when learning a name rebuilds the matchers around it.
  let matchBlocks = memos.get(compiled);
  if (!matchBlocks) memos.set(compiled, (matchBlocks = blockMemo((text) => matchText(compiled, text))));
  return {
    match(blocks) {
      return matchBlocks(blocks).flatMap((found, block) =>
        found.map(({ start, end, entityId, candidates, fuzzy }) => ({
          block,
          start,
          end,
          entityId,
          candidates,
          fuzzy,
        })),
      );
    },
  };
}
