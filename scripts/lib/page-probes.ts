/**
 * What `npm run bench:page` reads from a tab: long tasks from the first byte, the content
 * script's performance measures (README "Observable contract"), and the Readability baseline
 * timed in the same tab. Everything runs in the page's main world through the DevTools protocol,
 * which the pages' `script-src 'none'` does not stop.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';

/** Time a tab may take to record `dramatis:page`. */
export const PAGE_TIMEOUT_MS = 20_000;
/** Long tasks are counted until this long after `dramatis:page` (late slices, repaints). */
export const TAIL_MS = 500;

const READABILITY_SOURCE = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');

// Installed with Page.addScriptToEvaluateOnNewDocument, before any of the page's code: `longtask`
// has no buffered entries, so an observer registered later would miss the first ones. The
// `__name` shim: tsx names the functions this file hands to `page.evaluate` with a helper the
// page lacks.
const BEFORE_PAGE = `
globalThis.__name = (f) => f;
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration, e.name]);
}).observe({ type: 'longtask' });
window.__longFrames = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration < 50) continue;
      window.__longFrames.push({
        start: e.startTime,
        duration: e.duration,
        renderStart: e.renderStart,
        styleAndLayoutStart: e.styleAndLayoutStart,
        scripts: e.scripts.map((s) => ({
          source: (s.invokerType || '') + ' ' + (s.invoker || '') + ' ' + (s.sourceURL || '').split('/').pop(),
          start: s.startTime,
          duration: s.duration,
          forced: s.forcedStyleAndLayoutDuration,
        })),
      });
    }
  }).observe({ type: 'long-animation-frame' });
} catch {}
`;

export interface LongTask {
  start: number;
  duration: number;
  /** Whose task the browser says it was: `self` (this page's frame), `unknown`, `multiple-contexts`... */
  culprit?: string;
}

export interface Measures {
  /** `dramatis:article` (ms), null on pages judged not to be articles. */
  article: number | null;
  /** When the content script started on the page (`dramatis:page`'s start), in page time. */
  pageStart: number;
  /** When `dramatis:page` ended, in page time (ms since navigation). */
  pageEnd: number;
  /** Every `dramatis:scan` and `dramatis:paint`, as [start, end] in page time. */
  work: [number, number][];
  /** Where time to highlights went: before the scan, the scan, the known names' round trip (ms). */
  phases: { setup: number; scan: number; known: number } | null;
}

/**
 * A tab that installs the long-task watcher in every document it loads; one per browser, reused
 * page after page so memory stays flat.
 */
export async function watchedTab(browser: Browser): Promise<Page> {
  const tab = await browser.newPage();
  await tab.evaluateOnNewDocument(BEFORE_PAGE);
  return tab;
}

/** Loads `url` in `tab` (the page's own resources may still be loading). */
export async function visit(tab: Page, url: string): Promise<void> {
  await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: PAGE_TIMEOUT_MS });
}

/** Waits for `dramatis:page`, then reads the contract's measures; null when it never came. */
export async function awaitMeasures(tab: Page): Promise<Measures | null> {
  try {
    await tab.waitForFunction(() => performance.getEntriesByName('dramatis:page').length > 0, {
      timeout: PAGE_TIMEOUT_MS,
      polling: 50,
    });
  } catch {
    return null;
  }
  return tab.evaluate(() => {
    const page = performance.getEntriesByName('dramatis:page')[0]!;
    const article = performance.getEntriesByName('dramatis:article')[0];
    const work = performance
      .getEntriesByType('measure')
      .filter((m) => m.name === 'dramatis:scan' || m.name === 'dramatis:paint')
      .map((m): [number, number] => [m.startTime, m.startTime + m.duration]);
    const scan = performance.getEntriesByName('dramatis:scan')[0];
    const known = performance.getEntriesByName('dramatis:known')[0];
    const phases =
      article && scan && known ? { setup: scan.startTime - article.startTime, scan: scan.duration, known: known.duration } : null;
    return {
      article: article?.duration ?? null,
      pageStart: page.startTime,
      pageEnd: page.startTime + page.duration,
      work,
      phases,
    };
  });
}

/** Waits until page time `until` (ms since navigation). */
export async function waitUntilPageTime(tab: Page, until: number): Promise<void> {
  const now = await tab.evaluate(() => performance.now());
  if (until > now) await new Promise((done) => setTimeout(done, until - now));
}

/** Long tasks that started before page time `until`; null when the watcher did not run. */
export async function longTasksBefore(tab: Page, until: number): Promise<LongTask[] | null> {
  return tab.evaluate((end: number) => {
    const seen = (window as unknown as { __longTasks?: [number, number, string][] }).__longTasks;
    if (!seen) return null;
    return seen.filter(([start]) => start < end).map(([start, duration, culprit]) => ({ start, duration, culprit }));
  }, until);
}

