/**
 * `npm run bench:page` (the in-browser part of `npm run bench`): the built extension in headless
 * Chromium over the article pages of ../shared/corpus and generated stress pages, each figure
 * beside a baseline measured in the same run (issue 7):
 * - time to highlights (`dramatis:article`) against Readability's `parse()` of a clone of the
 *   same page in the same tab (what Reader View costs): per page, median and p95 of the ratio;
 * - long tasks during the analysis (from the content script's start until `dramatis:page` +
 *   500 ms), with the extension and, in the same window of page time, in a second Chromium
 *   without it; the extension's cost is the difference, and any long task that overlaps its own
 *   scan or paint (or the frame after) fails the budget whatever the difference. Those of the
 *   page's load before the script starts are counted apart (the extension has run nothing then);
 * - stress pages: 1 MB of prose, 50,000 text nodes (loaded, then scrolled fast), a live blog gaining
 *   a paragraph every 100 ms;
 * - the popup: from the background's answer to the answer in its DOM (`dramatis:popup-render`)
 *   and to the next frame (`dramatis:popup`);
 * - the floor under the known names' round trip: a message from the content script's world that
 *   the background refuses at once, timed as the first 60 corpus pages load;
 * - the content script's gzip size and what it is made of.
 * Writes bench-output/page.json and prints the budgets with PASS or FAIL; a report, so it exits 0
 * when a budget fails. Needs `npm run build` first. BENCH_PAGES=n benches only the first n corpus
 * pages, BENCH_LIVE_SECONDS=s shortens the live blog (60 s), BENCH_BASELINE=all loads every page
 * without the extension too (by default only those with a long task), BENCH_TRACE=file records a
 * Chrome trace of the live blog's run with the extension in `file` (and without it in
 * `file.bare.json`), `--json file` writes elsewhere.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { activeTabId, BROWSERS, CHROMIUM_ARGS, ensureBrowsers, extensionWorker, launchChromium } from './lib/browsers';
import { buildContentWithSourceMap, contributors } from './lib/bundle-contents';
import {
  awaitMeasures,
  longTasksBefore,
  PAGE_TIMEOUT_MS,
  readabilityParseMs,
  refusedRoundTripMs,
  TAIL_MS,
  waitUntilPageTime,
  visit,
  watchedTab,
  longTaskFrames,
  type LongTask,
} from './lib/page-probes';
import { serveStatic } from './lib/serve';
import { bigArticle, liveBlog, liveScript, liveUpdates, manyTextNodes } from './lib/stress-pages';

const CORPUS = resolve('../shared/corpus');
const EXTENSION = resolve('.output/chrome-mv3');
const OUT = resolve(
  process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1]! : 'bench-output/page.json',
);
const LIMIT = Number(process.env.BENCH_PAGES ?? Infinity);
const LIVE_SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 60);
const BASELINE_EVERY_PAGE = process.env.BENCH_BASELINE === 'all';
const TRACE = process.env.BENCH_TRACE || undefined;
/** The live blog's last paragraph gets this long to be read (the script waits up to 1.5 s). */
const LIVE_GRACE_MS = 4_000;
const GZIP_BUDGET = 30 * 1024;
const STARTED = Date.now();
/** Progress, with the seconds since the bench started. */
const log = (line: string) => console.log(`[${Math.round((Date.now() - STARTED) / 1000)} s] ${line}`);

interface LongTaskCount {
  count: number;
  ms: number;
}

