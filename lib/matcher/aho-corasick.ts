/**
 * Aho-Corasick automaton over TOKEN ids (not characters), in dense typed arrays: a CSR goto table
 * (children sorted by symbol, binary-searched), a dense first row per root (most page tokens fall
 * back to a root, so that transition is one array read), fail links and output links. One linear
 * pass over the tokens finds every alias ending at every token, whatever the number of aliases.
 * Two roots (exact keys, skeleton keys) share the arrays; each scan thread stays in its own tree.
 * Reference: Aho & Corasick, "Efficient string matching", CACM 18(6), 1975.
 */
import type { TrieBuilder } from './trie-builder';

/** The compiled automaton; every field is a typed array so it serializes without conversion. */
export interface Automaton {
  /** Number of token ids (the width of a `rootNext` row). */
  vocabSize: number;
  /** Children of node n: `childSymbol/childNode[childStart[n]..childStart[n + 1])`, by symbol. */
  childStart: Int32Array;
  childSymbol: Int32Array;
  childNode: Int32Array;
  /** `rootNext[root * vocabSize + symbol]`: child of root 0 or 1, or -1. */
  rootNext: Int32Array;
  fail: Int32Array;
  /** Nearest proper suffix state (via fail links) that ends a key, or -1. */
  outLink: Int32Array;
  /** Key (pattern) id ending at node n, or -1. */
  nodePattern: Int32Array;
}

/** Child of `state` on `symbol`, or -1. */
export function goTo(a: Automaton, state: number, symbol: number): number {
  if (state < 2) return a.rootNext[state * a.vocabSize + symbol]!;
  let lo = a.childStart[state]!;
  let hi = a.childStart[state + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = a.childSymbol[mid]!;
    if (s === symbol) return a.childNode[mid]!;
    if (s < symbol) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The state after reading `symbol` (-1 = a token no alias contains, which resets to `root`).
 * @example state = step(automaton, state, tokenId, EXACT_ROOT)
 */
export function step(a: Automaton, state: number, symbol: number, root: number): number {
  if (symbol < 0) return root;
  for (;;) {
    const next = goTo(a, state, symbol);
    if (next >= 0) return next;
    if (state < 2) return state;
    state = a.fail[state]!;
  }
}

/** Orders nodes 2..n-1 by (parent, symbol) with two stable counting sorts. */
function sortEdges(t: TrieBuilder, vocabSize: number): Int32Array {
  const n = t.nodeCount;
  const bySymbol = new Int32Array(n - 2);
  const symbolStart = new Int32Array(vocabSize + 1);
  for (let v = 2; v < n; v++) symbolStart[t.symbol[v]! + 1]!++;
  for (let s = 0; s < vocabSize; s++) symbolStart[s + 1]! += symbolStart[s]!;
  for (let v = 2; v < n; v++) bySymbol[symbolStart[t.symbol[v]!]!++] = v;
  const parentStart = new Int32Array(n + 1);
  for (let v = 2; v < n; v++) parentStart[t.parent[v]! + 1]!++;
  for (let p = 0; p < n; p++) parentStart[p + 1]! += parentStart[p]!;
  const sorted = new Int32Array(n - 2);
  for (const v of bySymbol) sorted[parentStart[t.parent[v]!]!++] = v;
  return sorted;
}

function buildGoto(t: TrieBuilder, vocabSize: number): Pick<Automaton, 'childStart' | 'childSymbol' | 'childNode' | 'rootNext'> {
  const n = t.nodeCount;
  const childNode = sortEdges(t, vocabSize);
  const childSymbol = childNode.map((v) => t.symbol[v]!);
  const childStart = new Int32Array(n + 1);
  for (const v of childNode) childStart[t.parent[v]! + 1]!++;
  for (let p = 0; p < n; p++) childStart[p + 1]! += childStart[p]!;
  const rootNext = new Int32Array(2 * vocabSize).fill(-1);
  for (let k = 0; k < childStart[2]!; k++) rootNext[t.parent[childNode[k]!]! * vocabSize + childSymbol[k]!] = childNode[k]!;
  return { childStart, childSymbol, childNode, rootNext };
}

function failTarget(a: Automaton, parent: number, symbol: number): number {
  for (let f = a.fail[parent]!; ; f = a.fail[f]!) {
    const next = goTo(a, f, symbol);
    if (next >= 0) return next;
    if (f < 2) return f;
  }
}

/** Breadth-first: fail links of depth-1 nodes are their root, deeper ones follow their parent's. */
function linkFailures(a: Automaton): void {
  const queue = new Int32Array(a.fail.length);
  let tail = 0;
  for (let k = 0; k < a.childStart[2]!; k++) {
    const v = a.childNode[k]!;
    a.fail[v] = k < a.childStart[1]! ? 0 : 1;
    queue[tail++] = v;
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    for (let k = a.childStart[u]!; k < a.childStart[u + 1]!; k++) {
      const v = a.childNode[k]!;
      const f = failTarget(a, u, a.childSymbol[k]!);
      a.fail[v] = f;
      a.outLink[v] = a.nodePattern[f]! >= 0 ? f : a.outLink[f]!;
      queue[tail++] = v;
    }
  }
}

/**
 * Freezes a trie into the runtime automaton; `nodePattern[n]` is the key id ending at node n or -1.
 * @example const automaton = buildAutomaton(trie, vocabularySize, nodePattern)
 */
export function buildAutomaton(t: TrieBuilder, vocabSize: number, nodePattern: Int32Array): Automaton {
  const n = t.nodeCount;
  const gotoTable = buildGoto(t, vocabSize);
  const a: Automaton = { vocabSize, ...gotoTable, fail: new Int32Array(n), outLink: new Int32Array(n).fill(-1), nodePattern };
  linkFailures(a);
  return a;
}
