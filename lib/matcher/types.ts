/**
 * Public data shapes of the knowledge-base matcher. The compiled form is plain typed arrays so it
 * can be cached in IndexedDB and be ready after a service-worker restart without recompiling.
 */
import type { Automaton } from './aho-corasick';
import type { Vocabulary } from './vocabulary';

/** One name of one entity, as given to `compileMatcher`. */
export interface AliasEntry {
  text: string;
  entityId: string;
  /** Also match transliteration variants (skeleton key); meant for person names. */
  fuzzy?: boolean;
  /** Tie-break when one alias names several entities: lower wins. Default 0. */
  priority?: number;
}

/** A mention found by `matchText`: `[start, end)` in ORIGINAL UTF-16 offsets. */
export interface MatchSpan {
  start: number;
  end: number;
  /** The preferred entity: exact key before skeleton key, then lower priority, then entity id. */
  entityId: string;
  /** Every entity an alias of this exact span names, best first (`candidates[0] === entityId`). */
  candidates: string[];
  /** Index (in `compileMatcher`'s input order) of the alias that won. */
  aliasIndex: number;
  /** True when the winner matched only through its transliteration skeleton. */
  fuzzy: boolean;
}

/** Compiled aliases. Treat as opaque: build with `compileMatcher` or `deserializeMatcher`. */
export interface CompiledMatcher {
  vocabulary: Vocabulary;
  automaton: Automaton;
  /** Per key (pattern): its length in tokens, its kind (0 exact, 1 skeleton) and its aliases. */
  patternLength: Uint16Array;
  patternKind: Uint8Array;
  /** Aliases of pattern p: `entryAlias[patternEntryStart[p]..patternEntryStart[p + 1])`, best first. */
  patternEntryStart: Int32Array;
  entryAlias: Int32Array;
  /** Per alias, by input index: entity index (-1 if the alias had no tokens), priority, `CaseRule`. */
  aliasEntity: Int32Array;
  aliasPriority: Float64Array;
  aliasCase: Uint8Array;
  /** Entity ids, concatenated: entity e is `entityChars[entityOffsets[e]..entityOffsets[e + 1])`. */
  entityChars: Uint16Array;
  entityOffsets: Uint32Array;
  /** Decoded entity ids (filled lazily; not serialized). */
  entityCache: (string | undefined)[];
}
