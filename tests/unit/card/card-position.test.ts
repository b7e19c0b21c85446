import { expect, test } from 'vitest';
import { anchorRectOf, placeCard } from '../../../lib/paint/card-position';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };
const nameAt = (left: number, top: number, width = 120) => ({ left, top, right: left + width, bottom: top + 20 });

test.each([
  ['below the name when there is room', nameAt(100, 100), { top: 126, left: 100, side: 'below' }],
  ['above it near the bottom of the viewport', nameAt(100, 700), { top: 494, left: 100, side: 'above' }],
  ['kept inside the right edge', nameAt(900, 100), { top: 126, left: 692, side: 'below' }],
  ['kept inside the left edge', nameAt(-50, 100), { top: 126, left: 8, side: 'below' }],
  ['clamped when the name is scrolled above the viewport', nameAt(100, -400), { top: 8, left: 100, side: 'below' }],
  ['clamped when the name is scrolled below it', nameAt(100, 1200), { top: 592, left: 100, side: 'above' }],
])('placeCard: %s', (_, anchor, expected) => {
  expect(placeCard(anchor, card, viewport)).toEqual(expected);
});

test('a card taller than the room on either side goes where there is more, inside the viewport', () => {
  const tall = { width: 300, height: 500 };
  expect(placeCard(nameAt(100, 300), tall, viewport)).toEqual({ top: 292, left: 100, side: 'below' });
  expect(placeCard(nameAt(100, 500), tall, viewport)).toEqual({ top: 8, left: 100, side: 'above' });
  // Taller than the viewport: pinned to its top margin (the card scrolls inside).
  expect(placeCard(nameAt(100, 500), { width: 300, height: 1000 }, viewport).top).toBe(8);
});

test('a name wrapped over two lines: the card goes by the line under the pointer, else the first', () => {
  const lines = [nameAt(800, 100, 100), nameAt(0, 120, 80)];
  expect(anchorRectOf(lines, { x: 40, y: 130 })).toBe(lines[1]);
  expect(anchorRectOf(lines)).toBe(lines[0]);
  expect(anchorRectOf([{ left: 5, top: 5, right: 5, bottom: 5 }, lines[1]!])).toBe(lines[1]);
  expect(anchorRectOf([])).toBeNull();
});
