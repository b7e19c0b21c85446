/**
 * Compile-time trie over token ids, with two roots: node 0 holds exact alias keys, node 1 holds
 * transliteration skeleton keys. Edges live in an open-addressing hash on (parent, symbol) in
 * typed arrays: a JS Map keyed by parent * 2^24 + symbol would box most keys as heap numbers and
 * make compiling 1M aliases several times slower. `aho-corasick.ts` turns it into the runtime CSR.
 */

import { mix } from './hash';

/** Root of the exact-key trie. */
export const EXACT_ROOT = 0;
/** Root of the skeleton-key trie. */
export const SKELETON_ROOT = 1;

/** A trie under construction; `parent`/`symbol` of node n are valid for n >= 2. */
export interface TrieBuilder {
  nodeCount: number;
  parent: Int32Array;
  symbol: Int32Array;
  /** Key (pattern) id ending at node n, or -1. */
  pattern: Int32Array;
  /** Edge hash: slot → child node id (0 = empty, since roots are never children). */
  edgeChild: Int32Array;
}

/** An empty two-root trie. */
export function createTrieBuilder(): TrieBuilder {
  const pattern = new Int32Array(1024).fill(-1);
  return { nodeCount: 2, parent: new Int32Array(1024), symbol: new Int32Array(1024), pattern, edgeChild: new Int32Array(2048) };
}

function edgeSlot(parent: number, symbol: number, mask: number): number {
  return mix(Math.imul(parent, 0x9e3779b1) + symbol) & mask;
}

function findSlot(t: TrieBuilder, parent: number, symbol: number): number {
  const mask = t.edgeChild.length - 1;
  let slot = edgeSlot(parent, symbol, mask);
  for (;;) {
    const child = t.edgeChild[slot]!;
    if (child === 0 || (t.parent[child] === parent && t.symbol[child] === symbol)) return slot;
    slot = (slot + 1) & mask;
  }
}

function doubled(a: Int32Array, fill: number): Int32Array {
  const next = new Int32Array(a.length * 2).fill(fill, a.length);
  next.set(a);
  return next;
}

function growNodes(t: TrieBuilder): void {
  t.parent = doubled(t.parent, 0);
  t.symbol = doubled(t.symbol, 0);
  t.pattern = doubled(t.pattern, -1);
}

function growEdges(t: TrieBuilder): void {
  const old = t.edgeChild;
  t.edgeChild = new Int32Array(old.length * 2);
  for (const child of old) if (child !== 0) t.edgeChild[findSlot(t, t.parent[child]!, t.symbol[child]!)] = child;
}

function childOrCreate(t: TrieBuilder, parent: number, symbol: number): number {
  const slot = findSlot(t, parent, symbol);
  if (t.edgeChild[slot] !== 0) return t.edgeChild[slot]!;
  if (t.nodeCount === t.parent.length) growNodes(t);
  const node = t.nodeCount++;
  t.parent[node] = parent;
  t.symbol[node] = symbol;
  t.edgeChild[slot] = node;
  if (t.nodeCount * 2 > t.edgeChild.length) growEdges(t);
  return node;
}

/**
 * Inserts a key (token ids) under `root`; returns its terminal node.
 * @example insertKey(trie, EXACT_ROOT, [idOf('north'), idOf('south')])
 */
export function insertKey(t: TrieBuilder, root: number, symbols: ArrayLike<number>, count = symbols.length): number {
  let node = root;
  for (let i = 0; i < count; i++) node = childOrCreate(t, node, symbols[i]!);
  return node;
}
