/**
 * Paints entity spans with the CSS Custom Highlight API, one highlight per entity type
 * (`dramatis-person`, `dramatis-place`, ...) and one per type for names discovered while reading
 * (`dramatis-person-discovered`, ...), so painting never changes the page's DOM
 * (https://drafts.csswg.org/css-highlight-api-1/). Where the API is missing it falls back to
 * wrapping text in `<dramatis-mark>` elements, the only case where the DOM is touched.
 */
import type { TextBlock } from '../article/types';
import type { PaintSpan } from '../messaging/protocol';
import type { HighlightStyle } from '../settings/reader-settings';
import { watchNearViewport, type NearViewport } from './near-viewport';
import { rangeFor, segmentsFor } from './ranges';

export const HIGHLIGHT_PREFIX = 'dramatis-';
export const MARK_TAG = 'dramatis-mark';

export interface HighlightApi {
  registry: { set(name: string, value: Highlight): unknown; delete(name: string): unknown };
  create(ranges: Range[]): Highlight;
}

export interface Painter {
  paint(blocks: readonly TextBlock[], spans: readonly PaintSpan[], style?: HighlightStyle): number;
  /** Takes back what was painted in `block` (re-read or gone), leaving every other block as is. */
  forget(block: TextBlock): void;
  clear(): void;
}

/**
 * The highlight a span is painted with: by type, discovered names apart from known ones, and the
 * reader's style as a suffix (`dramatis-person`, `dramatis-person-discovered--underline`).
 */
export function highlightNameOf(span: Pick<PaintSpan, 'type' | 'discovered'>, style: HighlightStyle = 'underline-tint'): string {
  const suffix = style === 'underline-tint' ? '' : `--${style}`;
  return `${HIGHLIGHT_PREFIX}${span.type}${span.discovered ? '-discovered' : ''}${suffix}`;
}

/** The page's highlight API, or null where the browser lacks it. */
export function highlightApiOf(win: Window & typeof globalThis): HighlightApi | null {
  const css = win.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  if (!css?.highlights || typeof win.Highlight !== 'function') return null;
  return { registry: css.highlights, create: (ranges) => new win.Highlight(...ranges) };
}

interface Painted {
  name: string;
  range: Range;
  span: PaintSpan;
}
/**
 * Above this many spans, only the blocks near the viewport have their ranges built and
 * registered, as the reader scrolls near them: on a 1 MB article building every range took about
 * 100 ms of the page's main thread, for highlights mostly far off screen.
 */
export const WINDOW_FROM = 500;

/** Starts watching which elements are near the viewport (near-viewport.ts), reporting changes. */
export type NearWatcher = (onChange: (entered: Element[], left: Element[]) => void) => NearViewport;

/** A block's spans: those made into ranges, and those waiting until the block is near. */
interface BlockPaint {
  todo: { span: PaintSpan; name: string }[];
  items: Painted[];
  spans: number;
}

