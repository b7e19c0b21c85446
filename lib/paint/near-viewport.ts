/**
 * Which of an article's blocks are near the viewport, for painting only those on a long page
 * (painter.ts). An IntersectionObserver did this first, one target per block: on a page of
 * 10,000 paragraphs the browser then spent 15 to 35 ms of every frame computing intersections,
 * and scrolling it dropped frames. Here each block's place in the document is read once (a
 * rectangle, when it is first watched) and kept sorted, so a frame's question "what is near?"
 * is a binary search; the places are read again only when the layout may have moved them (the
 * document or the window changed size, an inner box scrolled).
 */

/**
 * How far beyond the viewport, above and below, counts as near, in viewport heights. Every
 * change to the highlights costs the browser a paint of the whole document (on the page of
 * 10,000 paragraphs, scrolling that changed them every frame took 15 ms a frame), so changes
 * come in batches: once a block within `REFRESH_MARGIN` of the viewport is not near, everything
 * within `NEAR_MARGIN` becomes near and everything beyond it far, which lasts the reader a few
 * screens of scrolling.
 */
export const NEAR_MARGIN = 2.5;
const REFRESH_MARGIN = 0.5;
/** Places older than this are read again at the next check: a layout can move without resizing. */
const FRESH_MS = 2_000;

export interface NearViewport {
  /** Starts watching `el`; whether it is near is known at once (`isNear`). */
  track(el: Element): void;
  untrack(el: Element): void;
  isNear(el: Element): boolean;
  disconnect(): void;
}

/** The part of the document in view: its top and height, in document coordinates. */
export interface ViewportOf {
  (): { top: number; height: number };
}

export interface NearViewportOptions {
  margin?: number;
  viewport?: ViewportOf;
  /** Runs the check before a frame is drawn: `requestAnimationFrame` by default. */
  frame?: (run: () => void) => void;
}

interface Place {
  el: Element;
  top: number;
  bottom: number;
}

/**
 * Watches elements and reports, once a frame at most, those that came near the viewport and
 * those that left it.
 * @example const near = watchNearViewport(window, (entered, left) => repaint(entered, left));
 */
export function watchNearViewport(
  win: Window,
  onChange: (entered: Element[], left: Element[]) => void,
  { margin = NEAR_MARGIN, viewport, frame }: NearViewportOptions = {},
): NearViewport {
  const view: ViewportOf = viewport ?? (() => ({ top: win.scrollY, height: win.innerHeight }));
  const nextFrame = frame ?? ((run: () => void) => win.requestAnimationFrame(() => run()));
  const tracked = new Set<Element>();
  const near = new Set<Element>();
  /** Sorted by top; null when the layout may have moved things (read again at the next check). */
  let places: Place[] | null = [];
  const placeByElement = new Map<Element, Place>();
  let measuredAt = performance.now();
  let tallest = 0;
  let scheduled = false;
  let connected = true;

  const placeOf = (el: Element, scrollTop: number): Place => {
    const rect = el.getBoundingClientRect();
    return { el, top: rect.top + scrollTop, bottom: rect.bottom + scrollTop };
  };
  const windowOf = (around = margin) => {
    const { top, height } = view();
    return { from: top - around * height, to: top + height + around * height, top };
  };
  const isIn = (p: Place, w: { from: number; to: number }) => p.bottom >= w.from && p.top <= w.to;

  /** First index whose top is greater than `y`. */
  function upperBound(list: readonly Place[], y: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.top <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function measure(scrollTop: number): Place[] {
    const list = [...tracked].map((el) => placeOf(el, scrollTop)).sort((a, b) => a.top - b.top);
    placeByElement.clear();
    for (const p of list) placeByElement.set(p.el, p);
    tallest = list.reduce((max, p) => Math.max(max, p.bottom - p.top), 0);
    measuredAt = performance.now();
    return list;
  }

  /** The watched elements within `w`. */
  function within(list: readonly Place[], w: { from: number; to: number }): Element[] {
    const found: Element[] = [];
    // Everything starting above the window's end, back to what could still reach into it.
    for (let i = upperBound(list, w.to) - 1; i >= 0 && list[i]!.top >= w.from - tallest; i--) {
      if (isIn(list[i]!, w)) found.push(list[i]!.el);
    }
    return found;
  }

  function check() {
    scheduled = false;
    if (!connected) return;
    const w = windowOf();
    if (performance.now() - measuredAt > FRESH_MS) places = null;
    const list = (places ??= measure(w.top));
    // Nothing to show that is not shown, nothing shown far away: nothing changes.
    const beyond = windowOf(2 * margin);
    const farAway = (el: Element) => {
      const place = placeByElement.get(el);
      return place !== undefined && !isIn(place, beyond);
    };
    if (within(list, windowOf(REFRESH_MARGIN)).every((el) => near.has(el)) && ![...near].some(farAway)) return;
    const now = new Set(within(list, w));
    const entered = [...now].filter((el) => !near.has(el));
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
  const moved = () => {
    places = null;
    schedule();
  };
  const onScroll = (event: Event) => {
    // An inner box scrolled: what is in it moved on the page.
    if (event.target !== win.document && event.target !== win) places = null;
    schedule();
  };

  win.addEventListener('scroll', onScroll, { passive: true, capture: true });
  win.addEventListener('resize', moved, { passive: true });
  // The document's size: content added or removed moves what follows it. The first report is
  // the size at the start, which moves nothing.
  let size: string | null = null;
  const Resizes = (win as Window & typeof globalThis).ResizeObserver;
  const resizes =
    typeof Resizes === 'function'
      ? new Resizes((entries) => {
          const box = entries.at(-1)?.contentRect;
          const now = box ? `${box.width}x${box.height}` : '';
          if (size !== null && now !== size) moved();
          size = now;
        })
      : null;
  resizes?.observe(win.document.documentElement);

  return {
    track(el) {
      if (tracked.has(el)) return;
      tracked.add(el);
      const w = windowOf();
      const place = placeOf(el, w.top);
      if (isIn(place, w)) near.add(el);
      if (places) {
        places.splice(upperBound(places, place.top), 0, place);
        placeByElement.set(el, place);
        tallest = Math.max(tallest, place.bottom - place.top);
      }
    },
    untrack(el) {
      if (!tracked.delete(el)) return;
      near.delete(el);
      const place = placeByElement.get(el);
      placeByElement.delete(el);
      if (!places || !place) return;
      // Among the places sharing its top, just before the first one below it.
      for (let i = upperBound(places, place.top) - 1; i >= 0 && places[i]!.top === place.top; i--) {
        if (places[i] === place) {
          places.splice(i, 1);
          return;
        }
      }
    },
    isNear: (el) => near.has(el),
    disconnect() {
      connected = false;
      win.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('resize', moved);
      resizes?.disconnect();
      tracked.clear();
      near.clear();
      placeByElement.clear();
      places = [];
    },
  };
}
