/**
 * Page safety on every page of ../shared/corpus (issue 8), in Chromium and Firefox:
 * `node --import tsx scripts/test-corpus.ts`. Each browser is launched once and reused page after
 * page, a tab per page; tests/e2e/page-safety.ts does the checking. Prints each failing page and
 * a summary per browser, writes .output/test-reports/corpus.json, exits 1 on any failure. Builds
 * the extension only when `.output` lacks a build; skips, saying why, when the corpus is absent.
 * CORPUS_BROWSERS=chromium (or firefox) runs one browser, CORPUS_PAGES=n the first n pages,
 * CORPUS_ONLY=text the pages whose path contains it, CORPUS_SERIAL=1 one browser after the other.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureBrowsers } from './lib/browsers';
import { CHROME_DIR, FIREFOX_DIR, type BrowserName } from '../tests/e2e/harness';
import {
  emptyResult,
  failuresOf,
  PAGE_LIMIT_MS,
  startSafetySession,
  type PageSafety,
  type SafetySession,
} from '../tests/e2e/page-safety';

const CORPUS = resolve('../shared/corpus');
const REPORT = resolve('.output/test-reports/corpus.json');
const BROWSERS = (process.env.CORPUS_BROWSERS ?? 'chromium,firefox').split(',') as BrowserName[];
const LIMIT = Number(process.env.CORPUS_PAGES ?? Infinity);
const ONLY = process.env.CORPUS_ONLY ?? '';
const SERIAL = process.env.CORPUS_SERIAL === '1';
const STARTED = Date.now();
const log = (line: string) => console.log(`[${Math.round((Date.now() - STARTED) / 1000)} s] ${line}`);

interface Summary {
  browser: BrowserName;
  pages: number;
  finished: number;
  pagesWithMutations: number;
  mutations: number;
  extensionErrors: number;
  misplacedHighlights: number;
  extensionRequests: number;
  /** Requests to the browser vendor's services that no tab asked for: reported, not failures. */
  browserOwnRequests: number;
  failedPages: number;
  seconds: number;
}

function corpusPages(): string[] {
  const rows = readFileSync(`${CORPUS}/labels.csv`, 'utf8').trim().split('\n').slice(1);
  return rows
    .map((row) => row.split(',')[0]!)
    .filter((page) => page.includes(ONLY))
    .slice(0, LIMIT);
}

function ensureBuild(): void {
  for (const [dir, target] of [
    [CHROME_DIR, 'chrome'],
    [FIREFOX_DIR, 'firefox'],
  ] as const) {
    if (existsSync(`${dir}/manifest.json`)) continue;
    log(`No build in ${dir}: building it (npx wxt build -b ${target})`);
    const built = spawnSync('npx', ['wxt', 'build', '-b', target], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error(`The ${target} build failed`);
  }
}

/** Checks `page`, starting the browser again if it went away (a crash fails that page, not the run). */
async function checkPage(session: SafetySession, name: BrowserName, page: string): Promise<[PageSafety, SafetySession]> {
  try {
    return [await session.check(page), session];
  } catch (error) {
    const failed: PageSafety = {
      ...emptyResult(name, page),
      loadError: `the check itself failed: ${String(error).split('\n')[0]}`,
    };
    if (session.browser.connected) return [failed, session];
    log(`${name} went away: starting it again`);
    await session.close().catch(() => undefined);
    return [failed, await startSafetySession(name, CORPUS)];
  }
}

async function runBrowser(name: BrowserName, pages: string[]): Promise<{ summary: Summary; results: PageSafety[] }> {
  const started = Date.now();
  let session = await startSafetySession(name, CORPUS);
  const results: PageSafety[] = [];
  for (const [i, page] of pages.entries()) {
    let result: PageSafety;
    [result, session] = await checkPage(session, name, page);
    results.push(result);
    const failures = failuresOf(result);
    if (failures.length > 0) log(`✖ ${name} ${page}\n    ${failures.join('\n    ')}`);
    if ((i + 1) % 50 === 0) log(`${name}: ${i + 1}/${pages.length} pages`);
  }
  await new Promise((done) => setTimeout(done, 1_000));
  const leftovers = session.leftovers();
  await session.close();
  results.push({ ...emptyResult(name, '(after the last page)'), finished: true, ...leftovers });
  if (leftovers.errors.length + leftovers.requests.length > 0)
    log(`✖ ${name} after the last page\n    ${failuresOf(results.at(-1)!).join('\n    ')}`);
  const pageResults = results.filter((r) => !r.page.startsWith('('));
  const summary: Summary = {
    browser: name,
    pages: pages.length,
    finished: pageResults.filter((r) => r.finished).length,
    pagesWithMutations: pageResults.filter((r) => r.mutations > 0).length,
    mutations: pageResults.reduce((n, r) => n + r.mutations, 0),
    extensionErrors: results.reduce((n, r) => n + r.errors.length, 0),
    misplacedHighlights: results.reduce((n, r) => n + r.misplaced.length, 0),
    extensionRequests: results.reduce((n, r) => n + r.requests.length, 0),
    browserOwnRequests: results.reduce((n, r) => n + r.browserOwn.length, 0),
    failedPages: results.filter((r) => failuresOf(r).length > 0).length,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  return { summary, results };
}

async function main(): Promise<number> {
  if (!existsSync(`${CORPUS}/labels.csv`)) {
    console.log(`Skipping the corpus page-safety run: ${CORPUS} is absent (it sits beside the checkout on dev and CI machines).`);
    return 0;
  }
  ensureBuild();
  ensureBrowsers(BROWSERS);
  const pages = corpusPages();
  log(`${pages.length} pages in ${BROWSERS.join(' and ')}, ${PAGE_LIMIT_MS / 1000} s each at most, page scripts blocked`);
  // The two engines run side by side (each one browser, one page at a time): most of a page's
  // time is waiting on the other process, and the run stays well under half an hour.
  const runs = SERIAL ? [] : await Promise.all(BROWSERS.map((name) => runBrowser(name, pages)));
  if (SERIAL) for (const name of BROWSERS) runs.push(await runBrowser(name, pages));
  const summaries = runs.map((r) => r.summary);
  mkdirSync(resolve(REPORT, '..'), { recursive: true });
  const failures = runs.flatMap((r) =>
    r.results.filter((p) => failuresOf(p).length > 0).map((p) => ({ ...p, failures: failuresOf(p) })),
  );
  writeFileSync(
    REPORT,
    JSON.stringify({ seconds: Math.round((Date.now() - STARTED) / 1000), summaries, failures, runs }, null, 2),
  );
  console.table(
    Object.fromEntries(
      summaries.map((s) => [
        s.browser,
        {
          pages: s.pages,
          finished: s.finished,
          'mutations (pages)': `${s.mutations} (${s.pagesWithMutations})`,
          'extension errors': s.extensionErrors,
          'misplaced highlights': s.misplacedHighlights,
          'extension requests': s.extensionRequests,
          'browser own requests': s.browserOwnRequests,
          'failed pages': s.failedPages,
          time: `${s.seconds} s`,
        },
      ]),
    ),
  );
  console.log(`Report: ${REPORT}`);
  const failed = summaries.reduce((n, s) => n + s.failedPages, 0);
  console.log(failed === 0 ? '✔ every page safe' : `✖ ${failed} page(s) failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
