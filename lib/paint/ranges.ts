/**
 * Maps offsets in a text block back to DOM positions. A block's text is exactly the
 * concatenation of its Text nodes, so an offset is found by a binary search over node starts.
 */
import type { TextBlock } from '../article/types';

export interface DomPoint {
  node: Text;
  offset: number;
}

/**
 * The DOM point of `offset` in `block`; at a boundary between nodes, `bias` picks the side. Null
 * for an offset outside the block or not a whole number (the DOM would round 0.5 down to 0 and
 * paint text the span does not name).
 */
export function pointAt(block: TextBlock, offset: number, bias: 'start' | 'end'): DomPoint | null {
  const { nodes, starts } = block;
  if (nodes.length === 0 || !Number.isInteger(offset) || offset < 0 || offset > block.text.length) return null;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < offset || (bias === 'start' && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  const local = offset - starts[lo]!;
  return local <= node.data.length ? { node, offset: local } : null;
}

/** A live Range over `[start, end)` of `block`, or null when the block has changed under it. */
export function rangeFor(doc: Document, block: TextBlock, start: number, end: number): Range | null {
  if (end <= start) return null;
  const from = pointAt(block, start, 'start');
  const to = pointAt(block, end, 'end');
  if (!from || !to || !from.node.isConnected || !to.node.isConnected) return null;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Each Text-node-sized piece of `[start, end)`: what a wrapping fallback can surround. */
export function segmentsFor(block: TextBlock, start: number, end: number): { node: Text; start: number; end: number }[] {
  const out: { node: Text; start: number; end: number }[] = [];
  block.nodes.forEach((node, i) => {
    const nodeStart = block.starts[i]!;
    const from = Math.max(start, nodeStart);
    const to = Math.min(end, nodeStart + node.data.length);
    if (from < to) out.push({ node, start: from - nodeStart, end: to - nodeStart });
  });
  return out;
}
