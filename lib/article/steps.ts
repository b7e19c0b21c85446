/**
 * Work that can pause: a generator that `yield`s between slices of its work and returns its
 * result. The same code runs to the end at once (`runToEnd`: tests, evaluations) or in slices
 * that give the page's main thread back whenever a time budget is spent (`runSliced`: the content
 * script, so that no task it runs comes near the 50 ms of a long task).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to its result in one go. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface SliceOptions {
  /** Milliseconds of work per slice; default 8 (half a frame at 60 Hz). */
  budgetMs?: number;
  /** Gives the main thread back: `scheduler.yield` where present, else a macrotask. */
  yieldToMain?: () => Promise<void>;
  now?: () => number;
}

/** The platform's way to let the page run: `scheduler.yield()`, else a zero-delay message. */
export function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resume) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resume();
    channel.port2.postMessage(null);
  });
}

/**
 * Runs `steps`, yielding to the main thread whenever a slice has used its budget.
 * @example const analysis = await runSliced(analyzeDocumentSteps(document, {}));
 */
export async function runSliced<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const { budgetMs = 8, yieldToMain = defaultYield, now = () => performance.now() } = options;
  let sliceStart = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - sliceStart >= budgetMs) {
      await yieldToMain();
      sliceStart = now();
    }
  }
}
