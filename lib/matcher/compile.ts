/**
 * Compiles aliases (300,000+) into one token automaton. Every alias gets its exact folded key; an
 * alias flagged `fuzzy` also gets its transliteration skeleton key (skeleton.ts) in the second trie.
 * Aliases sharing a key become one pattern whose entries are pre-sorted best first, so ambiguity
 * ("Georgia" the country and the US state) is resolved in the same order on every run. Build state
 * is kept in flat arrays (entries as linked lists) to keep a 1M-alias compile out of the GC.
 */
import { buildAutomaton } from './aho-corasick';
import { caseRuleOf } from './case-rules';
import { SKELETON_MIN_LENGTH, SKELETON_PREFIX, writeSkeleton } from './skeleton';
import { createTokens, tokenize, type Tokens } from './tokenize';
import { createTrieBuilder, EXACT_ROOT, SKELETON_ROOT, type TrieBuilder } from './trie-builder';
import { insertKey } from './trie-builder';
import type { AliasEntry, CompiledMatcher } from './types';
import { hashUnits } from './hash';
import { createVocabularyBuilder, finishVocabulary, internUnits, type VocabularyBuilder } from './vocabulary';

interface Build {
  vocabulary: VocabularyBuilder;
  trie: TrieBuilder;
  tokens: Tokens;
  /** Scratch: token ids of the alias being added. */
  symbols: Int32Array;
  patternLength: number[];
  patternKind: number[];
  /** Entries per pattern as linked lists: head entry, then `entryNext`; -1 ends a list. */
  patternHead: number[];
  entryAlias: number[];
  entryNext: number[];
  entityIds: Map<string, number>;
  lastEntityId: string | undefined;
  lastEntityIndex: number;
  aliasEntity: number[];
  aliasPriority: number[];
  aliasCase: number[];
}

function createBuild(): Build {
  return {
    vocabulary: createVocabularyBuilder(),
    trie: createTrieBuilder(),
    tokens: createTokens(256),
    symbols: new Int32Array(64),
    patternLength: [],
    patternKind: [],
    patternHead: [],
    entryAlias: [],
    entryNext: [],
    entityIds: new Map(),
    lastEntityId: undefined,
    lastEntityIndex: -1,
    aliasEntity: [],
    aliasPriority: [],
    aliasCase: [],
  };
}

/** Entity index of an id; ids are stored in first-seen order. Aliases usually come grouped by entity. */
function entityIndexOf(b: Build, entityId: string): number {
  if (entityId === b.lastEntityId) return b.lastEntityIndex;
  let index = b.entityIds.get(entityId);
  if (index === undefined) {
    index = b.entityIds.size;
    b.entityIds.set(entityId, index);
  }
  b.lastEntityId = entityId;
  b.lastEntityIndex = index;
  return index;
}

function addPattern(b: Build, root: number, symbols: Int32Array, count: number, alias: number): void {
  const node = insertKey(b.trie, root, symbols, count);
  let pattern = b.trie.pattern[node]!;
  if (pattern < 0) {
    pattern = b.trie.pattern[node] = b.patternHead.length;
    b.patternLength.push(count);
    b.patternKind.push(root === SKELETON_ROOT ? 1 : 0);
    b.patternHead.push(-1);
  }
  b.entryNext.push(b.patternHead[pattern]!);
  b.patternHead[pattern] = b.entryAlias.length;
  b.entryAlias.push(alias);
}

const skeletonScratch = new Uint16Array(1024);

/** Vocabulary id of token t's skeleton ('~' + skeleton), or -1 when the token has none. */
function skeletonIdOf(b: Build, t: number): number {
  const { units, foldStart, foldEnd, latin } = b.tokens;
  const length = foldEnd[t]! - foldStart[t]!;
  if (latin[t] === 0 || length < SKELETON_MIN_LENGTH || length >= skeletonScratch.length) return -1;
  skeletonScratch[0] = SKELETON_PREFIX.charCodeAt(0);
  const end = writeSkeleton(units, foldStart[t]!, foldEnd[t]!, skeletonScratch, 1);
  return internUnits(b.vocabulary, skeletonScratch, 0, end, hashUnits(skeletonScratch, 0, end));
}

