/**
 * Benchmark of the knowledge-base matcher (lib/matcher) against the naive baseline that keyword
 * highlighters such as mark.js use: one big case-insensitive RegExp alternation of every alias.
 * Synthetic, deterministic knowledge bases of 1k, 100k and 1M aliases (syllable-generated names,
 * some Cyrillic, Arabic and Chinese) and ~200 KB of news-like text holding a known sample of them.
 * Run: node --import tsx scripts/bench-matcher.ts [--json out.json] [--sizes 1000,100000]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Entity } from '../lib/entities/types';
import { aliasesOf, compileMatcher, deserializeMatcher, matchText, serializeMatcher, type AliasEntry } from '../lib/matcher';
import { tokenKeys } from '../lib/matcher/tokenize';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const SIZES = process.argv.includes('--sizes') ? arg('--sizes')!.split(',').map(Number) : [1_000, 100_000, 1_000_000];
const REGEX_BUDGET_MS: Record<number, number> = { 1_000: 30_000, 100_000: 45_000, 1_000_000: 20_000 };

// ---- deterministic synthetic data ----
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const pick = <T>(rnd: () => number, xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const SYLLABLES =
  'ka ri mo sa lin dor vel an tu be ha mi no ra zu ke la go pe shi ta ve ro da ni mar kel ost vin bra tor el is um yo fa jan rek sol dim ga hu per qua lo sev nik ar zan bel'.split(
    ' ',
  );
const CYRILLIC: Record<string, string> = Object.fromEntries(
  [...'abdefghijklmnopqrstuvyz'].map((c, i) => [c, 'абдефгхийклмнопкрстувиз'[i]!]),
);
const ARABIC = 'ب ت ج ح د ر ز س ش ع ف ق ك ل م ن ه و ي ا'.split(' ');
const HAN =
  '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文伟明华建国平志强军杰涛斌超波辉刚勇毅俊峰磊鹏';
const FILLER =
  'the a of and to in said on for with that after at by from was is as it his her their will has have been officials talks meeting minister government week talks deal border new over more than under president leader told reporters capital region forces security council agreement spokesman statement during visit'.split(
    ' ',
  );
const SUFFIX = ['Institute', 'Council', 'Group', 'Party', 'Bank', 'Agency', 'Front', 'Union'];

function latinWord(rnd: () => number): string {
  let w = '';
  for (let n = 2 + Math.floor(rnd() * 2.5); n > 0; n--) w += pick(rnd, SYLLABLES);
  return w[0]!.toUpperCase() + w.slice(1);
}

function aliasText(rnd: () => number, kind: string, script: number): string {
  if (script < 0.06) return pick(rnd, [...HAN]) + pick(rnd, [...HAN]) + pick(rnd, [...HAN]);
  if (script < 0.12)
    return Array.from({ length: 2 }, () =>
      Array.from({ length: 4 + Math.floor(rnd() * 3) }, () => pick(rnd, ARABIC)).join(''),
    ).join(' ');
  const words =
    kind === 'org'
      ? [latinWord(rnd), latinWord(rnd), pick(rnd, SUFFIX)]
      : kind === 'place'
        ? [latinWord(rnd)]
        : [latinWord(rnd), latinWord(rnd)];
  if (script < 0.2)
    return words
      .map((w) => [...w.toLowerCase()].map((c) => CYRILLIC[c] ?? c).join(''))
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(' ');
  return words.join(' ');
}

function generateAliases(count: number): AliasEntry[] {
  const rnd = mulberry32(count);
  const filler = new Set(FILLER);
  const aliases: AliasEntry[] = [];
  for (let entity = 0; aliases.length < count; entity++) {
    const kind = pick(rnd, ['person', 'person', 'person', 'org', 'place']);
    const script = rnd();
    for (let n = rnd() < 0.4 ? 2 : 1; n > 0 && aliases.length < count; n--) {
      const text = aliasText(rnd, kind, script);
      if (tokenKeys(text).some((key) => filler.has(key))) continue;
      aliases.push({ text, entityId: `Q${entity}`, fuzzy: kind === 'person' });
    }
  }
  return aliases;
}

/**
 * ~`bytes` of sentences; every ~12 words one alias from a sample of `SAMPLE` distinct aliases. The
 * sample has the same size for every knowledge base, so the texts differ only in which names they
 * hold and throughput differences measure the knowledge base, not how many distinct names a text has.
 */
