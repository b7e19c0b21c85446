/**
 * Moves through the page's mentions in reading order: for keyboard navigation (all mentions) and
 * for the panel's "show me" (one entity's mentions). The current mention is drawn with its own
 * highlight, `dramatis-focus`, and scrolled into view; the page's DOM is never touched.
 */
import type { TextBlock } from '../article/types';
import type { PaintSpan } from '../messaging/protocol';
import { HIGHLIGHT_PREFIX, type HighlightApi } from './painter';
import { rangeFor } from './ranges';

export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}focus`;

export interface Mention {
  span: PaintSpan;
  range: Range;
}

export interface MentionNavigator {
  /** The mentions to move through, in reading order (spans as painted). */
  set(blocks: readonly TextBlock[], spans: readonly PaintSpan[]): void;
  /** The next (or previous) mention, of `entityId` only when given; wraps around. */
  step(direction: 1 | -1, entityId?: string): Mention | null;
  current(): Mention | null;
  /** Drops the focus highlight. */
  clear(): void;
}

function byReadingOrder(a: PaintSpan, b: PaintSpan): number {
  return a.block - b.block || a.start - b.start;
}

/** Scrolls so the range sits in the upper third of the viewport, unless it is already well in view. */
export function scrollIntoView(win: Window, range: Range): void {
  const rect = range.getBoundingClientRect();
  const margin = win.innerHeight * 0.15;
  if (rect.top >= margin && rect.bottom <= win.innerHeight - margin) return;
  const smooth = !win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  win.scrollTo({ top: win.scrollY + rect.top - win.innerHeight / 3, behavior: smooth ? 'smooth' : 'auto' });
}

export function createMentionNavigator(doc: Document, api: HighlightApi | null): MentionNavigator {
  let blocks: readonly TextBlock[] = [];
  /** In reading order; sorted when first stepped through (a live blog sets them once a frame). */
  let spans: PaintSpan[] = [];
  let unsorted: readonly PaintSpan[] | null = null;
  let index = -1;
  let focused: Mention | null = null;
  let focusedBlock: TextBlock | null = null;

  function focus(i: number): Mention | null {
    const span = spans[i]!;
    const block = blocks[span.block];
    const range = block && rangeFor(doc, block, span.start, span.end);
    if (!range) return null;
    index = i;
    focused = { span, range };
    focusedBlock = block;
    api?.registry.set(FOCUS_HIGHLIGHT, api.create([range]));
    return focused;
  }

  return {
    set(nextBlocks, nextSpans) {
      blocks = nextBlocks;
      // The page read again (a living page, the whole analysis after the early answer) keeps the
      // reader's place when the focused mention is still there, unchanged.
      const was = focused;
      if (!was) {
        unsorted = nextSpans;
        spans = [];
        index = -1;
        return;
      }
      unsorted = null;
      spans = [...nextSpans].sort(byReadingOrder);
      const at = spans.findIndex(
        (s) =>
          blocks[s.block] === focusedBlock &&
          s.start === was.span.start &&
          s.end === was.span.end &&
          s.entityId === was.span.entityId,
      );
      if (at >= 0) {
        index = at;
        focused = { span: spans[at]!, range: was.range };
        return;
      }
      index = -1;
      focused = null;
      focusedBlock = null;
      api?.registry.delete(FOCUS_HIGHLIGHT);
    },
    step(direction, entityId) {
      if (unsorted) {
        spans = [...unsorted].sort(byReadingOrder);
        unsorted = null;
      }
      const n = spans.length;
      for (let k = 1; k <= n; k++) {
        const i = ((((index === -1 && direction === -1 ? 0 : index) + direction * k) % n) + n) % n;
        if (entityId && spans[i]!.entityId !== entityId) continue;
        const mention = focus(i);
        if (mention) return mention;
      }
      return null;
    },
    current: () => focused,
    clear() {
      index = -1;
      focused = null;
      focusedBlock = null;
      api?.registry.delete(FOCUS_HIGHLIGHT);
    },
  };
}