interface PageRun {
  page: string;
  /** `timeout`: no `dramatis:page` within 20 s; `error`: the page did not load. */
  status: 'article' | 'not-article' | 'timeout' | 'error';
  error?: string;
  toHighlights: number | null;
  /** Where time to highlights went (ms): before the scan, the scan, the known names' round trip. */
  phases?: { setup: number; scan: number; known: number } | null;
  pageDone: number | null;
  readability: number | null;
  /** Readability's first parse in the page, its code cold (information, beside the baseline). */
  readabilityFirst?: number;
  ratio: number | null;
  /** Until `dramatis:page` + 500 ms (page time): the loads with and without are watched that long. */
  window: number;
  /** The analysis, in page time: from the content script's start to `window`. */
  analysis: [number, number];
  /**
   * Long tasks during the analysis; `without` is null where the page had none with the extension
   * (nothing to subtract). `beforeAnalysis`: those of the page's load before the script started.
   * `duringWork`: those overlapping the extension's scan or paint or the frame after a paint.
   */
  longTasks: {
    with: LongTask[];
    without: LongTask[] | null;
    beforeAnalysis: { with: number; without: number | null };
    duringWork: number;
  };
  /** With minus without: what the extension added (zero is the budget). */
  extension: LongTaskCount;
}

const sum = (tasks: LongTask[]) => tasks.reduce((total, t) => total + t.duration, 0);
const overlaps = (t: LongTask, [from, to]: [number, number]) => t.start < to && t.start + t.duration > from;
/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;
/** A work window and the frame after it, which draws what a paint registered. */
const afterFrame = ([from, to]: [number, number]): [number, number] => [from, to + FRAME_MS];
const round = (x: number | null, digits = 1) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

function quantile(xs: number[], q: number): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo]! + (sorted[Math.ceil(at)]! - sorted[lo]!) * (at - lo);
}

function spread(xs: number[]) {
  return { n: xs.length, median: round(quantile(xs, 0.5)), p95: round(quantile(xs, 0.95)) };
}

/** `spread` and the worst, for budgets a single bad frame or opening breaks. */
const spreadAndWorst = (xs: number[]) => ({ ...spread(xs), max: round(Math.max(...xs)) });

/** The two tabs every page is measured in: one in Chromium with the extension, one without. */
interface Tabs {
  withExt: Page;
  without: Page;
}

/** One page in both browsers: measures and Readability with the extension, long tasks in both. */
async function measurePage(
  { withExt, without }: Tabs,
  url: string,
  page: string,
  alwaysBaseline = BASELINE_EVERY_PAGE,
): Promise<PageRun> {
  const run: PageRun = {
    page,
    status: 'timeout',
    toHighlights: null,
    pageDone: null,
    readability: null,
    ratio: null,
    window: PAGE_TIMEOUT_MS,
    analysis: [0, PAGE_TIMEOUT_MS],
    longTasks: { with: [], without: [], beforeAnalysis: { with: 0, without: null }, duringWork: 0 },
    extension: { count: 0, ms: 0 },
  };
  try {
    await visit(withExt, url);
    const measures = await awaitMeasures(withExt);
    if (measures) {
      run.status = measures.article === null ? 'not-article' : 'article';
      run.toHighlights = measures.article;
      run.phases = measures.phases;
      run.pageDone = measures.pageEnd;
      run.window = measures.pageEnd + TAIL_MS;
      run.analysis = [measures.pageStart, run.window];
      await waitUntilPageTime(withExt, run.window);
    }
    const inAnalysis = (tasks: LongTask[]) => tasks.filter((t) => overlaps(t, run.analysis));
    const loadWith = (await longTasksBefore(withExt, run.window)) ?? [];
    run.longTasks.with = inAnalysis(loadWith);
    run.longTasks.beforeAnalysis.with = loadWith.length - run.longTasks.with.length;
    run.longTasks.duringWork = run.longTasks.with.filter((t) => measures?.work.some((w) => overlaps(t, afterFrame(w)))).length;
    if (run.status === 'article') {
      const parse = await readabilityParseMs(withExt);
      run.readability = parse.median;
      run.readabilityFirst = parse.first;
      run.ratio = run.toHighlights! / Math.max(run.readability, 0.1);
    }
    // Without a long task here the extension caused none: the baseline has nothing to subtract
    // from, and skipping it keeps the bench near ten minutes.
    if (run.longTasks.with.length > 0 || alwaysBaseline) {
      await visit(without, url);
      await waitUntilPageTime(without, run.window);
      const loadWithout = (await longTasksBefore(without, run.window)) ?? [];
      run.longTasks.without = inAnalysis(loadWithout);
      run.longTasks.beforeAnalysis.without = loadWithout.length - run.longTasks.without.length;
      // The stress pages' tabs go on to the live blog: parsed here too, the tab without the
      // extension carries the same garbage into it as the tab with it.
      if (alwaysBaseline && run.status === 'article') await readabilityParseMs(without);
    } else {
      run.longTasks.without = null;
    }
  } catch (error) {
    run.status = 'error';
    run.error = String(error).split('\n')[0];
  }
  const baseline = run.longTasks.without ?? [];
  run.extension = {
    count: Math.max(0, run.longTasks.with.length - baseline.length),
    ms: Math.max(0, Math.round(sum(run.longTasks.with) - sum(baseline))),
  };
  return run;
}

