// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { watchNearViewport } from '../../../lib/paint/near-viewport';

/**
 * A page laid out by the test: element i spans [i·100, i·100 + 80) in document coordinates,
 * shifted by `offset`; the viewport is `view` (1,000 px tall); frames run when the test says, and
 * on a clocked page so do the timers (`wait`).
 * The page's scrolling is fired at the document, as browsers do.
 */
function page(count: number, { clocked = false } = {}) {
  const state = { offset: 0, top: 0, rectReads: 0, clock: 0 };
  const timers: { at: number; run: () => void }[] = [];
  const elements = Array.from({ length: count }, (_, i) => {
    const el = document.createElement('p');
    el.getBoundingClientRect = () => {
      state.rectReads++;
      const top = i * 100 + state.offset - state.top;
      return { top, bottom: top + 80, left: 0, right: 100, width: 100, height: 80, x: 0, y: top } as DOMRect;
    };
    document.body.append(el);
    return el;
  });
  const frames: (() => void)[] = [];
  const changes: { entered: number[]; left: number[] }[] = [];
  const index = (el: Element) => elements.indexOf(el as HTMLParagraphElement);
  const near = watchNearViewport(
    window,
    (entered, left) =>
      changes.push({ entered: entered.map(index).sort((a, b) => a - b), left: left.map(index).sort((a, b) => a - b) }),
    {
      viewportHeight: () => 1_000,
      frame: (run) => frames.push(run),
      // Clocked pages scroll in time (flings); the others move without it, as the window's own
      // scroll position, which happy-dom keeps at 0, says.
      ...(clocked && {
        scrollPosition: () => state.top,
        now: () => state.clock,
        later: (run: () => void, ms: number) => {
          const timer = { at: state.clock + ms, run };
          timers.push(timer);
          return () => void timers.splice(timers.indexOf(timer) >>> 0, 1);
        },
      }),
    },
  );
  /** Moves the clock on by `ms`, running the timers due. */
  const wait = (ms: number) => {
    state.clock += ms;
    for (const timer of timers.filter((t) => t.at <= state.clock)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
  };
  const flush = () => {
    for (const run of frames.splice(0)) run();
  };
  const nearOnes = () => elements.flatMap((el, i) => (near.isNear(el) ? [i] : []));
  return { state, elements, near, changes, flush, nearOnes, wait };
}

/** Scrolls a clocked page `px` a frame for `frames` frames at 60 a second, from 10 s on its clock. */
function scrollFrames({ state, flush }: ReturnType<typeof page>, px: number, frames: number) {
  state.clock = Math.max(state.clock, 10_000);
  for (let frame = 0; frame < frames; frame++) {
    state.top += px;
    state.clock += 1000 / 60;
    document.dispatchEvent(new Event('scroll', { bubbles: true }));
    flush();
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

afterEach(() => document.body.replaceChildren());

test('an element is known near or far as soon as it is watched: within 2.5 viewports above or below', () => {
  const { elements, near, nearOnes } = page(200);
  for (const el of elements) near.track(el);
  // The viewport is [0, 1000); near is [-2500, 3500].
  expect(nearOnes()).toEqual(range(0, 35));
});

test('scrolling changes nothing until the reader comes within half a screen of what is not near', () => {
  const { state, elements, near, changes, flush } = page(1_000);
  for (const el of elements) near.track(el);
  // Each change repaints the whole document: 2 screens of scrolling make none…
  for (const top of [500, 1_000, 1_500, 2_000]) {
    state.top = top;
    document.dispatchEvent(new Event('scroll', { bubbles: true }));
    flush();
  }
  expect(changes).toEqual([]);
  // …and the next makes one, for a few screens more: near is now [0, 6000].
  state.top = 2_500;
  document.dispatchEvent(new Event('scroll', { bubbles: true }));
  flush();
  expect(changes).toEqual([{ entered: range(36, 60), left: [] }]);
});

test('scrolling reports what came near and what left, once a frame, reading a few dozen places of 10,000', () => {
  const { state, elements, near, changes, flush, nearOnes } = page(10_000);
  for (const el of elements) near.track(el);
  state.rectReads = 0;
  state.top = 10_000;
  document.dispatchEvent(new Event('scroll', { bubbles: true }));
  document.dispatchEvent(new Event('scroll', { bubbles: true }));
  flush();
  // Near is now [7500, 13500]: elements 75 to 135.
  expect(changes).toEqual([{ entered: range(75, 135), left: range(0, 35) }]);
  expect(nearOnes()).toEqual(range(75, 135));
  // A frame's question on a page of 10,000 blocks is a binary search, plus the blocks it finds.
  expect(state.rectReads).toBeLessThan(2 * (41 + 21 + 14 * 3));
});

test('when the layout moved (a resize), what is near follows it', () => {
  const { state, elements, near, changes, flush, nearOnes } = page(300);
  for (const el of elements) near.track(el);
  state.offset = 20_000; // 20,000 px of comments appeared above the article
  window.dispatchEvent(new Event('resize'));
  flush();
  expect(changes.at(-1)!.left).toEqual(range(0, 35));
  expect(nearOnes()).toEqual([]);
  state.top = 20_000;
  document.dispatchEvent(new Event('scroll', { bubbles: true }));
  flush();
  expect(nearOnes()).toEqual(range(0, 35));
});

test('a box that scrolled inside the page moves its blocks near or away', () => {
  const { state, elements, near, flush, nearOnes } = page(300);
  for (const el of elements) near.track(el);
  state.offset = -10_000; // the article's own scrolling box moved its text up
  const box = document.createElement('div');
  document.body.append(box);
  box.dispatchEvent(new Event('scroll'));
  flush();
  expect(nearOnes()).toEqual(range(75, 135));
});

test('a block taller than the window stays near while any of it is', () => {
  const { state, near, flush } = page(0);
  const tall = document.createElement('div');
  tall.getBoundingClientRect = () => ({ top: -state.top, bottom: 20_000 - state.top }) as DOMRect;
  near.track(tall);
  state.top = 15_000;
  document.dispatchEvent(new Event('scroll', { bubbles: true }));
  flush();
  expect(near.isNear(tall)).toBe(true);
  state.top = 30_000;
  document.dispatchEvent(new Event('scroll', { bubbles: true }));
  flush();
  expect(near.isNear(tall)).toBe(false);
});

test('an element no longer watched is never reported; after disconnect nothing is', () => {
  const { state, elements, near, changes, flush } = page(100);
  for (const el of elements) near.track(el);
  near.untrack(elements[50]!);
  state.top = 5_000;
  document.dispatchEvent(new Event('scroll', { bubbles: true }));
  flush();
  expect(changes.at(-1)).toEqual({ entered: [...range(36, 49), ...range(51, 85)], left: range(0, 24) });
  near.disconnect();
  state.top = 0;
  document.dispatchEvent(new Event('scroll', { bubbles: true }));
  flush();
  expect(changes).toHaveLength(1);
});

test('blocks added where the reader follows them (a live blog) do not stay near once pushed far up', () => {
  const { state, elements, near, changes, flush, nearOnes } = page(400);
  for (const [i, el] of elements.entries()) {
    // The newest block is tracked at the viewport's bottom edge, and the reader keeps it in view.
    near.track(el);
    state.top = Math.max(0, i * 100 + 80 - 1_000);
    document.dispatchEvent(new Event('scroll', { bubbles: true }));
    flush();
  }
  // Every block was near when it came; the old ones left in batches, a few screens at a time
  // (each change repaints the whole document).
  const shown = nearOnes();
  expect(shown.at(-1)).toBe(399);
  expect(shown[0]).toBeGreaterThan(399 - 65);
  expect(shown.length).toBeLessThan(65);
  expect(changes.length).toBeGreaterThan(5);
  expect(changes.length).toBeLessThan(20);
  expect(changes.every((c) => c.entered.length === 0 && c.left.length > 0)).toBe(true);
});

test('when a block at an end of the near stretch is untracked, the next check finds the stretch again', () => {
  const { state, elements, near, flush, nearOnes } = page(400);
  for (const [i, el] of elements.entries()) {
    near.track(el);
    state.top = Math.max(0, i * 100 + 80 - 1_000);
    // The page re-renders its newest block each time (untracked, then tracked again).
    near.untrack(el);
    near.track(el);
    document.dispatchEvent(new Event('scroll', { bubbles: true }));
    flush();
  }
  expect(nearOnes().length).toBeLessThan(65);
  expect(nearOnes().at(-1)).toBe(399);
});

test("watching a long page's blocks reads one rectangle each: their place comes from the document's order", () => {
  const { state, elements, near, changes, flush, nearOnes } = page(3_000);
  // Painting watches blocks mostly in order; a few come late, out of order.
  const late = new Set([5, 1_500, 2_999]);
  for (const [i, el] of elements.entries()) if (!late.has(i)) near.track(el);
  for (const i of late) near.track(elements[i]!);
  // One rectangle each, and for the near ones the near stretch's ends (ten times that before).
  expect(state.rectReads).toBeLessThan(3_000 + 2 * 36 + 1);
  expect(nearOnes()).toEqual(range(0, 35));
  // The order is right: scrolling to the middle finds the middle, the late one included.
  state.top = 150_000;
  document.dispatchEvent(new Event('scroll', { bubbles: true }));
  flush();
  expect(nearOnes()).toEqual(range(1_475, 1_535));
  expect(changes.at(-1)!.entered).toContain(1_500);
});

test('a fling changes nothing while it lasts, and everything once it stops', () => {
  const view = page(2_000, { clocked: true });
  const { elements, near, changes, flush, nearOnes, wait } = view;
  for (const el of elements) near.track(el);
  // 400 px a frame, 60 frames a second: 24,000 px a second, 40 screens (of 1,000 px) in all.
  scrollFrames(view, 400, 100);
  // The first frames, not yet known to be a fling, may change once; the fling's 37 screens after none.
  expect(changes.length).toBeLessThanOrEqual(1);
  const during = changes.length;
  wait(50);
  flush();
  expect(changes).toHaveLength(during);
  wait(100);
  flush();
  // Stopped at 40,000 px: near is now [37,500, 43,500].
  expect(changes).toHaveLength(during + 1);
  expect(nearOnes()).toEqual(range(375, 435));
});

test('a reader scrolling as they read, and one jump, are followed at once', () => {
  const view = page(2_000, { clocked: true });
  const { state, elements, near, changes, flush, nearOnes } = view;
  for (const el of elements) near.track(el);
  // 100 px a frame (6,000 px a second): fast reading, no fling.
  scrollFrames(view, 100, 60);
  expect(changes.length).toBeGreaterThan(0);
  expect(nearOnes()).toContain(60);
  // A jump of 100 screens in one frame (a link to a section): painted in that frame.
  state.top = 106_000;
  state.clock += 1000 / 60;
  document.dispatchEvent(new Event('scroll', { bubbles: true }));
  flush();
  expect(nearOnes()).toEqual(range(1035, 1095));
});