const SAMPLE = 500;

function distinctSample<T>(rnd: () => number, items: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(rnd() * items.length));
  return [...chosen].map((i) => items[i]!);
}

function generateText(aliases: readonly AliasEntry[], bytes: number): { text: string; inserted: number } {
  const rnd = mulberry32(7);
  const sample = distinctSample(rnd, aliases, SAMPLE);
  const parts: string[] = [];
  let length = 0;
  let inserted = 0;
  while (length < bytes) {
    const words = Array.from({ length: 10 + Math.floor(rnd() * 10) }, () => pick(rnd, FILLER));
    words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
    const at = 1 + Math.floor(rnd() * (words.length - 1));
    words.splice(at, 0, pick(rnd, sample).text + (rnd() < 0.2 ? '’s' : ''));
    inserted++;
    const sentence = `${words.join(' ')}. `;
    parts.push(sentence);
    length += Buffer.byteLength(sentence);
  }
  return { text: parts.join(''), inserted };
}

// ---- measurement ----
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (text: string) => Buffer.byteLength(text) / 1e6;

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const result = fn();
  return [result, performance.now() - t0];
}

/**
 * MB/s of each matcher on its text, median of all runs. Runs are in blocks per size (a steady
 * state, as when one matcher serves page after page) and the blocks go round in `passes`
 * alternating order so that load from other processes on the machine spreads over every size.
 */
function blockedThroughput(jobs: readonly { fn: () => unknown; megabytes: number }[], passes = 3, runs = 7): number[] {
  const times: number[][] = jobs.map(() => []);
  for (let pass = 0; pass < passes; pass++) {
    const order = jobs.map((_, i) => (pass % 2 === 0 ? i : jobs.length - 1 - i));
    for (const i of order) {
      for (let w = 0; w < 2; w++) jobs[i]!.fn(); // warm-up
      for (let r = 0; r < runs; r++) times[i]!.push(time(jobs[i]!.fn)[1]);
    }
  }
  return jobs.map((job, i) => job.megabytes / (median(times[i]!) / 1000));
}

/** The baseline's pattern: longest alternatives first, so that at one position it prefers the longest. */
function regexSource(aliases: readonly AliasEntry[]): string {
  const escaped = [...new Set(aliases.map((a) => a.text))]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `(?<![\\p{L}\\p{N}\\p{M}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}\\p{M}])`;
}

// Runs in a child process: V8 cannot interrupt a RegExp compilation, so a worker thread stuck in
// one would keep the bench from exiting; a child can be killed at the time budget.
const REGEX_CHILD = `
const { source, text } = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
const say = (m) => process.stdout.write(JSON.stringify(m) + '\\n');
const t0 = performance.now();
const re = new RegExp(source, 'giu');
'x'.match(re); // V8 compiles lazily, on first use
say({ compileMs: performance.now() - t0 });
for (let size = 4096; ; size *= 4) {
  const slice = text.slice(0, size);
  const t1 = performance.now();
  slice.match(re);
  const ms = performance.now() - t1;
  if (ms > 1500 || size >= text.length) { say({ bytes: Buffer.byteLength(slice), ms }); break; }
}`;

interface RegexResult {
  compileMs?: number;
  mbPerS?: number;
  na?: string;
}

