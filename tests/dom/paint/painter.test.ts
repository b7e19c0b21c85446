// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import type { TextBlock } from '../../../lib/article/types';
import type { PaintSpan } from '../../../lib/messaging/protocol';
import { createPainter, MARK_TAG, WINDOW_FROM, type HighlightApi, type NearWatcher } from '../../../lib/paint/painter';
import { pointAt, rangeFor } from '../../../lib/paint/ranges';

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

function mount(html: string): Element {
  const root = document.createElement('div');
  root.innerHTML = html; // fixture markup written in this file, not page text
  document.body.append(root);
  return root;
}

/** A registry that records what the painter registers, standing in for CSS.highlights. */
function fakeApi() {
  const registry = new Map<string, Set<Range>>();
  const api: HighlightApi = {
    registry: {
      set: (name, value) => registry.set(name, value as unknown as Set<Range>),
      delete: (name) => registry.delete(name),
    },
    // A Highlight is a set of ranges.
    create: (ranges) => new Set(ranges) as unknown as Highlight,
  };
  const texts = () =>
    [...registry.values()]
      .flatMap((set) => [...set])
      .map(String)
      .sort();
  return { api, registry, texts };
}

/**
 * A near-viewport watcher the test drives: `report(el, near)` tells the painter whether `el` came
 * near the viewport or left it, as the page's scrolling would; until reported, an element is near.
 */
function fakeNear() {
  let onChange: ((entered: Element[], left: Element[]) => void) | null = null;
  const observed = new Set<Element>();
  const far = new Set<Element>();
  const watch: NearWatcher = (callback) => {
    onChange = callback;
    return {
      track: (el) => void observed.add(el),
      untrack: (el) => void observed.delete(el),
      isNear: (el) => observed.has(el) && !far.has(el),
      disconnect() {
        observed.clear();
        onChange = null;
      },
    };
  };
  const report = (el: Element, near: boolean) => {
    if (near === !far.has(el)) return;
    if (near) far.delete(el);
    else far.add(el);
    onChange?.(near ? [el] : [], near ? [] : [el]);
  };
  return { watch, observed, report, started: () => onChange !== null };
}