/**
 * What Chrome's long-animation-frame entries say of the long tasks in `tasks`: for each, the
 * frame that holds it, split into the page's scripts (by file), rendering (animation-frame
 * callbacks, style, layout, paint), and the rest, which no script entry claims: the browser's own work (parsing, garbage
 * collection) and an extension's scripts, which the entries never name.
 */
export async function longTaskFrames(tab: Page, tasks: LongTask[]): Promise<string[]> {
  type Frame = {
    start: number;
    duration: number;
    renderStart: number;
    styleAndLayoutStart: number;
    scripts: { source: string; start: number; duration: number; forced: number }[];
  };
  const frames = (await tab.evaluate(() => (window as unknown as { __longFrames?: Frame[] }).__longFrames ?? [])) as Frame[];
  return tasks.map((task) => {
    const frame = frames.find((f) => f.start < task.start + task.duration && task.start < f.start + f.duration);
    const at = `${Math.round(task.duration)} ms at ${(task.start / 1000).toFixed(1)} s (the browser says: ${task.culprit ?? '?'})`;
    if (!frame) return `${at}: no frame entry`;
    const end = frame.start + frame.duration;
    const rendering = frame.renderStart > 0 ? end - frame.renderStart : 0;
    const styleLayout = frame.styleAndLayoutStart > 0 ? end - frame.styleAndLayoutStart : 0;
    const scripts = frame.scripts.reduce((total, s) => total + s.duration, 0);
    // Animation-frame callbacks run inside the rendering phase: counted there, not twice.
    const before = frame.scripts.reduce(
      (total, s) => total + (frame.renderStart > 0 && s.start >= frame.renderStart ? 0 : s.duration),
      0,
    );
    const named = frame.scripts
      .map(
        (s) =>
          `${s.source.trim() || '?'} ${Math.round(s.duration)}${s.forced >= 1 ? ` (forced style and layout ${Math.round(s.forced)})` : ''}`,
      )
      .join(', ');
    return (
      `${at}, in a ${Math.round(frame.duration)} ms frame from ${(frame.start / 1000).toFixed(2)} s: ` +
      `page scripts ${Math.round(scripts)} ms${named ? ` (${named})` : ''}, rendering ${Math.round(rendering)} ms ` +
      `(animation-frame callbacks, then style and layout ${Math.round(styleLayout)}, then paint), ` +
      `unclaimed ${Math.round(Math.max(0, frame.duration - before - rendering))} ms`
    );
  });
}

/**
 * Reader View's cost on this page: `new Readability(document.cloneNode(true)).parse()`, clone
 * included, three runs in this tab. `median` is the baseline; `first` is the run with code that
 * has not run in this page before, as the content script's is on every page (information).
 */
export async function readabilityParseMs(tab: Page): Promise<{ median: number; first: number }> {
  await tab.evaluate(READABILITY_SOURCE);
  const runs = await tab.evaluate(() => {
    type Parser = new (doc: Document) => { parse(): unknown };
    const Readability = (window as unknown as { Readability: Parser }).Readability;
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      new Readability(document.cloneNode(true) as Document).parse();
      times.push(performance.now() - start);
    }
    return times;
  });
  return { median: [...runs].sort((a, b) => a - b)[1]!, first: runs[0]! };
}

/** The content script's world, as Chromium names it: the extension's name. */
const CONTENT_WORLD = 'Dramatis';
/** How long after the content script's world is made the round trip starts: near its request. */
const ROUND_TRIP_DELAY_MS = 10;

/**
 * The floor under the known names' round trip: a message from the content script's world
 * through a page port, which the background refuses at once (a dashboard-only request from a
 * page: no work, no side effect), timed while the page loads, as the content script's request
 * is. Runs beside the content script (its own figures on this load are not used). Null when the
 * world was not seen within the page timeout.
 */
export async function refusedRoundTripMs(tab: Page, url: string): Promise<number | null> {
  const cdp = await tab.createCDPSession();
  try {
    await cdp.send('Runtime.enable');
    const timed = new Promise<number | null>((done) => {
      const timer = setTimeout(() => done(null), PAGE_TIMEOUT_MS);
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        if (context.name !== CONTENT_WORLD) return;
        clearTimeout(timer);
        cdp
          .send('Runtime.evaluate', {
            contextId: context.id,
            awaitPromise: true,
            returnByValue: true,
            expression: `new Promise((done) => {
              const port = chrome.runtime.connect({ name: 'dramatis:page' });
              setTimeout(() => {
                const start = performance.now();
                port.onMessage.addListener((m) => {
                  if (m && m.id === -1) { done(performance.now() - start); port.disconnect(); }
                });
                port.postMessage({ id: -1, envelope: { name: 'bg:entities-export', data: {} } });
              }, ${ROUND_TRIP_DELAY_MS});
            })`,
          })
          .then(
            (answer) => done(typeof answer.result.value === 'number' ? answer.result.value : null),
            () => done(null),
          );
      });
    });
    await visit(tab, url);
    return await timed;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
