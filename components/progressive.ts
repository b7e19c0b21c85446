/**
 * Long lists shown a screenful first: the first render holds `first` items, and the rest follow
 * `step` at a time, each batch in a task of its own after the frame before it was drawn. The
 * popup of a live blog lists hundreds of actors; built at once, they took 35 to 80 ms before
 * the first frame, where the reader sees only the first ten.
 */
import { useEffect, useState } from 'preact/hooks';

export const FIRST_ITEMS = 10;
const STEP = 40;

/** After the next frame is drawn (a timer where frames are not drawn: a hidden page). */
function afterNextFrame(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame =
    typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => (timer = setTimeout(run, 0))) : undefined;
  if (frame === undefined) timer = setTimeout(run, 0);
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * How many of `total` items to render now: `first`, then more after each frame until all are.
 * @example const shown = useProgressiveCount(list.length); list.slice(0, shown)
 */
export function useProgressiveCount(total: number, first = FIRST_ITEMS, step = STEP): number {
  const [shown, setShown] = useState(first);
  useEffect(() => {
    if (shown >= total) return;
    return afterNextFrame(() => setShown((n) => n + step));
  }, [shown, total, step]);
  return Math.min(shown, total);
}
