/**
 * Scores the built extension's actor highlights on the GUM news pages in Chromium
 * (../shared/corpus/ner/gum-news/pages, the reference scorer ../shared/corpus/ner/score-gum.mjs),
 * beside compromise (people + places + organizations) on the same text, and prints throughput:
 * in the browser (text highlighted per second of `dramatis:article`), and in Node, the
 * background's whole analysis against compromise on the same blocks, timed in the same run.
 * Usage: npm run eval:actors [-- --json=file]   (builds the Chrome target first)
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import nlp from 'compromise';
import { analyzeArticle } from '../lib/analysis/analyze-article';
import { STARTER_PACK } from '../lib/entities/pack';
import type { Entity } from '../lib/entities/types';
import { aliasesOf, compileMatcher, createKbMatcher } from '../lib/matcher';
import { ensureBrowsers, launchChromium } from './lib/browsers';
import { serveStatic } from './lib/serve';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gum = path.resolve(repoRoot, '../shared/corpus/ner/gum-news');
const pagesDir = path.join(gum, 'pages');

interface FoundSpan {
  block: number;
  start: number;
  end: number;
  text: string;
}
interface Score {
  gold: number;
  hit: number;
  pred: number;
  ok: number;
}
type ScoreDoc = (gold: unknown[], spans: FoundSpan[]) => Score;

interface JsdomModule {
  JSDOM: new (html: string) => { window: Window & typeof globalThis };
}

function blocksOf(html: string, JSDOM: JsdomModule['JSDOM']): string[] {
  const doc = new JSDOM(html).window.document;
  return [doc.querySelector('h1'), ...doc.querySelectorAll('article p')].map((el) => el?.textContent ?? '');
}

/** Highlights as block offsets, read in the page: block 0 is the h1, block i the i-th `<p>` of `<article>`. */
function readHighlights(): FoundSpan[] {
  const blocks = [document.querySelector('h1'), ...document.querySelectorAll('article p')];
  const out: FoundSpan[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('dramatis-')) continue;
    for (const range of highlight as unknown as Iterable<Range>) {
      const block = blocks.findIndex((b) => b?.contains(range.startContainer));
      if (block < 0) continue;
      const before = document.createRange();
      before.setStart(blocks[block]!, 0);
      before.setEnd(range.startContainer, range.startOffset);
      const start = before.toString().length;
      const text = range.toString();
      out.push({ block, start, end: start + text.length, text });
    }
  }
  return out.sort((a, b) => a.block - b.block || a.start - b.start);
}

function compromiseSpans(blocks: readonly string[]): FoundSpan[] {
  return blocks.flatMap((text, block) => {
    const doc = nlp(text);
    const found = [doc.people(), doc.places(), doc.organizations()].flatMap(
      (view) => view.json({ offset: true }) as { offset: { start: number; length: number }; text: string }[],
    );
    return found.map(({ offset }) => ({
      block,
      start: offset.start,
      end: offset.start + offset.length,
      text: text.slice(offset.start, offset.start + offset.length),
    }));
  });
}

function total(scores: Score[]): Score {
  return scores.reduce((a, s) => ({ gold: a.gold + s.gold, hit: a.hit + s.hit, pred: a.pred + s.pred, ok: a.ok + s.ok }), {
    gold: 0,
    hit: 0,
    pred: 0,
    ok: 0,
  });
}
const recall = (s: Score) => s.hit / Math.max(1, s.gold);
const precision = (s: Score) => s.ok / Math.max(1, s.pred);
const fmt = (n: number) => n.toFixed(3);

/** Runs `work` over and over for at least `ms`; returns characters per second. */
function throughput(chars: number, work: () => void, ms = 1500): number {
  work();
  let runs = 0;
  const started = performance.now();
  while (performance.now() - started < ms) {
    work();
    runs++;
  }
  return (chars * runs) / ((performance.now() - started) / 1000);
}

