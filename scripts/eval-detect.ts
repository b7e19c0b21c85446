/**
 * Scores article detection on the shared corpus (../shared/corpus/labels.csv) against Firefox
 * Reader View's isProbablyReaderable, on two fixed halves (tune on A, check on B), and checks
 * block extraction against WCXB must-have / must-not-have snippets. Never special-cases a page.
 * Usage: node --import tsx scripts/eval-detect.ts [--check] [--json[=file]]
 * (--json writes every page's verdict, signals and features; default file in the OS temp dir.)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isProbablyReaderable } from '@mozilla/readability';
import { collectTextBlocks, gatherEvidence, scoreFeatures } from '../lib/article/index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const READABILITY_URL = 'http://fakehost/test/page.html';

/** The slice of jsdom used here, typed locally: the project has no @types/jsdom. */
interface JsdomModule {
  JSDOM: new (html: string, options: { url?: string; virtualConsole: unknown }) => { window: Window & typeof globalThis };
  VirtualConsole: new () => unknown;
}
const { JSDOM, VirtualConsole } = (await import('jsdom' as string)) as JsdomModule;

interface LabelRow {
  page: string;
  label: string;
  kind: string;
}

interface PageResult extends LabelRow {
  half: 'A' | 'B';
  ours: boolean;
  readerable: boolean;
  score: number;
  signals: Record<string, number>;
  ms: number;
  features: unknown;
  mustHave?: [number, number];
  mustNot?: [number, number];
}

function readLabels(): LabelRow[] {
  const lines = readFileSync(path.join(corpus, 'labels.csv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [page = '', label = '', kind = ''] = line.split(',');
    return { page, label, kind };
  });
}

function readJson(file: string): Record<string, unknown> | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : null;
}

function aebUrls(): Map<string, string> {
  const rows = readFileSync(path.join(corpus, 'aeb/index.csv'), 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((row) => row.split(',')).map((cells) => [cells[0] ?? '', cells[2] ?? '']));
}

function pageUrl(page: string, aeb: Map<string, string>): string | undefined {
  const dir = path.join(corpus, path.dirname(page));
  const id = path.basename(path.dirname(page));
  if (page.startsWith('readability/')) return READABILITY_URL;
  if (page.startsWith('aeb/')) return aeb.get(id);
  const meta = readJson(path.join(dir, 'ground-truth.json')) ?? readJson(path.join(dir, 'metadata.json'));
  return typeof meta?.['url'] === 'string' && meta['url'] !== '' ? meta['url'] : undefined;
}