function articlePages(): string[] {
  const [, ...rows] = readFileSync(join(CORPUS, 'labels.csv'), 'utf8').trim().split('\n');
  return rows
    .map((row) => row.split(','))
    .filter(([, label]) => label === 'article')
    .map(([page]) => page!)
    .slice(0, LIMIT);
}

/** Pages whose message round trip floor is measured (`refusedRoundTripMs`), from the first. */
const ROUND_TRIP_PAGES = 60;

async function benchCorpus(tabs: Tabs): Promise<{ warmup: PageRun | null; runs: PageRun[]; roundTrips: number[] } | null> {
  if (!existsSync(join(CORPUS, 'labels.csv'))) {
    console.log(`Corpus pages skipped: ${CORPUS} is absent (it sits beside the checkout on dev and CI machines).`);
    return null;
  }
  const server = await serveStatic(CORPUS, { blockScripts: true });
  const pages = articlePages();
  // The first page pays for the background worker's start (knowledge base, matcher): a warm-up
  // load, reported apart, so the figures are a reader's steady state.
  const warmup = pages.length > 0 ? await measurePage(tabs, server.url + pages[0], pages[0]!) : null;
  if (warmup) log(`Warm-up on ${warmup.page}: time to highlights ${round(warmup.toHighlights)} ms (not counted)`);
  log(`Corpus: ${pages.length} pages labelled article, each with and without the extension`);
  const runs: PageRun[] = [];
  const roundTrips: number[] = [];
  try {
    for (const [i, page] of pages.entries()) {
      runs.push(await measurePage(tabs, server.url + page, page));
      if ((i + 1) % 25 === 0 || i + 1 === pages.length) log(`  ${i + 1}/${pages.length}`);
    }
    const sample = pages.slice(0, ROUND_TRIP_PAGES);
    log(`Round trip floor: a message the background refuses at once, sent as ${sample.length} pages load`);
    for (const page of sample) {
      const ms = await refusedRoundTripMs(tabs.withExt, server.url + page);
      if (ms !== null) roundTrips.push(ms);
      await awaitMeasures(tabs.withExt);
    }
  } finally {
    await server.close();
  }
  return { warmup, runs, roundTrips };
}

interface LiveState {
  appendedAt: number[];
  highlightedAt: (number | null)[];
  updates: number;
  drops: number;
  finishedAt: number | null;
  /** Main-thread time the page's own highlight watching took (a cost only with the extension). */
  watchMs: number;
}

/** The live blog in one browser: how its appended paragraphs got highlights, and long tasks. */
async function liveRun(tab: Page, url: string, until?: number) {
  await visit(tab, url);
  const measures = until === undefined ? await awaitMeasures(tab) : null;
  await tab.waitForFunction(() => (window as unknown as { __live?: LiveState }).__live?.finishedAt != null, {
    timeout: LIVE_SECONDS * 1000 + 30_000,
    polling: 500,
  });
  const state = await tab.evaluate(() => (window as unknown as { __live: LiveState }).__live);
  const end = until ?? state.finishedAt! + LIVE_GRACE_MS;
  await waitUntilPageTime(tab, end);
  const final = await tab.evaluate(() => (window as unknown as { __live: LiveState }).__live);
  const longTasks = (await longTasksBefore(tab, end)) ?? [];
  const work = until === undefined ? ((await awaitMeasures(tab))?.work ?? []) : [];
  const duringWork = longTasks.filter((t) => work.some((w) => overlaps(t, afterFrame(w)))).length;
  return { measures, state: final, end, longTasks, duringWork, frames: await longTaskFrames(tab, longTasks) };
}

