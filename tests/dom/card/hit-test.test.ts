// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { TextBlock } from '../../../lib/article/types';
import type { PaintSpan } from '../../../lib/messaging/protocol';
import {
  caretAt,
  highlightRangesAt,
  mentionAt,
  mentionsOf,
  rectContains,
  sameBoundaries,
  sameMention,
} from '../../../lib/paint/hit-test';

// happy-dom lays nothing out: a monospace page where block i is line i, 20px tall, 10px a character.
const CHAR = 10;
const LINE = 20;
let lines: Text[] = [];

function blockOf(text: string): TextBlock {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  lines.push(p.firstChild as Text);
  return { element: p, text, nodes: [p.firstChild as Text], starts: [0] };
}

beforeEach(() => {
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const line = lines.indexOf(this.startContainer as Text);
    const rect = { left: this.startOffset * CHAR, right: this.endOffset * CHAR, top: line * LINE, bottom: (line + 1) * LINE };
    return [{ ...rect, x: rect.left, y: rect.top, width: rect.right - rect.left, height: LINE }] as unknown as DOMRectList;
  });
  (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = (x: number, y: number) => {
    const node = lines[Math.floor(y / LINE)];
    // A caret snaps to the nearest character boundary, even past the end of the line.
    return node ? { offsetNode: node, offset: Math.max(0, Math.min(node.data.length, Math.round(x / CHAR))) } : null;
  };
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  document.body.replaceChildren();
  lines = [];
});

const span = (block: number, start: number, end: number, entityId: string): PaintSpan => ({
  block,
  start,
  end,
  entityId,
  type: 'person',
});

function page() {
  const blocks = [blockOf('Habibullah Sayyari met Iran.'), blockOf('Later Sayyari left.')];
  const spans = [span(0, 0, 18, 'sayyari'), span(0, 23, 27, 'iran'), span(1, 6, 13, 'sayyari')];
  return { blocks, spans, mentions: mentionsOf(document, blocks, spans) };
}

test.each([
  ['inside', { x: 5, y: 5 }, 0, true],
  ['on the edge', { x: 10, y: 20 }, 0, true],
  ['just outside', { x: 11, y: 5 }, 0, false],
  ['within the slop', { x: 11, y: 5 }, 1, true],
])('rectContains: %s', (_, point, slop, expected) => {
  expect(rectContains({ left: 0, top: 0, right: 10, bottom: 20 }, point, slop)).toBe(expected);
});

test('mentionsOf gives each span a live range; spans whose text is gone are left out', () => {
  const { blocks, spans, mentions } = page();
  expect(mentions.map((m) => m.range.toString())).toEqual(['Habibullah Sayyari', 'Iran', 'Sayyari']);
  blocks[1]!.nodes[0]!.remove();
  expect(mentionsOf(document, blocks, spans).map((m) => m.span.entityId)).toEqual(['sayyari', 'iran']);
});

test('with the caret fallback: the mention under the point, by its rects', () => {
  const { mentions } = page();
  expect(mentionAt(document, mentions, { x: 55, y: 10 })?.range.toString()).toBe('Habibullah Sayyari');
  expect(mentionAt(document, mentions, { x: 245, y: 10 })?.span.entityId).toBe('iran');
  expect(mentionAt(document, mentions, { x: 95, y: 30 })?.range.toString()).toBe('Sayyari');
  // "met" is between two names: the caret snaps, but no name's rect holds the point.
  expect(mentionAt(document, mentions, { x: 205, y: 10 })).toBeNull();
  // Past the end of a line the caret snaps to its last character: still no name there.
  expect(mentionAt(document, mentions, { x: 600, y: 10 })).toBeNull();
  expect(mentionAt(document, [], { x: 55, y: 10 })).toBeNull();
});

test('without any caret API, the rects alone decide', () => {
  delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  expect(caretAt(document, { x: 1, y: 1 })).toBeNull();
  const { mentions } = page();
  expect(mentionAt(document, mentions, { x: 95, y: 30 })?.range.toString()).toBe('Sayyari');
});

test('caretRangeFromPoint (WebKit, older Chromium) is used when caretPositionFromPoint is missing', () => {
  const { mentions } = page();
  const position = (
    document as unknown as { caretPositionFromPoint: (x: number, y: number) => { offsetNode: Node; offset: number } }
  ).caretPositionFromPoint;
  delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  const caretRangeFromPoint = vi.fn((x: number, y: number) => {
    const p = position(x, y);
    const r = document.createRange();
    r.setStart(p.offsetNode, p.offset);
    return r;
  });
  (document as unknown as { caretRangeFromPoint: unknown }).caretRangeFromPoint = caretRangeFromPoint;
  expect(mentionAt(document, mentions, { x: 245, y: 10 })?.span.entityId).toBe('iran');
  expect(caretRangeFromPoint).toHaveBeenCalled();
  delete (document as unknown as { caretRangeFromPoint?: unknown }).caretRangeFromPoint;
});

test('highlightsFromPoint, where present, names the ranges hit: matched to mentions by their boundaries', () => {
  const { mentions } = page();
  const painterRange = document.createRange(); // the painter's own Range object for "Iran"
  painterRange.setStart(lines[0]!, 23);
  painterRange.setEnd(lines[0]!, 27);
  expect(sameBoundaries(painterRange, mentions[1]!.range)).toBe(true);
  expect(sameBoundaries(painterRange, mentions[0]!.range)).toBe(false);
  const registry = { highlightsFromPoint: vi.fn(() => [{ highlight: {}, ranges: [painterRange] }]) };
  expect(mentionAt(document, mentions, { x: 245, y: 10 }, registry)?.span.entityId).toBe('iran');
  // The highlight API says nothing is there: the caret is not asked.
  const empty = { highlightsFromPoint: () => [] };
  const caret = vi.spyOn(document as unknown as { caretPositionFromPoint: () => unknown }, 'caretPositionFromPoint');
  expect(mentionAt(document, mentions, { x: 55, y: 10 }, empty)).toBeNull();
  expect(caret).not.toHaveBeenCalled();
});

test('highlightRangesAt reads both result shapes, and says null where the API is missing', () => {
  const r = document.createRange();
  expect(highlightRangesAt({ highlightsFromPoint: () => [{ ranges: [r] }] }, { x: 0, y: 0 })).toEqual([r]);
  expect(highlightRangesAt({ highlightsFromPoint: () => [new Set([r])] }, { x: 0, y: 0 })).toEqual([r]);
  expect(highlightRangesAt({}, { x: 0, y: 0 })).toBeNull();
  expect(highlightRangesAt(undefined, { x: 0, y: 0 })).toBeNull();
});

test('sameMention compares spans, not Range objects', () => {
  const { mentions, blocks, spans } = page();
  const again = mentionsOf(document, blocks, spans);
  expect(sameMention(mentions[0]!, again[0]!)).toBe(true);
  expect(sameMention(mentions[0]!, again[2]!)).toBe(false);
  expect(sameMention(mentions[0]!, null)).toBe(false);
});