function runRegexBaseline(inputFile: string, budgetMs: number): Promise<RegexResult> {
  return new Promise((resolve) => {
    const result: RegexResult = {};
    const child = spawn(process.execPath, ['--max-old-space-size=4096', '-e', REGEX_CHILD, inputFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const finish = (r: RegexResult) => (clearTimeout(timer), child.kill('SIGKILL'), resolve(r));
    const timer = setTimeout(
      () =>
        finish({
          ...result,
          na: `n/a (over the ${budgetMs / 1000} s budget${result.compileMs === undefined ? ' while compiling' : ''})`,
        }),
      budgetMs,
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        const m = JSON.parse(line) as { compileMs?: number; bytes?: number; ms?: number };
        if (m.compileMs !== undefined) result.compileMs = m.compileMs;
        if (m.bytes !== undefined) finish({ ...result, mbPerS: m.bytes / 1e6 / (m.ms! / 1000) });
      }
    });
    child.on('exit', (code) =>
      finish({ ...result, na: `n/a (exit ${code}: ${stderr.trim().split('\n').at(-1)?.slice(0, 80)})` }),
    );
  });
}

/** Sanity: on the 1k case both must find the same spans. */
function sameMatchesAsRegex(aliases: readonly AliasEntry[], text: string, ours: [number, number][]): string {
  const re = new RegExp(regexSource(aliases), 'giu');
  const theirs = [...text.matchAll(re)].map((m) => `${m.index},${m.index + m[0].length}`);
  const mine = ours.map(([s, e]) => `${s},${e}`);
  const missing = theirs.filter((x) => !mine.includes(x)).length;
  const extra = mine.filter((x) => !theirs.includes(x)).length;
  if (missing || extra)
    throw new Error(`1k sanity check failed: ${missing} regex spans missing, ${extra} extra (of ${theirs.length})`);
  return `identical (${theirs.length} spans)`;
}

function benchSize(size: number) {
  const aliases = generateAliases(size);
  const { text, inserted } = generateText(aliases, 200_000);
  gc();
  const heapBefore = process.memoryUsage();
  const [compiled, compileMs] = time(() => compileMatcher(aliases));
  gc();
  const heapAfter = process.memoryUsage();
  const [buffer, serializeMs] = time(() => serializeMatcher(compiled));
  gc(); // as after a restart: no compile garbage left
  const [restored, deserializeMs] = time(() => deserializeMatcher(buffer));
  const [, firstMatchMs] = time(() => matchText(restored, text.slice(0, 5000)));
  const spans = matchText(restored, text);
  const sanity =
    size === 1_000
      ? sameMatchesAsRegex(
          aliases,
          text,
          spans.map((s) => [s.start, s.end]),
        )
      : undefined;
  const row = {
    aliases: size,
    textMB: +mb(text).toFixed(3),
    inserted,
    found: spans.length,
    compileMs: Math.round(compileMs),
    serializeMs: Math.round(serializeMs),
    deserializeMs: +deserializeMs.toFixed(2),
    readyAfterRestartMs: +(deserializeMs + firstMatchMs).toFixed(1),
    serializedMB: +(buffer.byteLength / 1e6).toFixed(1),
    heapDeltaMB: +((heapAfter.heapUsed + heapAfter.arrayBuffers - heapBefore.heapUsed - heapBefore.arrayBuffers) / 1e6).toFixed(
      1,
    ),
    sanity,
  };
  const regexInput = join(mkdtempSync(join(tmpdir(), 'bench-matcher-')), 'regex.json');
  writeFileSync(regexInput, JSON.stringify({ source: regexSource(aliases), text }));
  return {
    row,
    job: { fn: () => matchText(restored, text), megabytes: mb(text) },
    regex: () => runRegexBaseline(regexInput, REGEX_BUDGET_MS[size] ?? 20_000),
  };
}

const TYPES = ['person', 'organization', 'place', 'group', 'event'] as const;
/** What `backgroundHeap` builds, held until its last reading so that no collection takes it early. */
const measured: unknown[] = [];

