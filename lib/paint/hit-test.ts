/**
 * Which painted mention is under the pointer, without touching the DOM: highlights are not
 * elements, so there is no event target to read. Where the browser has
 * `CSS.highlights.highlightsFromPoint` (CSS Highlight API level 1, "Hit-testing") it names the
 * ranges under the point; elsewhere the caret position at the point narrows the mentions to those
 * containing it. Either way the range's client rects must contain the point, since a caret snaps
 * to the nearest character even in a margin.
 */
import type { TextBlock } from '../article/types';
import type { PaintSpan } from '../messaging/protocol';
import type { Mention } from './navigator';
import { rangeFor } from './ranges';

export interface Point {
  x: number;
  y: number;
}

export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** True when `point` lies inside `rect`, grown by `slop` pixels on each side. */
export function rectContains(rect: RectLike, point: Point, slop = 0): boolean {
  return (
    point.x >= rect.left - slop && point.x <= rect.right + slop && point.y >= rect.top - slop && point.y <= rect.bottom + slop
  );
}

/** True when two ranges cover the same text (different Range objects for one span). */
export function sameBoundaries(a: AbstractRange, b: AbstractRange): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

/** True when the mentions are the same span of the page. */
export function sameMention(a: Mention | null, b: Mention | null): boolean {
  return !!a && !!b && a.span.block === b.span.block && a.span.start === b.span.start && a.span.entityId === b.span.entityId;
}

/** The mentions of `spans`, each with a live range; spans whose text has changed are left out. */
export function mentionsOf(doc: Document, blocks: readonly TextBlock[], spans: readonly PaintSpan[]): Mention[] {
  const out: Mention[] = [];
  for (const span of spans) {
    const block = blocks[span.block];
    const range = block && rangeFor(doc, block, span.start, span.end);
    if (range) out.push({ span, range });
  }
  return out;
}

interface HitResult {
  highlight?: unknown;
  ranges?: AbstractRange[];
}
type RegistryWithHitTest = { highlightsFromPoint?: (x: number, y: number) => (HitResult | Iterable<AbstractRange>)[] };

/** The highlighted ranges at a point, or null where the browser cannot say. */
export function highlightRangesAt(registry: unknown, point: Point): AbstractRange[] | null {
  const hitTest = (registry as RegistryWithHitTest | undefined)?.highlightsFromPoint;
  if (typeof hitTest !== 'function') return null;
  const results = hitTest.call(registry, point.x, point.y);
  // The spec's results carry the ranges hit; an earlier shape returned the highlights themselves.
  return results.flatMap((r) =>
    Array.isArray((r as HitResult).ranges) ? (r as HitResult).ranges! : [...(r as Iterable<AbstractRange>)],
  );
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text position under a point: `caretPositionFromPoint`, else WebKit's `caretRangeFromPoint`. */
export function caretAt(doc: Document, point: Point): { node: Node; offset: number } | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(point.x, point.y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(point.x, point.y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

function containsCaret(range: Range, caret: { node: Node; offset: number }): boolean {
  try {
    return range.isPointInRange(caret.node, caret.offset);
  } catch {
    return false; // a node in another document or a doctype
  }
}

const underPoint = (m: Mention, point: Point) => [...m.range.getClientRects()].some((r) => rectContains(r, point, 1));

/**
 * The mention under `point` (viewport coordinates), or null.
 * @example const hit = mentionAt(document, mentions, { x: e.clientX, y: e.clientY }, CSS.highlights);
 */
export function mentionAt(doc: Document, mentions: readonly Mention[], point: Point, registry?: unknown): Mention | null {
  if (mentions.length === 0) return null;
  let candidates: readonly Mention[] = mentions;
  const hit = highlightRangesAt(registry, point);
  if (hit) {
    candidates = mentions.filter((m) => hit.some((r) => sameBoundaries(r, m.range)));
  } else {
    const caret = caretAt(doc, point);
    if (caret) candidates = mentions.filter((m) => containsCaret(m.range, caret));
  }
  return candidates.find((m) => underPoint(m, point)) ?? null;
}