/** FNV-1a parity of the path: a fixed split that does not depend on file order. */
function halfOf(page: string): 'A' | 'B' {
  let hash = 2166136261;
  for (let i = 0; i < page.length; i++) hash = Math.imul(hash ^ page.charCodeAt(i), 16777619);
  return (hash >>> 0) % 2 === 0 ? 'A' : 'B';
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

function snippetScores(page: string, text: string): Pick<PageResult, 'mustHave' | 'mustNot'> {
  const truth = readJson(path.join(corpus, path.dirname(page), 'ground-truth.json'))?.['ground_truth'] as
    { with?: string[]; without?: string[] } | undefined;
  if (!truth) return {};
  const found = (list: string[] = []): [number, number] => [list.filter((s) => text.includes(squash(s))).length, list.length];
  return { mustHave: found(truth.with), mustNot: found(truth.without) };
}

function evaluatePage(entry: LabelRow, aeb: Map<string, string>): PageResult {
  const html = readFileSync(path.join(corpus, entry.page), 'utf8');
  const dom = new JSDOM(html, { url: pageUrl(entry.page, aeb), virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  const start = performance.now();
  const evidence = gatherEvidence(doc);
  const verdict = evidence ? scoreFeatures(evidence.features) : { isArticle: false, score: 0, signals: {} };
  const ms = performance.now() - start;
  const blocksText =
    evidence?.root && entry.label === 'article'
      ? squash(
          collectTextBlocks(evidence.root)
            .map((b) => b.text)
            .join(' '),
        )
      : '';
  const result: PageResult = {
    ...entry,
    half: halfOf(entry.page),
    ours: verdict.isArticle,
    readerable: isProbablyReaderable(doc),
    score: verdict.score,
    signals: verdict.signals,
    ms,
    features: evidence?.features ?? null,
    ...(blocksText ? snippetScores(entry.page, blocksText) : {}),
  };
  dom.window.close();
  return result;
}

function rate(results: PageResult[], label: string, pick: (r: PageResult) => boolean): string {
  const pages = results.filter((r) => r.label === label);
  const yes = pages.filter(pick).length;
  return `${(yes / Math.max(pages.length, 1)).toFixed(3)} (${yes}/${pages.length})`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function summarize(results: PageResult[]): { recall: number; fp: number } {
  const articles = results.filter((r) => r.label === 'article');
  const others = results.filter((r) => r.label === 'non-article');
  return {
    recall: articles.filter((r) => r.ours).length / Math.max(articles.length, 1),
    fp: others.filter((r) => r.ours).length / Math.max(others.length, 1),
  };
}

function sumPairs(results: PageResult[], key: 'mustHave' | 'mustNot'): string {
  const pairs = results.map((r) => r[key]).filter((p): p is [number, number] => p !== undefined);
  const [hit, all] = pairs.reduce(([h, a], [x, y]) => [h + x, a + y], [0, 0]);
  return `${(hit / Math.max(all, 1)).toFixed(3)} (${hit}/${all} snippets, ${pairs.length} pages)`;
}

function topSignals(signals: Record<string, number>): string {
  return Object.entries(signals)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 5)
    .map(([k, v]) => `${k} ${v > 0 ? '+' : ''}${v}`)
    .join(', ');
}

function printReport(results: PageResult[]): void {
  console.log(`pages: ${results.length}\n`);
  console.log('set        | ours recall      | ours FP          | readerable recall | readerable FP');
  for (const [name, set] of [
    ['all', results],
    ['half A', results.filter((r) => r.half === 'A')],
    ['half B', results.filter((r) => r.half === 'B')],
  ] as const) {
    console.log(
      `${name.padEnd(10)} | ${rate(set, 'article', (r) => r.ours).padEnd(16)} | ${rate(set, 'non-article', (r) => r.ours).padEnd(16)} | ${rate(set, 'article', (r) => r.readerable).padEnd(17)} | ${rate(set, 'non-article', (r) => r.readerable)}`,
    );
  }
  console.log(
    `other-text said article: ours ${rate(results, 'other-text', (r) => r.ours)}, readerable ${rate(results, 'other-text', (r) => r.readerable)}`,
  );
  const times = results.map((r) => r.ms);
  console.log(
    `timing (detect, jsdom): median ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, max ${percentile(times, 1).toFixed(2)} ms`,
  );
  console.log(`blocks vs WCXB must-have: ${sumPairs(results, 'mustHave')}; must-not leaked: ${sumPairs(results, 'mustNot')}\n`);
  console.log('misclassified:');
  for (const r of results.filter((x) => x.label !== 'other-text' && x.ours !== (x.label === 'article'))) {
    console.log(
      `  [${r.half}] ${r.label.padEnd(11)} ${r.kind.padEnd(18)} score ${r.score.toFixed(2).padStart(6)}  ${r.page}\n      ${topSignals(r.signals)}`,
    );
  }
}

function main(): void {
  if (!existsSync(path.join(corpus, 'labels.csv'))) {
    console.log(`eval-detect: no corpus at ${corpus} (labels.csv missing); nothing to evaluate.`);
    return;
  }
  const args = process.argv.slice(2);
  const aeb = aebUrls();
  const results = readLabels().map((entry) => evaluatePage(entry, aeb));
  printReport(results);
  const jsonArg = args.find((a) => a.startsWith('--json'));
  if (jsonArg) {
    const file = jsonArg.includes('=')
      ? jsonArg.slice(jsonArg.indexOf('=') + 1)
      : path.join(tmpdir(), 'dramatis-eval-detect.json');
    writeFileSync(file, JSON.stringify({ summary: summarize(results), results }, null, 1));
    console.log(`\nreport written to ${file}`);
  }
  const { recall, fp } = summarize(results);
  if (args.includes('--check') && (recall < 0.97 || fp > 0.1)) {
    console.log(`\ncheck failed: recall ${recall.toFixed(3)} (min 0.97), false positives ${fp.toFixed(3)} (max 0.10)`);
    process.exitCode = 1;
  }
}

main();