/** Runs `run` with a Chrome trace of `tab` written to `path` (rendering and garbage collection), when given. */
async function traced<T>(tab: Page, path: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!path) return run();
  await tab.tracing.start({ path, categories: ['devtools.timeline', 'toplevel', 'v8', 'disabled-by-default-v8.gc'] });
  try {
    return await run();
  } finally {
    await tab.tracing.stop();
  }
}

/** Frames of the scroll run, and the px each one moves: a fling, 24,000 px a second. */
const SCROLL_FRAMES = 240;
const SCROLL_STEP = 400;

/**
 * A reader flinging down a long page: the page loaded (and, with the extension, read and painted,
 * plus a second), then scrolled `SCROLL_STEP` px a frame for `SCROLL_FRAMES` frames. Frame
 * durations (from one animation frame to the next) and the long tasks during the scroll.
 */
async function scrollRun(tab: Page, url: string, withExtension: boolean) {
  await visit(tab, url);
  if (withExtension) await awaitMeasures(tab);
  await new Promise((done) => setTimeout(done, 1_000));
  const { frames, from, to } = await tab.evaluate(
    (count: number, step: number) =>
      new Promise<{ frames: number[]; from: number; to: number }>((done) => {
        const frames: number[] = [];
        const from = performance.now();
        let last = from;
        const next = () => {
          const now = performance.now();
          frames.push(now - last);
          last = now;
          window.scrollBy(0, step);
          if (frames.length < count) requestAnimationFrame(next);
          else done({ frames, from, to: now });
        };
        requestAnimationFrame(next);
      }),
    SCROLL_FRAMES,
    SCROLL_STEP,
  );
  const longTasks = ((await longTasksBefore(tab, to)) ?? []).filter((t) => t.start + t.duration > from);
  return { frames: spreadAndWorst(frames), longTasks };
}

