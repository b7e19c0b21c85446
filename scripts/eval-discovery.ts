/**
 * Scores name discovery on the shared corpus: the 13 GUM Wikinews pages (a fixed tuning half and a
 * held-out half) with the reference scorer, and UNER-PUD English with a partial-overlap version of
 * it. Compares the product's union (knowledge-base matches + discoveries) with the knowledge base
 * alone and with compromise, and measures throughput on the same text.
 * Usage: node --import tsx scripts/eval-discovery.ts [--errors] (misses and false alarms, tuning pages only)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import nlp from 'compromise';
import { analyzeArticle } from '../lib/analysis/analyze-article';
import { discoverNames, type KnownSpan } from '../lib/discovery/index';
import { STARTER_PACK } from '../lib/entities/pack';
import type { Entity } from '../lib/entities/types';
import { aliasesOf, compileMatcher, createKbMatcher } from '../lib/matcher';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ner = path.resolve(repoRoot, '../shared/corpus/ner');
const showErrors = process.argv.includes('--errors');

/** Pages tuned on; the rest are held out. Fixed: alternate pages in name order. */
const TUNING = new Set(['hackers', 'iodine', 'lanterns', 'questionnaire', 'soccer', 'warhol', 'worship']);

interface Span {
  block: number;
  start: number;
  end: number;
  text?: string;
}
interface Gold extends Span {
  headStart: number;
  headEnd: number;
  etype: string;
  properHead: boolean;
}
interface Score {
  gold: number;
  hit: number;
  pred: number;
  ok: number;
}
type ScoreDoc = (gold: Gold[], spans: Span[]) => Score;

interface JsdomModule {
  JSDOM: new (html: string) => { window: Window & typeof globalThis };
}

const entities = STARTER_PACK as unknown as Entity[];
const byId = new Map(entities.map((e) => [e.id, e]));
const matcher = createKbMatcher(compileMatcher(aliasesOf(entities)));

function knownSpans(blocks: readonly string[]): KnownSpan[] {
  return analyzeArticle(blocks, matcher, byId, { isSuppressed: () => true })
    .spans.filter((s) => !(s as { discovered?: true }).discovered)
    .map(({ block, start, end, type }) => ({ block, start, end, type }));
}

/** Known spans minus those a discovered mention contains, plus the discovered mentions. */
function unionSpans(blocks: readonly string[]): { union: Span[]; kb: Span[]; discovered: Span[] } {
  const kb = knownSpans(blocks);
  const found = discoverNames(blocks, { known: kb }).mentions;
  const inside = (k: KnownSpan) => found.some((m) => m.block === k.block && m.start <= k.start && k.end <= m.end);
  const union = [...kb.filter((k) => !inside(k)), ...found];
  const withText = (s: Span) => ({ ...s, text: blocks[s.block]!.slice(s.start, s.end) });
  return { union: union.map(withText), kb: kb.map(withText), discovered: found.map(withText) };
}

interface CompromiseTerm {
  offset: { start: number; length: number };
}
function compromiseSpans(blocks: readonly string[]): Span[] {
  return blocks.flatMap((text, block) => {
    const doc = nlp(text);
    const found = [doc.people(), doc.places(), doc.organizations()].flatMap(
      (view) => view.json({ offset: true, terms: { offset: true } }) as { terms: CompromiseTerm[] }[],
    );
    return found.map(({ terms }) => {
      const first = terms[0]!.offset;
      const last = terms[terms.length - 1]!.offset;
      const start = first.start;
      const end = last.start + last.length;
      return { block, start, end, text: text.slice(start, end) };
    });
  });
}

const add = (a: Score, b: Score): Score => ({
  gold: a.gold + b.gold,
  hit: a.hit + b.hit,
  pred: a.pred + b.pred,
  ok: a.ok + b.ok,
});
const zero = (): Score => ({ gold: 0, hit: 0, pred: 0, ok: 0 });
const fmt = (s: Score) =>
  `R ${(s.hit / s.gold).toFixed(3)} (${s.hit}/${s.gold})  P ${(s.ok / s.pred).toFixed(3)} (${s.ok}/${s.pred})`;

interface Page {
  name: string;
  blocks: string[];
  gold: Gold[];
}

async function loadGum(): Promise<Page[]> {
  const { JSDOM } = (await import('jsdom' as string)) as JsdomModule;
  const dir = path.join(ner, 'gum-news/pages');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const doc = new JSDOM(readFileSync(path.join(dir, file), 'utf8')).window.document;
      const paragraphs = [...doc.querySelectorAll('article p')].map((p) => p.textContent ?? '');
      const blocks = [doc.querySelector('h1')?.textContent ?? '', ...paragraphs];
      const gold = JSON.parse(readFileSync(path.join(dir, file.replace('.html', '.gold.json')), 'utf8')) as {
        mentions: Gold[];
      };
      return { name: file.replace(/^GUM_news_|\.html$/g, ''), blocks, gold: gold.mentions };
    });
}

function printErrors(page: Page, spans: Span[]): void {
  const names = page.gold.filter((g) => g.properHead && ['person', 'organization', 'place'].includes(g.etype));
  for (const g of names) {
    if (!spans.some((s) => s.block === g.block && s.start < g.headEnd && g.headStart < s.end))
      console.log(`    miss  ${g.etype.padEnd(12)} ${page.blocks[g.block]!.slice(g.start, g.end)}`);
  }
  const typed = page.gold.filter((g) => ['person', 'organization', 'place', 'event'].includes(g.etype));
  for (const s of spans) {
    const ok =
      page.gold.some((g) => g.properHead && g.block === s.block && g.start < s.end && s.start < g.end) ||
      (/^\p{Lu}/u.test(s.text ?? '') && typed.some((g) => g.block === s.block && g.start <= s.start && s.end <= g.end));
    if (!ok) console.log(`    false ${s.text}  «${page.blocks[s.block]!.slice(Math.max(0, s.start - 30), s.end + 20)}»`);
  }
}

