// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import type { TextBlock } from '../../../lib/article/types';
import type { PaintSpan } from '../../../lib/messaging/protocol';
import { createMentionNavigator, FOCUS_HIGHLIGHT } from '../../../lib/paint/navigator';
import { createPainter, highlightNameOf, type HighlightApi } from '../../../lib/paint/painter';

function blockOf(text: string): TextBlock {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  return { element: p, text, nodes: [p.firstChild as Text], starts: [0] };
}

function fakeApi() {
  const registry = new Map<string, Range[]>();
  const api: HighlightApi = {
    registry: { set: (n, v) => registry.set(n, v as unknown as Range[]), delete: (n) => registry.delete(n) },
    create: (ranges) => [...ranges] as unknown as Highlight,
  };
  return { api, registry };
}

afterEach(() => document.body.replaceChildren());

const span = (block: number, start: number, end: number, entityId: string): PaintSpan => ({
  block,
  start,
  end,
  entityId,
  type: 'place',
});

const blocks = () => [blockOf('Iran and Russia met.'), blockOf('Russia hosted Iran.')];
const spans = [span(1, 14, 18, 'iran'), span(0, 0, 4, 'iran'), span(0, 9, 15, 'russia'), span(1, 0, 6, 'russia')];

test('steps through every mention in reading order, both ways, wrapping around', () => {
  const { api, registry } = fakeApi();
  const nav = createMentionNavigator(document, api);
  nav.set(blocks(), spans);
  const forward = [1, 1, 1, 1, 1].map(() => nav.step(1)!.range.toString());
  expect(forward).toEqual(['Iran', 'Russia', 'Russia', 'Iran', 'Iran']);
  expect(nav.step(-1)!.span).toMatchObject({ block: 1, start: 14 - 0 });
  expect(registry.get(FOCUS_HIGHLIGHT)!.map(String)).toEqual(['Iran']);
});

test('going back first lands on the last mention', () => {
  const nav = createMentionNavigator(document, fakeApi().api);
  nav.set(blocks(), spans);
  expect(nav.step(-1)!.span).toMatchObject({ block: 1, start: 14 });
});

test('one entity’s mentions only, when asked', () => {
  const nav = createMentionNavigator(document, fakeApi().api);
  nav.set(blocks(), spans);
  expect([1, 1, 1].map(() => nav.step(1, 'russia')!.span.block)).toEqual([0, 1, 0]);
  expect(nav.step(1, 'nobody')).toBeNull();
});

test('clearing drops the focus highlight', () => {
  const { api, registry } = fakeApi();
  const nav = createMentionNavigator(document, api);
  nav.set(blocks(), spans);
  nav.step(1);
  nav.clear();
  expect(registry.has(FOCUS_HIGHLIGHT)).toBe(false);
  expect(nav.current()).toBeNull();
});

test('the page read again keeps the focused mention when it is still there, and drops it when it is gone', () => {
  const { api, registry } = fakeApi();
  const nav = createMentionNavigator(document, api);
  const read = blocks();
  nav.set(read, spans);
  nav.step(1);
  nav.step(1);
  expect(nav.current()!.range.toString()).toBe('Russia');
  // The whole analysis arrives (a discovered name added before it): the place is kept.
  const more = [span(0, 0, 4, 'iran'), span(0, 9, 15, 'russia'), span(1, 0, 6, 'russia'), span(1, 14, 18, 'iran')];
  nav.set(read, [...more, span(0, 5, 8, 'and')]);
  expect(nav.current()!.span).toMatchObject({ block: 0, start: 9, entityId: 'russia' });
  expect(registry.get(FOCUS_HIGHLIGHT)!.map(String)).toEqual(['Russia']);
  expect(nav.step(1)!.span).toMatchObject({ block: 1, start: 0 });
  // The focused block was read again (its text changed): the focus goes.
  nav.set([read[0]!, blockOf('Russia hosted Iran.')], more);
  expect(nav.current()).toBeNull();
  expect(registry.has(FOCUS_HIGHLIGHT)).toBe(false);
});

test.each([
  [{ type: 'person', discovered: undefined }, 'underline-tint', 'dramatis-person'],
  [{ type: 'person', discovered: true }, 'underline-tint', 'dramatis-person-discovered'],
  [{ type: 'place', discovered: undefined }, 'underline', 'dramatis-place--underline'],
  [{ type: 'organization', discovered: true }, 'tint', 'dramatis-organization-discovered--tint'],
] as const)('highlightNameOf(%o, %s) is %s', (span, style, name) => {
  expect(highlightNameOf(span, style)).toBe(name);
});

test('the painter paints in the reader’s style', () => {
  const { api, registry } = fakeApi();
  createPainter(document, api).paint(blocks(), spans, 'tint');
  expect([...registry.keys()]).toEqual(['dramatis-place--tint']);
});