async function browserSpans(files: string[]): Promise<Map<string, { spans: FoundSpan[]; ms: number }>> {
  ensureBrowsers(['chromium']);
  const served = await serveStatic(pagesDir, { blockScripts: true });
  const { browser } = await launchChromium({ extensionDir: path.join(repoRoot, '.output/chrome-mv3') });
  const out = new Map<string, { spans: FoundSpan[]; ms: number }>();
  try {
    const page = await browser.newPage();
    for (const file of files) {
      await page.goto(`${served.url}${file}`, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('dramatis:page').length > 0, {
        timeout: 30_000,
        polling: 20,
      });
      const ms = await page.evaluate(() => performance.getEntriesByName('dramatis:article')[0]?.duration ?? NaN);
      out.set(file, { spans: await page.evaluate(readHighlights), ms });
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return out;
}

async function main() {
  if (!existsSync(pagesDir)) {
    console.log(`eval:actors skipped: ${pagesDir} is absent (the shared corpus is not beside this checkout).`);
    return;
  }
  const { scoreDoc } = (await import(pathToFileURL(path.join(gum, '../score-gum.mjs')).href)) as { scoreDoc: ScoreDoc };
  const { JSDOM } = (await import('jsdom' as string)) as JsdomModule;
  const files = readdirSync(pagesDir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const pages = files.map((file) => {
    const gold = JSON.parse(readFileSync(path.join(pagesDir, file.replace(/\.html$/, '.gold.json')), 'utf8')) as {
      mentions: unknown[];
    };
    return { file, gold: gold.mentions, blocks: blocksOf(readFileSync(path.join(pagesDir, file), 'utf8'), JSDOM) };
  });

  const inBrowser = await browserSpans(files);
  const rows = pages.map((p) => {
    const ours = scoreDoc(p.gold, inBrowser.get(p.file)!.spans);
    const theirs = scoreDoc(p.gold, compromiseSpans(p.blocks));
    return { page: p.file.replace(/\.html$/, ''), ours, compromise: theirs, ms: inBrowser.get(p.file)!.ms };
  });

  console.log('page                      extension R / P      compromise R / P   time to highlights');
  for (const r of rows) {
    console.log(
      `${r.page.padEnd(25)} ${fmt(recall(r.ours))} / ${fmt(precision(r.ours))}      ${fmt(recall(r.compromise))} / ${fmt(precision(r.compromise))}      ${r.ms.toFixed(0)} ms`,
    );
  }
  const ours = total(rows.map((r) => r.ours));
  const theirs = total(rows.map((r) => r.compromise));
  console.log(
    `\nall ${rows.length} pages: extension recall ${fmt(recall(ours))} precision ${fmt(precision(ours))} (${ours.hit}/${ours.gold}, ${ours.ok}/${ours.pred})`,
  );
  console.log(
    `             compromise recall ${fmt(recall(theirs))} precision ${fmt(precision(theirs))} (${theirs.hit}/${theirs.gold}, ${theirs.ok}/${theirs.pred})`,
  );

  // Throughput in Node, same blocks, same run: the background's analysis against compromise.
  const entities: Entity[] = STARTER_PACK.map(({ ref: _ref, ...e }) => ({ ...e, source: { kind: 'pack' as const } }));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const matcher = createKbMatcher(compileMatcher(aliasesOf(entities)));
  const chars = pages.reduce((n, p) => n + p.blocks.join('\n').length, 0);
  const oursPerSec = throughput(chars, () => pages.forEach((p) => analyzeArticle(p.blocks, matcher, byId)));
  const theirsPerSec = throughput(chars, () => pages.forEach((p) => compromiseSpans(p.blocks)));
  const browserMs = rows.reduce((n, r) => n + r.ms, 0);
  console.log(
    `\nthroughput (Node, ${(chars / 1024).toFixed(0)} KB of text): Dramatis analysis ${(oursPerSec / 1024).toFixed(0)} KB/s, compromise ${(theirsPerSec / 1024).toFixed(0)} KB/s: ${(oursPerSec / theirsPerSec).toFixed(1)}x`,
  );
  console.log(
    `in Chromium: ${(chars / 1024).toFixed(0)} KB highlighted in ${browserMs.toFixed(0)} ms of time to highlights (page load to paint, messaging included): ${(chars / 1024 / (browserMs / 1000)).toFixed(0)} KB/s`,
  );

  const json = process.argv.find((a) => a.startsWith('--json='))?.slice(7);
  if (json) {
    writeFileSync(json, JSON.stringify({ rows, ours, compromise: theirs, oursPerSec, theirsPerSec, browserMs, chars }, null, 2));
    console.log(`report written to ${json}`);
  }
}

await main();
