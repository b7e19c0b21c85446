// @vitest-environment happy-dom
/**
 * Properties of the range adapter (block offsets → DOM Ranges) on random DOM: a block's text split
 * into random Text nodes (empty ones too) under random inline elements, with surrogate pairs, RTL
 * and zero-width characters. Any span inside the block maps to a Range reading exactly that slice;
 * anything else (reversed, empty, out of range, not a whole number) is refused, never thrown.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import type { TextBlock } from '../../../lib/article/types';
import { pointAt, rangeFor, segmentsFor } from '../../../lib/paint/ranges';
import { hostileString, mixedText, runs } from './arbitraries';

/** A tree of inline content: text, or an element holding more. */
type Piece = { text: string } | { tag: string; children: Piece[] };

const { piece } = fc.letrec<{ piece: Piece }>((tie) => ({
  piece: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: fc.oneof(hostileString(6), mixedText(2), fc.constant('')).map((text) => ({ text })) },
    {
      weight: 1,
      arbitrary: fc.record({
        tag: fc.constantFrom('b', 'i', 'span', 'a', 'em', 'bdi', 'q'),
        children: fc.array(tie('piece'), { maxLength: 4 }),
      }),
    },
  ),
}));
const pieces = fc.array(piece, { minLength: 1, maxLength: 8 });

function build(parent: Element, items: readonly Piece[]): void {
  for (const item of items) {
    if ('text' in item) parent.appendChild(document.createTextNode(item.text));
    else {
      const el = document.createElement(item.tag);
      build(el, item.children);
      parent.appendChild(el);
    }
  }
}

/** A block over every Text node under `el`, as the article reader builds it. */
function blockOf(el: Element): TextBlock {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const starts: number[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    text += node.data;
  }
  return { element: el, text, nodes, starts };
}

function paragraphOf(items: readonly Piece[]): TextBlock {
  const p = document.createElement('p');
  p.dir = 'auto';
  build(p, items);
  document.body.appendChild(p);
  return blockOf(p);
}

/** Pieces of a block and two numbers that pick a span inside it (the DOM is built in the property, fresh on each run). */
const blockAndSpan = fc.tuple(pieces, fc.nat(), fc.nat());

/** The block of `items` and the span `a`, `b` pick in it, or null when they pick an empty one. */
function spanIn([items, a, b]: [Piece[], number, number]): { block: TextBlock; start: number; end: number } | null {
  const block = paragraphOf(items);
  const [from, to] = [a % (block.text.length + 1), b % (block.text.length + 1)];
  return from === to ? null : { block, start: Math.min(from, to), end: Math.max(from, to) };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('rangeFor on random DOM', () => {
  test('any span inside a block maps to a Range whose text is the block text slice', () => {
    fc.assert(
      fc.property(blockAndSpan, (picked) => {
        const made = spanIn(picked);
        fc.pre(made !== null);
        const { block, start, end } = made!;
        const range = rangeFor(document, block, start, end);
        expect(range).not.toBeNull();
        expect(range!.toString()).toBe(block.text.slice(start, end));
        expect(block.nodes).toContain(range!.startContainer);
        expect(block.nodes).toContain(range!.endContainer);
      }),
      { numRuns: runs(100) },
    );
  });

  test('segmentsFor cuts the same span into per-node pieces that add up to the slice', () => {
    fc.assert(
      fc.property(blockAndSpan, (picked) => {
        const made = spanIn(picked);
        fc.pre(made !== null);
        const { block, start, end } = made!;
        const segments = segmentsFor(block, start, end);
        expect(segments.map((s) => s.node.data.slice(s.start, s.end)).join('')).toBe(block.text.slice(start, end));
        for (const s of segments) expect(0 <= s.start && s.start < s.end && s.end <= s.node.data.length).toBe(true);
      }),
      { numRuns: runs(100) },
    );
  });

  const garbage = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -3, max: 40 }) }, // often inside the block: reversed and empty spans
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.double(),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, Number.MAX_SAFE_INTEGER + 2, -1),
  );

  test('reversed, empty, out-of-range and fractional spans are refused, never thrown', () => {
    fc.assert(
      fc.property(pieces, garbage, garbage, (items, start, end) => {
        const block = paragraphOf(items);
        const inside = (n: number) => Number.isInteger(n) && n >= 0 && n <= block.text.length;
        const range = rangeFor(document, block, start, end);
        if (!(inside(start) && inside(end) && start < end)) expect(range).toBeNull();
        else expect(range!.toString()).toBe(block.text.slice(start, end));
        for (const offset of [start, end]) {
          if (!inside(offset)) expect(pointAt(block, offset, 'start')).toBeNull();
        }
      }),
      { numRuns: runs(150) },
    );
  });

  test('fractional offsets are refused (counterexample: DOM offsets are whole numbers, setStart(…, 0.5) reads 0)', () => {
    const block = paragraphOf([{ text: 'Iran' }]);
    expect(pointAt(block, 0.5, 'start')).toBeNull();
    expect(rangeFor(document, block, 0.5, 3)).toBeNull();
    expect(rangeFor(document, block, 1, 2.5)).toBeNull();
  });

  test('a span over a node the page removed is refused, never thrown', () => {
    fc.assert(
      fc.property(blockAndSpan, fc.nat(), (picked, which) => {
        const made = spanIn(picked);
        fc.pre(made !== null);
        const { block, start, end } = made!;
        const victim = block.nodes[which % block.nodes.length]!;
        victim.remove();
        const range = rangeFor(document, block, start, end);
        if (range) {
          expect(range.startContainer.isConnected && range.endContainer.isConnected).toBe(true);
          expect(range.startContainer).not.toBe(victim);
          expect(range.endContainer).not.toBe(victim);
        }
      }),
      { numRuns: runs(100) },
    );
  });
});