/**
 * The background's resident knowledge base at `count` entities, in this process's heap (V8, as
 * in the browser's worker): the entities as it holds them (a map of records with a name, two
 * aliases, an 80-character description, a country) and the matcher compiled from them.
 */
function backgroundHeap(count: number) {
  const rnd = mulberry32(7);
  gc();
  const before = process.memoryUsage();
  const entities = new Map<string, Entity>();
  for (let i = 0; i < count; i++) {
    const id = `e${i}`;
    entities.set(id, {
      id,
      name: `${latinWord(rnd)} ${latinWord(rnd)}`,
      type: TYPES[i % TYPES.length]!,
      aliases: [latinWord(rnd), `${latinWord(rnd)} ${latinWord(rnd)}`],
      description: `${latinWord(rnd)} ${'of the region, named in reports on the talks and the border'.slice(0, 70)} ${i}`,
      country: 'XX',
      source: { kind: 'pack' },
    });
  }
  gc();
  const withEntities = process.memoryUsage();
  measured.push(entities, compileMatcher(aliasesOf([...entities.values()])));
  gc();
  const after = process.memoryUsage();
  const used = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;
  const row = {
    entities: count,
    entitiesMB: +((used(withEntities) - used(before)) / 1e6).toFixed(1),
    matcherMB: +((used(after) - used(withEntities)) / 1e6).toFixed(1),
    totalMB: +((used(after) - used(before)) / 1e6).toFixed(1),
  };
  measured.length = 0;
  return row;
}

/** The baseline runs last, one size at a time: a regex still compiling in a worker would eat a core. */
async function regexColumns(run: () => Promise<RegexResult>) {
  const regex = await run();
  return {
    regexCompileMs: regex.compileMs === undefined ? undefined : Math.round(regex.compileMs),
    regexMBperS: regex.mbPerS === undefined ? regex.na : +regex.mbPerS.toPrecision(3),
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const results = SIZES.map((size) => {
    const result = benchSize(size);
    console.log(JSON.stringify(result.row));
    return result;
  });
  const rates = blockedThroughput(results.map((r) => r.job));
  type Row = ReturnType<typeof benchSize>['row'] & { oursMBperS: number } & Awaited<ReturnType<typeof regexColumns>>;
  const rows: Row[] = [];
  for (const [i, r] of results.entries())
    rows.push({ ...r.row, oursMBperS: +rates[i]!.toFixed(1), ...(await regexColumns(r.regex)) });
  console.table(rows);
  const at = (n: number) => rows.find((r) => r.aliases === n);
  const small = at(1_000);
  const large = at(100_000);
  const ratios = {
    scaling: small && large ? +(large.oursMBperS / small.oursMBperS).toFixed(2) : undefined,
    oursOverRegexAt100k:
      large && typeof large.regexMBperS === 'number' ? Math.round(large.oursMBperS / large.regexMBperS) : undefined,
    oursOverRegexAt1k:
      small && typeof small.regexMBperS === 'number' ? +(small.oursMBperS / small.regexMBperS).toFixed(1) : undefined,
  };
  console.log(`throughput(100k)/throughput(1k) = ${ratios.scaling} (target >= ${(1 / 1.5).toFixed(2)})`);
  console.log(`ours/regex at 100k = ${ratios.oursOverRegexAt100k}x (target >= 20x); at 1k = ${ratios.oursOverRegexAt1k}x`);
  const background = backgroundHeap(100_000);
  console.log(
    `background heap at ${background.entities.toLocaleString('en')} entities: ${background.totalMB} MB (entities ${background.entitiesMB} MB, matcher ${background.matcherMB} MB)`,
  );
  console.log(`total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (process.argv.includes('--json')) writeFileSync(arg('--json')!, JSON.stringify({ rows, ratios, background }, null, 2));
  process.exit(0); // a worker stuck compiling a huge RegExp cannot be interrupted: do not wait for it
}

void main();