function addAlias(b: Build, alias: AliasEntry, index: number): void {
  const tokens = tokenize(alias.text, b.tokens);
  b.tokens = tokens;
  b.aliasEntity.push(tokens.count > 0 ? entityIndexOf(b, alias.entityId) : -1);
  b.aliasPriority.push(alias.priority ?? 0);
  b.aliasCase.push(caseRuleOf(alias.text));
  const count = tokens.count;
  if (count === 0) return;
  if (b.symbols.length < count) b.symbols = new Int32Array(count * 2);
  for (let t = 0; t < count; t++) {
    b.symbols[t] = internUnits(b.vocabulary, tokens.units, tokens.foldStart[t]!, tokens.foldEnd[t]!, tokens.hash[t]!);
  }
  addPattern(b, EXACT_ROOT, b.symbols, count, index);
  if (!alias.fuzzy) return;
  let changed = false;
  for (let t = 0; t < count; t++) {
    const skeletonId = skeletonIdOf(b, t);
    if (skeletonId < 0) continue;
    b.symbols[t] = skeletonId;
    changed = true;
  }
  if (changed) addPattern(b, SKELETON_ROOT, b.symbols, count, index);
}

function concatIds(ids: readonly string[]): { entityChars: Uint16Array; entityOffsets: Uint32Array } {
  const entityOffsets = new Uint32Array(ids.length + 1);
  ids.forEach((id, e) => (entityOffsets[e + 1] = entityOffsets[e]! + id.length));
  const entityChars = new Uint16Array(entityOffsets[ids.length]!);
  ids.forEach((id, e) => {
    for (let k = 0; k < id.length; k++) entityChars[entityOffsets[e]! + k] = id.charCodeAt(k);
  });
  return { entityChars, entityOffsets };
}

/** Entries of one pattern, best first: lower priority, then entity id, then input order. */
function sortEntries(b: Build, entries: number[], ids: readonly string[]): number[] {
  return entries.sort((x, y) => {
    const byPriority = b.aliasPriority[x]! - b.aliasPriority[y]!;
    if (byPriority !== 0) return byPriority;
    const idX = ids[b.aliasEntity[x]!]!;
    const idY = ids[b.aliasEntity[y]!]!;
    return idX < idY ? -1 : idX > idY ? 1 : x - y;
  });
}

function flattenEntries(b: Build, ids: readonly string[]): { patternEntryStart: Int32Array; entryAlias: Int32Array } {
  const patternEntryStart = new Int32Array(b.patternHead.length + 1);
  const entryAlias = new Int32Array(b.entryAlias.length);
  let k = 0;
  b.patternHead.forEach((head, p) => {
    patternEntryStart[p] = k;
    if (b.entryNext[head]! < 0) entryAlias[k++] = b.entryAlias[head]!;
    else {
      const entries: number[] = [];
      for (let e = head; e >= 0; e = b.entryNext[e]!) entries.push(b.entryAlias[e]!);
      for (const alias of sortEntries(b, entries, ids)) entryAlias[k++] = alias;
    }
  });
  patternEntryStart[b.patternHead.length] = k;
  return { patternEntryStart, entryAlias };
}

function finish(b: Build): CompiledMatcher {
  const ids = [...b.entityIds.keys()];
  const nodePattern = b.trie.pattern.slice(0, b.trie.nodeCount);
  return {
    vocabulary: finishVocabulary(b.vocabulary),
    automaton: buildAutomaton(b.trie, b.vocabulary.count, nodePattern),
    patternLength: Uint16Array.from(b.patternLength),
    patternKind: Uint8Array.from(b.patternKind),
    ...flattenEntries(b, ids),
    aliasEntity: Int32Array.from(b.aliasEntity),
    aliasPriority: Float64Array.from(b.aliasPriority),
    aliasCase: Uint8Array.from(b.aliasCase),
    ...concatIds(ids),
    entityCache: [],
  };
}

/**
 * Compiles aliases into a matcher; `MatchSpan.aliasIndex` refers to positions in `aliases`.
 * @example
 * const m = compileMatcher([{ text: 'Georgia', entityId: 'Q230' }, { text: 'Georgia', entityId: 'Q1428' }]);
 * matchText(m, 'in Georgia')[0].candidates // ['Q1428', 'Q230']
 */
export function compileMatcher(aliases: Iterable<AliasEntry>): CompiledMatcher {
  const b = createBuild();
  let index = 0;
  for (const alias of aliases) addAlias(b, alias, index++);
  return finish(b);
}
