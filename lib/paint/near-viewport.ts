/**
 * Which of an article's blocks are near the viewport, for painting only those on a long page
 * (painter.ts). An IntersectionObserver did this first, one target per block: on a page of
 * 10,000 paragraphs the browser then spent 15 to 35 ms of every frame computing intersections,
 * and scrolling it dropped frames. Here the blocks are kept in their order down the page (the
 * document's order, in an article's single column), and a frame's question "what is near?" is a
 * binary search over their live positions: a dozen rectangles read, not ten thousand, whatever
 * moved them (scrolling, an inner box scrolling, content added above, a resize).
 */

/**
 * How far beyond the viewport, above and below, counts as near, in viewport heights. Every
 * change to the highlights costs the browser a paint of the whole document (on the page of
 * 10,000 paragraphs, scrolling that changed them every frame took 15 ms a frame), so changes
 * come in batches: once a block within `REFRESH_MARGIN` of the viewport is not near, everything
 * within `NEAR_MARGIN` becomes near and everything else far, which lasts the reader a few
 * screens of scrolling.
 */
export const NEAR_MARGIN = 2.5;
const REFRESH_MARGIN = 0.5;
/**
 * A fling: the page scrolled more than this many viewport heights per 100 ms, two checks in a
 * row. Its text is a blur, and on the page of 50,000 text nodes each change made mid-fling (every
 * few frames at 24,000 px a second) cost a frame of up to 50 ms; the change waits until the
 * scrolling slows or `SETTLE_MS` after it stops. One jump (a link to a section) is no fling.
 */
const FLING_SCREENS_PER_100_MS = 1;
const SETTLE_MS = 100;
/** `Node.DOCUMENT_POSITION_FOLLOWING`. */
const FOLLOWING = 4;

export interface NearViewport {
  /** Starts watching `el`; whether it is near is known at once (`isNear`). */
  track(el: Element): void;
  untrack(el: Element): void;
  isNear(el: Element): boolean;
  disconnect(): void;
}

export interface NearViewportOptions {
  margin?: number;
  /** The viewport's height in px: the window's by default. */
  viewportHeight?: () => number;
  /** Runs the check before a frame is drawn: `requestAnimationFrame` by default. */
  frame?: (run: () => void) => void;
  /** The document's scroll position in px: the window's by default. */
  scrollPosition?: () => number;
  /** The clock: `performance.now` by default. */
  now?: () => number;
  /** Runs `run` after `ms`, returning a cancel: `setTimeout` by default. */
  later?: (run: () => void, ms: number) => () => void;
}

/** A vertical band around the viewport, in viewport coordinates. */
interface Band {
  from: number;
  to: number;
}

/**
 * Watches elements and reports, once a frame at most, those that came near the viewport and
 * those that left it.
 * @example const near = watchNearViewport(window, (entered, left) => repaint(entered, left));
 */
