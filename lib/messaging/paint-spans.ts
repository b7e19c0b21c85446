/** Comparing and grouping the spans the background sends a page (`PaintSpan`). */
import type { PaintSpan } from './protocol';

const NONE: readonly string[] = [];

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The same mention painted the same way; the block's index aside (blocks move as a page changes). */
export const sameSpan = (a: PaintSpan, b: PaintSpan) =>
  a.start === b.start &&
  a.end === b.end &&
  a.entityId === b.entityId &&
  a.type === b.type &&
  Boolean(a.discovered) === Boolean(b.discovered) &&
  sameList(a.ambiguous ?? NONE, b.ambiguous ?? NONE);

export const sameSpans = (a: readonly PaintSpan[], b: readonly PaintSpan[]) =>
  a.length === b.length && a.every((s, i) => sameSpan(s, b[i]!));

/**
 * The spans of each of `count` blocks, in their order (a span past `count` is dropped).
 * @example spansByBlock([{ block: 1, ... }], 2) // [[], [{ block: 1, ... }]]
 */
export function spansByBlock(spans: readonly PaintSpan[], count: number): PaintSpan[][] {
  const groups: PaintSpan[][] = Array.from({ length: count }, () => []);
  for (const span of spans) groups[span.block]?.push(span);
  return groups;
}