async function benchStress(tabs: Tabs) {
  const dir = mkdtempSync(join(tmpdir(), 'dramatis-stress-'));
  writeFileSync(join(dir, 'big.html'), bigArticle());
  writeFileSync(join(dir, 'nodes.html'), manyTextNodes());
  writeFileSync(join(dir, 'live.html'), liveBlog());
  writeFileSync(join(dir, 'live.js'), liveScript(liveUpdates(LIVE_SECONDS * 10)));
  // Each page carries its own CSP: none for the two static pages, same-origin for the live blog.
  const server = await serveStatic(dir);
  try {
    log('Stress pages: 1 MB article, 50,000 text nodes');
    const big = await measurePage(tabs, `${server.url}big.html`, 'stress: 1 MB article', true);
    const nodes = await measurePage(tabs, `${server.url}nodes.html`, 'stress: 50,000 text nodes', true);
    log('Scrolling the 50,000-text-node page, with the extension and without');
    const scroll = {
      page: 'stress: scrolling the 50,000-text-node page',
      with: await scrollRun(tabs.withExt, `${server.url}nodes.html`, true),
      without: await scrollRun(tabs.without, `${server.url}nodes.html`, false),
    };
    log(`Live blog: a paragraph every 100 ms for ${LIVE_SECONDS} s, with the extension and without`);
    const withRun = await traced(tabs.withExt, TRACE, () => liveRun(tabs.withExt, `${server.url}live.html`));
    const bareRun = await traced(tabs.without, TRACE && `${TRACE}.bare.json`, () =>
      liveRun(tabs.without, `${server.url}live.html`, withRun.end),
    );
    const { appendedAt, highlightedAt, updates, drops, watchMs } = withRun.state;
    const latencies = appendedAt.flatMap((at, i) => (highlightedAt[i] == null ? [] : [highlightedAt[i]! - at]));
    const live = {
      page: 'stress: live blog',
      toHighlights: withRun.measures?.article ?? null,
      appended: appendedAt.length,
      highlightedBlocks: latencies.length,
      appendToHighlightMs: spread(latencies),
      highlightUpdates: updates,
      updatesPerBlock: round(updates / Math.max(1, appendedAt.length), 2),
      framesWithFewerHighlights: drops,
      pageWatchMs: Math.round(watchMs),
      window: Math.round(withRun.end),
      longTasks: { with: withRun.longTasks, without: bareRun.longTasks, duringWork: withRun.duringWork },
      /** The long tasks' frames, as Chrome's long-animation-frame entries split them. */
      longTaskFrames: { with: withRun.frames, without: bareRun.frames },
      extension: {
        count: withRun.longTasks.length - bareRun.longTasks.length,
        ms: Math.round(sum(withRun.longTasks) - sum(bareRun.longTasks)),
      },
    };
    return { big, nodes, scroll, live };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const POPUP_RUNS = 10;

/**
 * The popup of `tab` opened `POPUP_RUNS` times. From the background's answer, the popup records
 * `dramatis:popup-render` until the answer is in the DOM (its own work: within a frame, the next
 * frame shows it) and `dramatis:popup` until the next frame begins, which adds the wait for that
 * frame (up to 16.7 ms, whatever the work). Median and worst of each.
 */
async function benchPopup(browser: Browser, extensionId: string, tab: Page) {
  const popup = await browser.newPage();
  // The background stops after 30 s without a message (the live blog's run without the
  // extension took a minute): an extension page's first message starts it again.
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const worker = await extensionWorker(browser, extensionId);
  const tabId = await activeTabId(worker, tab);
  // Asking which tab is active brought the article's tab to the front: a tab behind draws no frames.
  await popup.bringToFront();
  const render: number[] = [];
  const frame: number[] = [];
  try {
    for (let i = 0; i < POPUP_RUNS; i++) {
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      await popup.waitForFunction(() => performance.getEntriesByName('dramatis:popup').length > 0, { timeout: 10_000 });
      const [inDom, shown] = await popup.evaluate(() =>
        ['dramatis:popup-render', 'dramatis:popup'].map((name) => performance.getEntriesByName(name)[0]!.duration),
      );
      render.push(inDom!);
      frame.push(shown!);
    }
  } finally {
    await popup.close();
  }
  const stats = (xs: number[]) => ({ runs: xs.map((ms) => round(ms)), ...spreadAndWorst(xs) });
  return { render: stats(render), frame: stats(frame), n: render.length };
}

async function benchBundle() {
  const file = readFileSync(join(EXTENSION, 'content-scripts/content.js'));
  const gzip = gzipSync(file, { level: 9 }).length;
  const readabilityGzip = gzipSync(readFileSync('node_modules/@mozilla/readability/Readability.js'), { level: 9 }).length;
  const dir = mkdtempSync(join(tmpdir(), 'dramatis-bundle-'));
  try {
    const { js, map } = await buildContentWithSourceMap(dir);
    const parts = contributors(js, map, join(dir, 'chrome-mv3/content-scripts'));
    return { bytes: file.length, gzip, readabilityGzip, contributors: parts };
  } catch (error) {
    console.warn(`Bundle contents not attributed: ${String(error).split('\n')[0]}`);
    return { bytes: file.length, gzip, readabilityGzip, contributors: [] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function summarize(corpus: PageRun[] | null, roundTrips: number[] = []) {
  if (!corpus) return null;
  const articles = corpus.filter((p) => p.status === 'article');
  const costly = corpus.filter((p) => p.extension.count > 0);
  return {
    pages: corpus.length,
    articles: articles.length,
    judgedNotArticle: corpus.filter((p) => p.status === 'not-article').map((p) => p.page),
    timedOut: corpus.filter((p) => p.status === 'timeout').map((p) => p.page),
    failed: corpus.filter((p) => p.status === 'error').map((p) => `${p.page}: ${p.error}`),
    toHighlights: spread(articles.map((p) => p.toHighlights!)),
    phases: {
      setup: spread(articles.flatMap((p) => (p.phases ? [p.phases.setup] : []))),
      scan: spread(articles.flatMap((p) => (p.phases ? [p.phases.scan] : []))),
      known: spread(articles.flatMap((p) => (p.phases ? [p.phases.known] : []))),
    },
    /** A message the background refuses at once, from the content script's world as pages load. */
    roundTripFloor: spread(roundTrips),
    readability: spread(articles.map((p) => p.readability!)),
    readabilityFirst: spread(articles.flatMap((p) => (p.readabilityFirst === undefined ? [] : [p.readabilityFirst]))),
    ratioToFirst: round(
      quantile(
        articles.flatMap((p) => (p.readabilityFirst === undefined ? [] : [p.toHighlights! / Math.max(p.readabilityFirst, 0.1)])),
        0.5,
      ),
      2,
    ),
    ratio: {
      median: round(
        quantile(
          articles.map((p) => p.ratio!),
          0.5,
        ),
        2,
      ),
      p95: round(
        quantile(
          articles.map((p) => p.ratio!),
          0.95,
        ),
        2,
      ),
    },
    pageDone: spread(corpus.flatMap((p) => (p.pageDone === null ? [] : [p.pageDone]))),
    longTasks: {
      with: {
        count: corpus.reduce((n, p) => n + p.longTasks.with.length, 0),
        ms: Math.round(corpus.reduce((n, p) => n + sum(p.longTasks.with), 0)),
      },
      without: {
        pages: corpus.filter((p) => p.longTasks.without !== null).length,
        count: corpus.reduce((n, p) => n + (p.longTasks.without?.length ?? 0), 0),
        ms: Math.round(corpus.reduce((n, p) => n + sum(p.longTasks.without ?? []), 0)),
      },
      withOnThosePages: {
        count: corpus.reduce((n, p) => n + (p.longTasks.without ? p.longTasks.with.length : 0), 0),
        ms: Math.round(corpus.reduce((n, p) => n + (p.longTasks.without ? sum(p.longTasks.with) : 0), 0)),
      },
      /** Long tasks with the extension that overlapped its own scan or paint or the frame after. */
      duringExtensionWork: corpus.reduce((n, p) => n + p.longTasks.duringWork, 0),
      /** The pages' own loads before the content script started: the extension had run nothing. */
      beforeAnalysis: corpus.reduce((n, p) => n + p.longTasks.beforeAnalysis.with, 0),
      pagesWithExtraLongTasks: costly.length,
      extraCount: costly.reduce((n, p) => n + p.extension.count, 0),
      extraMs: costly.reduce((n, p) => n + Math.max(0, p.extension.ms), 0),
      worst: [...costly]
        .sort((a, b) => b.extension.ms - a.extension.ms)
        .slice(0, 10)
        .map((p) => ({ page: p.page, ...p.extension })),
    },
  };
}

type Row = [string, string, string, 'PASS' | 'FAIL' | 'INFO' | 'SKIP'];
const verdict = (ok: boolean): 'PASS' | 'FAIL' => (ok ? 'PASS' : 'FAIL');
const tasks = (t: LongTask[] | null) => (t === null ? 'not run' : `${t.length} (${Math.round(sum(t))} ms)`);

function table(
  summary: ReturnType<typeof summarize>,
  stress: Awaited<ReturnType<typeof benchStress>>,
  bundle: Awaited<ReturnType<typeof benchBundle>>,
  popup: Awaited<ReturnType<typeof benchPopup>>,
) {
  const rows: Row[] = [];
  if (summary) {
    const { ratio, toHighlights: th, readability: rd, longTasks: lt } = summary;
    rows.push(
      [
        'median ratio, highlights / Readability ≤ 1.0',
        `${ratio.median}`,
        `Readability parse median ${rd.median} ms`,
        verdict((ratio.median ?? Infinity) <= 1),
      ],
      ['p95 ratio ≤ 1.5', `${ratio.p95}`, `Readability parse p95 ${rd.p95} ms`, verdict((ratio.p95 ?? Infinity) <= 1.5)],
      [
        'the ratio to Readability’s first parse in the page (its code cold, as the content script’s is)',
        `${summary.ratioToFirst}`,
        `first parse median ${summary.readabilityFirst.median} ms, p95 ${summary.readabilityFirst.p95} ms`,
        'INFO',
      ],
      [
        'time to highlights, median / p95',
        `${th.median} / ${th.p95} ms (${summary.articles} articles)`,
        `${rd.median} / ${rd.p95} ms`,
        'INFO',
      ],
      [
        'of which: setup / scan / known names round trip, median',
        `${summary.phases.setup.median} / ${summary.phases.scan.median} / ${summary.phases.known.median} ms`,
        `p95 ${summary.phases.setup.p95} / ${summary.phases.scan.p95} / ${summary.phases.known.p95} ms`,
        'INFO',
      ],
      [
        'floor under the round trip: a message the background refuses at once, sent as the page loads',
        `median ${summary.roundTripFloor.median} ms, p95 ${summary.roundTripFloor.p95} ms (${summary.roundTripFloor.n} pages)`,
        `known names round trip median ${summary.phases.known.median} ms; Readability parse median ${rd.median} ms`,
        'INFO',
      ],
      [
        'corpus: extension long tasks during analysis = 0',
        `+${lt.extraCount} (+${lt.extraMs} ms) on ${lt.pagesWithExtraLongTasks} of ${summary.pages} pages; ${lt.with.count} (${lt.with.ms} ms) in all, ${lt.duringExtensionWork} during its scan or paint or the frame after`,
        `on the ${lt.without.pages} pages with any: ${lt.withOnThosePages.count} (${lt.withOnThosePages.ms} ms) with, ${lt.without.count} (${lt.without.ms} ms) without; not counted: ${lt.beforeAnalysis} in the pages' loads before the script started`,
        verdict(lt.pagesWithExtraLongTasks === 0 && lt.duringExtensionWork === 0),
      ],
      [
        'judged not articles (no dramatis:article)',
        `${summary.judgedNotArticle.length} of ${summary.pages}`,
        'labelled article',
        'INFO',
      ],
    );
  } else {
    rows.push(['corpus budgets', 'corpus absent', '', 'SKIP']);
  }
  for (const p of [stress.big, stress.nodes]) {
    rows.push([
      `${p.page}: extension long tasks = 0`,
      `${tasks(p.longTasks.with)}, ${p.longTasks.duringWork} during its scan or paint or the frame after; highlights ${round(p.toHighlights)} ms`,
      `without ${tasks(p.longTasks.without)}; Readability ${round(p.readability)} ms`,
      verdict(p.extension.count <= 0 && p.longTasks.duringWork === 0),
    ]);
  }
  const scroll = stress.scroll;
  rows.push([
    `${scroll.page}: extension long tasks = 0`,
    `${tasks(scroll.with.longTasks)}; frames median ${scroll.with.frames.median} ms, p95 ${scroll.with.frames.p95}, worst ${scroll.with.frames.max}`,
    `without ${tasks(scroll.without.longTasks)}; frames median ${scroll.without.frames.median} ms, p95 ${scroll.without.frames.p95}, worst ${scroll.without.frames.max}`,
    verdict(scroll.with.longTasks.length <= scroll.without.longTasks.length),
  ]);
  const live = stress.live;
  rows.push(
    [
      `${live.page}: extension long tasks = 0`,
      `${tasks(live.longTasks.with)}, ${live.longTasks.duringWork} during its scan or paint or the frame after; page's watcher ${live.pageWatchMs} ms`,
      `without ${tasks(live.longTasks.without)}`,
      verdict(live.extension.count <= 0 && live.longTasks.duringWork === 0),
    ],
    [
      `${live.page}: appended blocks highlighted`,
      `${live.highlightedBlocks} of ${live.appended}; append → highlight median ${live.appendToHighlightMs.median ?? '-'} ms`,
      `${live.updatesPerBlock} highlight updates per block`,
      'INFO',
    ],
    [
      'popup shows its content within one frame of the answer',
      `answer in the DOM: median ${popup.render.median} ms, worst ${popup.render.max} ms; next frame begins: median ${popup.frame.median} ms, worst ${popup.frame.max} ms (${popup.n} openings, on the live blog's tab)`,
      `one frame: ${FRAME_MS.toFixed(1)} ms`,
      verdict((popup.render.max ?? Infinity) <= FRAME_MS),
    ],
    [
      'content script < 30 KB gzip',
      `${(bundle.gzip / 1024).toFixed(1)} KB (${(bundle.bytes / 1024).toFixed(1)} KB minified)`,
      `Readability.js ${(bundle.readabilityGzip / 1024).toFixed(1)} KB gzip`,
      verdict(bundle.gzip < GZIP_BUDGET),
    ],
  );
  console.log('\n| budget | measured | baseline (same run) | |\n| --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  if (live.longTaskFrames.with.length > 0) {
    console.log('\nThe live blog’s long tasks with the extension, as their long-animation-frame entries split them:');
    for (const line of live.longTaskFrames.with) console.log(`  ${line}`);
  }
  if (bundle.contributors.length > 0) {
    console.log('\nContent script, largest contributors (minified bytes; gzip of each alone):');
    for (const c of bundle.contributors.slice(0, 10)) {
      const top = c.files.slice(0, 3).map((f) => `${f.file.split('/').at(-1)} ${(f.bytes / 1024).toFixed(1)}`);
      console.log(
        `  ${c.name.padEnd(32)} ${(c.bytes / 1024).toFixed(1).padStart(5)} KB  ${(c.gzip / 1024).toFixed(1).padStart(4)} KB gz  ${top.join(', ')}`,
      );
    }
  }
  const failed = rows.filter((r) => r[3] === 'FAIL').length;
  console.log(failed > 0 ? `\nFAIL: ${failed} budget(s) not met (a report: exit code 0).` : '\nAll budgets met.');
}

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    console.error(`No built extension in ${EXTENSION}: run \`npm run build\` first (\`npm run bench\` does).`);
    process.exit(1);
  }
  ensureBrowsers(['chromium']);
  const { browser: withExt, extensionId } = await launchChromium({ extensionDir: EXTENSION });
  // The same Chromium, flags and window without the extension: the baseline's long tasks.
  const without = await puppeteer.launch({
    executablePath: BROWSERS.chromium.bin,
    pipe: true,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    args: CHROMIUM_ARGS,
  });
  let corpus: Awaited<ReturnType<typeof benchCorpus>>;
  let stress: Awaited<ReturnType<typeof benchStress>>;
  let popup: Awaited<ReturnType<typeof benchPopup>>;
  try {
    const tabs = { withExt: await watchedTab(withExt), without: await watchedTab(without) };
    corpus = await benchCorpus(tabs);
    stress = await benchStress(tabs);
    log("Popup: from the background's answer to the frame that shows it, on the live blog's tab");
    popup = await benchPopup(withExt, extensionId, tabs.withExt);
  } finally {
    await withExt.close();
    await without.close();
  }
  log('Bundle: the content script built once more with a source map, in a scratch folder');
  const bundle = await benchBundle();
  const summary = summarize(corpus?.runs ?? null, corpus?.roundTrips);
  mkdirSync(resolve(OUT, '..'), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    seconds: Math.round((Date.now() - STARTED) / 1000),
    summary,
    stress,
    popup,
    bundle,
    warmup: corpus?.warmup ?? null,
    corpus: corpus?.runs ?? null,
  };
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  table(summary, stress, bundle, popup);
  console.log(`\nReport written to ${OUT} (${report.seconds} s)`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