export function watchNearViewport(
  win: Window,
  onChange: (entered: Element[], left: Element[]) => void,
  { margin = NEAR_MARGIN, viewportHeight, frame, scrollPosition, now, later }: NearViewportOptions = {},
): NearViewport {
  const height = viewportHeight ?? (() => win.innerHeight);
  const nextFrame = frame ?? ((run: () => void) => win.requestAnimationFrame(() => run()));
  const position = scrollPosition ?? (() => win.scrollY ?? 0);
  const clock = now ?? (() => performance.now());
  const after =
    later ??
    ((run: () => void, ms: number) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    });
  /** The watched elements, top to bottom. */
  const order: Element[] = [];
  const tracked = new Set<Element>();
  const near = new Set<Element>();
  /** The first and last element made near by the last change: where the near stretch is. */
  let span: [Element, Element] | null = null;
  /** An end of the stretch was untracked: where it reaches is unknown until the next change. */
  let lost = false;
  /** The tallest element seen: how far above a band an element may start and still reach in. */
  let tallest = 0;
  let scheduled = false;
  let connected = true;
  /** The scroll position and time at the last check, whether the scrolling then was fast. */
  let last = { at: clock(), y: position(), fast: false };
  /** The check that follows a fling, once the scrolling stopped. */
  let settle: (() => void) | null = null;

  /** Whether the page is being flung: fast since the last check, and fast at the check before. */
  function flinging(): boolean {
    const at = clock();
    const y = position();
    const fast = Math.abs(y - last.y) > ((at - last.at) / 100) * FLING_SCREENS_PER_100_MS * height();
    const sustained = fast && last.fast;
    last = { at, y, fast };
    return sustained;
  }

  const band = (around: number): Band => {
    const h = height();
    return { from: -around * h, to: h + around * h };
  };
  const isIn = (rect: DOMRect, b: Band) => rect.bottom >= b.from && rect.top <= b.to;

  /** First index in `order` whose element's top is below `y` (the live layout). */
  function upperBound(y: number): number {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[mid]!.getBoundingClientRect().top <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Where `el` goes in `order`: the document's order, which is the page's order down an article's
   * column, found without reading layout. Painting watches blocks mostly in that order, so the
   * last place is tried first; a binary search over live positions for each of a 50,000-block
   * page's blocks read a rectangle 800,000 times, most of the painting's cost.
   */
  function insertionPoint(el: Element): number {
    const follows = (before: Element) => (before.compareDocumentPosition(el) & FOLLOWING) !== 0;
    if (order.length === 0 || follows(order[order.length - 1]!)) return order.length;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (follows(order[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The watched elements within `b`, bottom to top. */
  function within(b: Band): Element[] {
    const found: Element[] = [];
    for (let i = upperBound(b.to) - 1; i >= 0; i--) {
      const rect = order[i]!.getBoundingClientRect();
      if (rect.top < b.from - tallest) break;
      if (isIn(rect, b)) found.push(order[i]!);
    }
    return found;
  }

  /**
   * An end of the near stretch lies wholly outside `b`: what is shown reaches far from what is
   * seen. The stretch grows without a change where blocks are added near the viewport and the
   * reader follows them (a live blog scrolled to its newest entry): each one is near when it
   * comes, and those it pushes up stayed near until this trimmed them.
   */
  function overreaches(b: Band): boolean {
    if (!span) return lost;
    const [first, last] = span;
    return first.getBoundingClientRect().bottom < b.from || last.getBoundingClientRect().top > b.to;
  }

  function check() {
    scheduled = false;
    if (!connected || order.length === 0) return;
    settle?.();
    settle = null;
    if (flinging()) {
      settle = after(schedule, SETTLE_MS);
      return;
    }
    // Nothing to show that is not shown, nothing shown far away: nothing changes.
    if (within(band(REFRESH_MARGIN)).every((el) => near.has(el)) && !overreaches(band(2 * margin))) return;
    lost = false;
    const found = within(band(margin));
    span = found.length > 0 ? [found.at(-1)!, found[0]!] : null;
    const now = new Set(found);
    const entered = found.filter((el) => !near.has(el)).reverse();
    const left = [...near].filter((el) => !now.has(el));
    near.clear();
    for (const el of now) near.add(el);
    if (entered.length > 0 || left.length > 0) onChange(entered, left);
  }

  function schedule() {
    if (scheduled || !connected) return;
    scheduled = true;
    nextFrame(check);
  }

  // Captured: an inner box's scrolling moves its blocks too. A resize, or content added or
  // removed (the document's size changes), moves them without scrolling.
  win.addEventListener('scroll', schedule, { passive: true, capture: true });
  win.addEventListener('resize', schedule, { passive: true });
  const Resizes = (win as Window & typeof globalThis).ResizeObserver;
  const resizes = typeof Resizes === 'function' ? new Resizes(schedule) : null;
  resizes?.observe(win.document.documentElement);

  return {
    track(el) {
      if (tracked.has(el)) return;
      tracked.add(el);
      const rect = el.getBoundingClientRect();
      order.splice(insertionPoint(el), 0, el);
      tallest = Math.max(tallest, rect.bottom - rect.top);
      if (!isIn(rect, band(margin))) return;
      near.add(el);
      if (lost) return;
      if (!span) span = [el, el];
      else if (rect.top < span[0].getBoundingClientRect().top) span[0] = el;
      else if (rect.bottom > span[1].getBoundingClientRect().bottom) span[1] = el;
    },
    untrack(el) {
      if (!tracked.delete(el)) return;
      const at = order.indexOf(el);
      if (at >= 0) order.splice(at, 1);
      near.delete(el);
      if (!span?.includes(el)) return;
      span = null;
      lost = near.size > 0;
      if (lost) schedule();
    },
    isNear: (el) => near.has(el),
    disconnect() {
      connected = false;
      settle?.();
      settle = null;
      win.removeEventListener('scroll', schedule, { capture: true });
      win.removeEventListener('resize', schedule);
      resizes?.disconnect();
      order.length = 0;
      tracked.clear();
      near.clear();
      span = null;
      lost = false;
    },
  };
}
