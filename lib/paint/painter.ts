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
}

function groupByType(
  doc: Document,
  blocks: readonly TextBlock[],
  spans: readonly PaintSpan[],
  style: HighlightStyle,
  byBlock: Map<TextBlock, Painted[]>,
): Map<string, Range[]> {
  const groups = new Map<string, Range[]>();
  for (const span of spans) {
    const block = blocks[span.block];
    const range = block && rangeFor(doc, block, span.start, span.end);
    if (!range) continue;
    const name = highlightNameOf(span, style);
    const own = byBlock.get(block);
    if (own) own.push({ name, range });
    else byBlock.set(block, [{ name, range }]);
    const group = groups.get(name);
    if (group) group.push(range);
    else groups.set(name, [range]);
  }
  return groups;
}

function createHighlightPainter(doc: Document, api: HighlightApi): Painter {
  /** Each registered highlight; a later paint adds its ranges to the same one (a set). */
  const highlights = new Map<string, Highlight>();
  const byBlock = new Map<TextBlock, Painted[]>();
  return {
    paint(blocks, spans, style = 'underline-tint') {
      let painted = 0;
      for (const [name, added] of groupByType(doc, blocks, spans, style, byBlock)) {
        const existing = highlights.get(name);
        if (existing) for (const range of added) existing.add(range);
        else {
          const highlight = api.create(added);
          highlights.set(name, highlight);
          api.registry.set(name, highlight);
        }
        painted += added.length;
      }
      return painted;
    },
    forget(block) {
      for (const { name, range } of byBlock.get(block) ?? []) highlights.get(name)?.delete(range);
      byBlock.delete(block);
    },
    clear() {
      for (const name of highlights.keys()) api.registry.delete(name);
      highlights.clear();
      byBlock.clear();
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

/** A painter for `doc`: highlights where the API exists, wrapping elements elsewhere. */
export function createPainter(doc: Document, api: HighlightApi | null): Painter {
  return api ? createHighlightPainter(doc, api) : createWrappingPainter(doc);
}
