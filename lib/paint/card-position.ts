/**
 * Where the hover card goes: beside the name it is about, below it when there is room, above it
 * otherwise, and always inside the viewport. Pure geometry, in viewport (client) coordinates.
 */
import { rectContains, type Point, type RectLike } from './hit-test';

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
}

export interface PlaceOptions {
  /** Between the name and the card: small, so the pointer crosses it within the grace delay. */
  gap?: number;
  /** Kept free at the viewport's edges. */
  margin?: number;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

/**
 * The card's top-left corner for a name at `anchor`.
 * @example placeCard({ left: 10, top: 700, right: 90, bottom: 720 }, { width: 320, height: 200 }, { width: 1280, height: 800 })
 * // { top: 494, left: 10, side: 'above' }
 */
export function placeCard(anchor: RectLike, card: Size, viewport: Size, { gap = 6, margin = 8 }: PlaceOptions = {}): Placement {
  const roomBelow = viewport.height - margin - (anchor.bottom + gap);
  const roomAbove = anchor.top - gap - margin;
  const side = card.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const wanted = side === 'below' ? anchor.bottom + gap : anchor.top - gap - card.height;
  const top = clamp(wanted, margin, Math.max(margin, viewport.height - margin - card.height));
  const left = clamp(anchor.left, margin, Math.max(margin, viewport.width - margin - card.width));
  return { top: Math.round(top), left: Math.round(left), side };
}

/** The line of a (possibly wrapped) name to put the card beside: the one under the pointer, else the first. */
export function anchorRectOf(rects: readonly RectLike[], point?: Point): RectLike | null {
  const visible = rects.filter((r) => r.right > r.left || r.bottom > r.top);
  return (point && visible.find((r) => rectContains(r, point, 1))) || visible[0] || null;
}