async function evalGum(scoreDoc: ScoreDoc): Promise<Page[]> {
  const pages = await loadGum();
  const totals = { tuning: [zero(), zero(), zero()], heldOut: [zero(), zero(), zero()] };
  console.log('GUM news pages: union (KB + discovery) | KB alone | compromise');
  for (const page of pages) {
    const { union, kb } = unionSpans(page.blocks);
    const scores = [union, kb, compromiseSpans(page.blocks)].map((spans) => scoreDoc(page.gold, spans));
    const split = TUNING.has(page.name) ? totals.tuning : totals.heldOut;
    scores.forEach((s, i) => (split[i] = add(split[i]!, s)));
    console.log(`  ${TUNING.has(page.name) ? 'T' : 'H'} ${page.name.padEnd(14)} ${scores.map(fmt).join(' | ')}`);
    if (showErrors && TUNING.has(page.name)) printErrors(page, union);
  }
  for (const [label, split] of Object.entries(totals)) {
    console.log(`${label.padEnd(8)} union      ${fmt(split[0]!)}`);
    console.log(`${''.padEnd(8)} KB alone   ${fmt(split[1]!)}`);
    console.log(`${''.padEnd(8)} compromise ${fmt(split[2]!)}`);
  }
  return pages;
}

interface PudDoc {
  blocks: string[];
  gold: Span[];
}

/** UNER-PUD CoNLL-style IOB2: sentences grouped by document, tokens located in `# text`. */
function loadPud(): PudDoc[] {
  const file = path.join(ner, 'uner-pud/English/en_pud-ud-test.iob2');
  const docs: PudDoc[] = [];
  for (const chunk of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter(Boolean);
    const text = lines.find((l) => l.startsWith('# text = '))?.slice(9);
    if (text === undefined) continue;
    if (lines.some((l) => l.startsWith('# newdoc')) || docs.length === 0) docs.push({ blocks: [], gold: [] });
    const doc = docs[docs.length - 1]!;
    const block = doc.blocks.length;
    doc.blocks.push(text);
    let cursor = 0;
    let open: Span | null = null;
    for (const line of lines.filter((l) => !l.startsWith('#'))) {
      const [, token = '', tag = 'O'] = line.split('\t');
      const start = text.indexOf(token, cursor);
      const at = start < 0 ? cursor : start;
      cursor = at + token.length;
      if (tag.startsWith('B-') || tag === 'O') open = null;
      if (tag.startsWith('B-')) doc.gold.push((open = { block, start: at, end: cursor }));
      else if (tag.startsWith('I-') && open) open.end = cursor;
    }
  }
  return docs;
}

function scorePud(docs: PudDoc[], spansOf: (blocks: string[]) => Span[]): Score {
  let score = zero();
  for (const doc of docs) {
    const spans = spansOf(doc.blocks);
    const overlaps = (a: Span, b: Span) => a.block === b.block && a.start < b.end && b.start < a.end;
    score = add(score, {
      gold: doc.gold.length,
      hit: doc.gold.filter((g) => spans.some((s) => overlaps(s, g))).length,
      pred: spans.length,
      ok: spans.filter((s) => doc.gold.some((g) => overlaps(s, g))).length,
    });
  }
  return score;
}

function throughput(texts: string[][], run: (blocks: string[]) => unknown, minMs = 1500): number {
  const bytes = texts.reduce((n, blocks) => n + blocks.join('\n').length, 0);
  let rounds = 0;
  const started = performance.now();
  while (performance.now() - started < minMs || rounds < 1) {
    for (const blocks of texts) run(blocks);
    rounds++;
  }
  return (bytes * rounds) / 1024 / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const scorer = path.join(ner, 'score-gum.mjs');
  if (!existsSync(scorer)) {
    console.log(`Skipped: ${scorer} is absent (the shared corpus lives beside the checkout).`);
    return;
  }
  const { scoreDoc } = (await import(pathToFileURL(scorer).href)) as { scoreDoc: ScoreDoc };
  const pages = await evalGum(scoreDoc);

  const pud = loadPud();
  console.log(`UNER-PUD English (${pud.length} documents, partial overlap):`);
  console.log(`  union      ${fmt(scorePud(pud, (b) => unionSpans(b).union))}`);
  console.log(`  KB alone   ${fmt(scorePud(pud, (b) => unionSpans(b).kb))}`);
  console.log(`  discovery  ${fmt(scorePud(pud, (b) => unionSpans(b).discovered))} (its mentions only)`);
  console.log(`  compromise ${fmt(scorePud(pud, compromiseSpans))}`);

  const texts = pages.map((p) => p.blocks);
  const ours = throughput(texts, (blocks) => discoverNames(blocks, { known: matcher.match(blocks) }));
  const discoveryOnly = throughput(texts, (blocks) => discoverNames(blocks));
  const theirs = throughput(texts, compromiseSpans);
  console.log(
    `Throughput on the GUM text: ours (KB + discovery) ${ours.toFixed(0)} KB/s, discovery alone ${discoveryOnly.toFixed(0)} KB/s, compromise ${theirs.toFixed(0)} KB/s (${(ours / theirs).toFixed(1)}x)`,
  );
}

await main();