const span = (start: number, end: number, type: PaintSpan['type'] = 'place'): PaintSpan => ({
  block: 0,
  start,
  end,
  entityId: 'e',
  type,
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('ranges', () => {
  test('maps offsets across inline elements', () => {
    const p = mount('<p>Rear Admiral <b>Habibollah</b> Sayyari said</p>').firstElementChild!;
    const block = blockOf(p);
    const range = rangeFor(document, block, 13, 31)!;
    expect(range.toString()).toBe('Habibollah Sayyari');
  });

  test('a boundary between nodes resolves to the side the range needs', () => {
    const block = blockOf(mount('<p>ab<i>cd</i></p>'));
    expect(pointAt(block, 2, 'start')).toMatchObject({ offset: 0 });
    expect(pointAt(block, 2, 'start')!.node.data).toBe('cd');
    expect(pointAt(block, 2, 'end')!.node.data).toBe('ab');
  });

  test('offsets outside the block give no range', () => {
    const block = blockOf(mount('<p>Iran</p>'));
    expect(rangeFor(document, block, 2, 9)).toBeNull();
    expect(rangeFor(document, block, 3, 3)).toBeNull();
  });

  test('a node removed from the page gives no range', () => {
    const root = mount('<p>Iran</p>');
    const block = blockOf(root);
    root.remove();
    expect(rangeFor(document, block, 0, 4)).toBeNull();
  });
});

describe('highlight painter', () => {
  test('registers one highlight per type under dramatis- names without touching the DOM', () => {
    const root = mount('<p>Iran and the <a href="#">ICRC</a> met Sayyari</p>');
    const before = root.outerHTML;
    const { api, registry } = fakeApi();
    const painter = createPainter(document, api);
    const painted = painter.paint([blockOf(root)], [span(0, 4), span(13, 17, 'organization'), span(22, 29, 'person')]);
    expect(painted).toBe(3);
    expect([...registry.keys()].sort()).toEqual(['dramatis-organization', 'dramatis-person', 'dramatis-place']);
    expect([...registry.get('dramatis-organization')!].map(String)).toEqual(['ICRC']);
    expect(root.outerHTML).toBe(before);
    painter.clear();
    expect(registry.size).toBe(0);
  });

  test('skips spans whose block is unknown', () => {
    const { api, registry } = fakeApi();
    const painted = createPainter(document, api).paint([], [span(0, 4)]);
    expect(painted).toBe(0);
    expect(registry.size).toBe(0);
  });
});

describe('wrapping fallback', () => {
  test('wraps each mention, across nodes, and clear() restores the text', () => {
    const root = mount('<p>Iran and Habib<i>ollah</i> Sayyari</p>');
    const p = root.firstElementChild!;
    const painter = createPainter(document, null);
    painter.paint([blockOf(p)], [span(0, 4), span(9, 27, 'person')]);
    const marks = [...p.querySelectorAll(MARK_TAG)].map((m) => [m.className, m.textContent]);
    expect(marks).toEqual([
      ['dramatis-place', 'Iran'],
      ['dramatis-person', 'Habib'],
      ['dramatis-person', 'ollah'],
      ['dramatis-person', ' Sayyari'],
    ]);
    painter.clear();
    expect(p.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(p.textContent).toBe('Iran and Habibollah Sayyari');
  });

  test('forgetting a block takes back its ranges and leaves the other blocks painted', () => {
    const root = mount('<p>Iran and Russia</p><p>Tehran and Moscow</p>');
    const blocks = [...root.children].map(blockOf);
    const { api, texts } = fakeApi();
    const painter = createPainter(document, api);
    painter.paint(blocks, [span(0, 4), span(9, 15), { ...span(0, 6), block: 1 }, { ...span(11, 17), block: 1 }]);
    expect(texts()).toEqual(['Iran', 'Moscow', 'Russia', 'Tehran']);
    painter.forget(blocks[0]!);
    expect(texts()).toEqual(['Moscow', 'Tehran']);
    painter.paint(blocks, [span(0, 4)]);
    expect(texts()).toEqual(['Iran', 'Moscow', 'Tehran']);
  });

  test(`past ${WINDOW_FROM} ranges only blocks near the viewport keep theirs registered`, () => {
    const root = mount(Array.from({ length: 300 }, (_, i) => `<p>Iran and Russia ${i}</p>`).join(''));
    const blocks = [...root.children].map(blockOf);
    const spans = blocks.flatMap((_, i) => [
      { ...span(0, 4), block: i },
      { ...span(9, 15), block: i },
    ]);
    const { api, registry, texts } = fakeApi();
    const { watch, observed, report, started } = fakeNear();
    const painter = createPainter(document, api, watch);
    painter.paint(blocks, spans.slice(0, 400));
    expect(started()).toBe(false);
    expect(texts()).toHaveLength(400);
    painter.paint(blocks, spans.slice(400));
    expect(started()).toBe(true);
    expect(observed.size).toBe(300);
    // Until the watcher reports them far, everything painted stays registered.
    expect(texts()).toHaveLength(600);
    for (const [i, block] of blocks.entries()) report(block.element, i < 10 || i >= 290);
    expect(texts()).toHaveLength(40);
    // Scrolling near a block registers its ranges again; leaving it takes them back.
    report(blocks[150]!.element, true);
    expect(texts()).toHaveLength(42);
    const rangesIn = (i: number) =>
      [...registry.values()].flatMap((set) => [...set]).filter((r) => blocks[i]!.element.contains(r.startContainer));
    const before = rangesIn(0);
    expect(before.map(String).sort()).toEqual(['Iran', 'Russia']);
    report(blocks[0]!.element, false);
    expect(texts()).toHaveLength(40);
    // Far off, a block keeps no range (the browser updates every live range at each change to
    // the page): coming near again builds them anew, over the same text.
    report(blocks[0]!.element, true);
    const after = rangesIn(0);
    expect(after.map(String).sort()).toEqual(['Iran', 'Russia']);
    expect(after.some((r) => before.includes(r))).toBe(false);
    report(blocks[0]!.element, false);
    // A forgotten block is no longer watched; clearing ends the window.
    painter.forget(blocks[150]!);
    expect(texts()).toHaveLength(38);
    expect(observed.has(blocks[150]!.element)).toBe(false);
    painter.clear();
    expect(started()).toBe(false);
    painter.paint(blocks, spans.slice(0, 10));
    expect(texts()).toHaveLength(10);
  });
});