function createHighlightPainter(doc: Document, api: HighlightApi, watchNear: NearWatcher | undefined): Painter {
  /** Each registered highlight; a later paint adds its ranges to the same one (a set). */
  const highlights = new Map<string, Highlight>();
  const byBlock = new Map<TextBlock, BlockPaint>();
  let count = 0;
  /** Windowed painting: started past `WINDOW_FROM` spans, until the next `clear`. */
  let near: NearViewport | null = null;
  const blocksOf = new Map<Element, Set<TextBlock>>();

  function register(items: readonly Painted[]) {
    const byName = new Map<string, Range[]>();
    for (const { name, range } of items) {
      const group = byName.get(name);
      if (group) group.push(range);
      else byName.set(name, [range]);
    }
    for (const [name, ranges] of byName) {
      const existing = highlights.get(name);
      if (existing) for (const range of ranges) existing.add(range);
      else {
        const highlight = api.create(ranges);
        highlights.set(name, highlight);
        api.registry.set(name, highlight);
      }
    }
  }

  function unregister(items: readonly Painted[]) {
    for (const { name, range } of items) highlights.get(name)?.delete(range);
  }

  /** Makes the block's waiting spans into ranges (building ranges is most of painting's cost). */
  function materialize(block: TextBlock, paint: BlockPaint): Painted[] {
    const made: Painted[] = [];
    for (const { span, name } of paint.todo) {
      const range = rangeFor(doc, block, span.start, span.end);
      if (range) made.push({ name, range, span });
    }
    paint.todo = [];
    paint.items.push(...made);
    return made;
  }

  const isShown = (block: TextBlock) => near === null || near.isNear(block.element);

  function track(block: TextBlock) {
    const el = block.element;
    const own = blocksOf.get(el);
    if (own) own.add(block);
    else {
      blocksOf.set(el, new Set([block]));
      near?.track(el);
    }
  }

  /** Registers (or takes back) the highlights of the blocks of elements that came near (or left). */
  function show(elements: readonly Element[], shown: boolean) {
    for (const el of elements) {
      for (const block of blocksOf.get(el) ?? []) {
        const paint = byBlock.get(block);
        if (!paint) continue;
        if (shown) {
          materialize(block, paint);
          register(paint.items);
        } else {
          // Its ranges go, to be built again if it comes near: a live range the page keeps is
          // one the browser updates at every change to the DOM, and one its collector traces
          // (a live blog read for a minute kept thousands far off screen).
          unregister(paint.items);
          paint.todo.push(...paint.items.map(({ span, name }) => ({ span, name })));
          paint.items = [];
        }
      }
    }
  }

  function startWindow(watch: NearWatcher) {
    const watcher = watch((entered, left) => {
      show(left, false);
      show(entered, true);
    });
    near = watcher;
    // What was painted before stays registered only where it is near.
    for (const el of blocksOf.keys()) watcher.track(el);
    show(
      [...blocksOf.keys()].filter((el) => !watcher.isNear(el)),
      false,
    );
  }

  return {
    paint(blocks, spans, style = 'underline-tint') {
      const touched = new Set<TextBlock>();
      for (const span of spans) {
        const block = blocks[span.block];
        if (!block) continue;
        let paint = byBlock.get(block);
        if (!paint) byBlock.set(block, (paint = { todo: [], items: [], spans: 0 }));
        paint.todo.push({ span, name: highlightNameOf(span, style) });
        paint.spans++;
        count++;
        touched.add(block);
      }
      for (const block of touched) track(block);
      if (near === null && watchNear && count > WINDOW_FROM) startWindow(watchNear);
      const shown: Painted[] = [];
      for (const block of touched) if (isShown(block)) shown.push(...materialize(block, byBlock.get(block)!));
      register(shown);
      return shown.length;
    },
    forget(block) {
      const paint = byBlock.get(block);
      if (!paint) return;
      if (isShown(block)) unregister(paint.items);
      count -= paint.spans;
      byBlock.delete(block);
      const own = blocksOf.get(block.element);
      own?.delete(block);
      if (own?.size === 0) {
        blocksOf.delete(block.element);
        near?.untrack(block.element);
      }
    },
    clear() {
      for (const name of highlights.keys()) api.registry.delete(name);
      highlights.clear();
      byBlock.clear();
      blocksOf.clear();
      count = 0;
      near?.disconnect();
      near = null;
    },
  };
}

function unwrap(mark: Element): void {
  const parent = mark.parentNode;
  if (!parent) return;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
  parent.normalize();
}

function createWrappingPainter(doc: Document): Painter {
  const marks = new Map<TextBlock, Element[]>();
  return {
    paint(blocks, spans, style = 'underline-tint') {
      // Back to front, so splitting a Text node never moves a position still to be wrapped.
      const ordered = [...spans].sort((a, b) => b.block - a.block || b.start - a.start);
      for (const span of ordered) {
        const block = blocks[span.block];
        if (!block) continue;
        for (const seg of segmentsFor(block, span.start, span.end).reverse()) {
          const range = doc.createRange();
          range.setStart(seg.node, seg.start);
          range.setEnd(seg.node, seg.end);
          const mark = doc.createElement(MARK_TAG);
          mark.className = highlightNameOf(span, style);
          range.surroundContents(mark);
          const own = marks.get(block);
          if (own) own.push(mark);
          else marks.set(block, [mark]);
        }
      }
      return spans.length;
    },
    forget(block) {
      for (const mark of marks.get(block) ?? []) unwrap(mark);
      marks.delete(block);
    },
    clear() {
      for (const own of marks.values()) for (const mark of own) unwrap(mark);
      marks.clear();
    },
  };
}

/** Near-viewport watching in `doc`'s window, where it has one. */
function nearWatcherOf(doc: Document): NearWatcher | undefined {
  const win = doc.defaultView;
  return win ? (onChange) => watchNearViewport(win, onChange) : undefined;
}

/** A painter for `doc`: highlights where the API exists, wrapping elements elsewhere. */
export function createPainter(
  doc: Document,
  api: HighlightApi | null,
  watchNear: NearWatcher | undefined = nearWatcherOf(doc),
): Painter {
  return api ? createHighlightPainter(doc, api, watchNear) : createWrappingPainter(doc);
}
