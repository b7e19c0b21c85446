/**
 * Benchmark of the reading memory (lib/memory) on generated reading histories of 1k, 10k and 50k
 * articles (tests/unit/memory/corpus.ts: Zipf-distributed entities from a pool of 20,000, 20–40
 * per article, 600–1,200 words from a Zipf vocabulary). For each size, in the same run:
 * - related articles: the inverted index against `fullScanRelated` (every article read and scored),
 *   median over many queries, results checked equal;
 * - search: MiniSearch against a naive scan (a case-insensitive RegExp per word over every text);
 * - build and load times of both indexes, their heap cost, and JSON bytes per stored article;
 * - near-duplicate lookup (LSH) against comparing the signature with every article.
 * Run: node --import tsx scripts/bench-memory.ts [--json out.json] [--sizes 1000,10000]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { encodeSignature, createDuplicateIndex, signatureSimilarity, textSignature } from '../lib/memory/near-duplicate';
import { fullScanRelated, relatedArticles, type RelatedQuery } from '../lib/memory/related';
import { createRelatedIndex, loadRelatedIndex } from '../lib/memory/related-index';
import { createArticleSearch, loadArticleSearch, SEARCH_TEXT_CHARS } from '../lib/memory/search';
import { entityStats } from '../lib/memory/entity-stats';
import { generateCorpus, mulberry32 } from '../tests/unit/memory/corpus';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const SIZES = process.argv.includes('--sizes') ? arg('--sizes')!.split(',').map(Number) : [1_000, 10_000, 50_000];
const JSON_OUT = process.argv.includes('--json') ? arg('--json')! : 'bench-output/memory.json';
const NOW = Date.UTC(2025, 5, 1);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
const ms = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

interface SizeReport {
  articles: number;
  generateMs: number;
  bytesPerArticle: number;
  related: {
    buildMs: number;
    snapshotLoadMs: number;
    heapMB: number;
    indexMs: number;
    fullScanMs: number;
    speedup: number;
    queries: number;
  };
  card: { entityStatsMs: number };
  search: {
    textChars: number;
    buildMs: number;
    heapMB: number;
    jsonMB: number;
    loadMs: number;
    queryMs: number;
    naiveScanMs: number;
    speedup: number;
    hits: number;
  };
  duplicates: { signatureMs: number; lshMs: number; scanMs: number; candidates: number };
}

function benchSize(size: number): SizeReport {
  const rnd = mulberry32(size);
  const [{ records, names, vocabulary }, generateMs] = time(() =>
    generateCorpus({ articles: size, signatures: false, seed: size, now: NOW }),
  );

  // Bytes per stored article, with real signatures, on a sample.
  const sample = records.slice(0, 300);
  const [signatures, signMs] = time(() => sample.map((r) => textSignature(r.text)));
  const encoder = new TextEncoder();
  const bytesPerArticle = Math.round(
    sample.reduce(
      (sum, r, i) => sum + encoder.encode(JSON.stringify({ ...r, signature: encodeSignature(signatures[i]!) })).length,
      0,
    ) / sample.length,
  );

  // ---- related ----
  const heap0 = heapAfterGc();
  const [index, buildMs] = time(() => {
    const built = createRelatedIndex();
    built.addAll(records);
    return built;
  });
  const relatedHeap = heapAfterGc() - heap0;
  const snapshot = structuredClone(index.toSnapshot());
  const [, snapshotLoadMs] = time(() => loadRelatedIndex(snapshot));
  const queries: RelatedQuery[] = Array.from({ length: 200 }, () => {
    const r = records[Math.floor(rnd() * records.length)]!;
    return { id: r.id, groupId: r.groupId, entities: r.entities, topics: r.topics };
  });
  const options = { now: NOW, limit: 10, nameOf: (id: string) => names.get(id) };
  const indexTimes = queries.map((q) => time(() => relatedArticles(index, q, options))[1]);
  const scanQueries = queries.slice(0, size >= 50_000 ? 9 : size >= 10_000 ? 20 : 100);
  const scanTimes = scanQueries.map((q) => {
    const [slow, t] = time(() => fullScanRelated(records, q, options));
    const fast = relatedArticles(index, q, options);
    if (JSON.stringify(slow) !== JSON.stringify(fast)) throw new Error(`index and full scan disagree at ${size}`);
    return t;
  });
  const statsTimes = queries.slice(0, 50).map((q) => time(() => entityStats(index, q.entities[0]!.id))[1]);

  // ---- search ----
  const heap1 = heapAfterGc();
  const [search, searchBuildMs] = time(() => {
    const built = createArticleSearch();
    for (const r of records) {
      built.add({
        id: r.id,
        title: r.title,
        text: r.text,
        site: r.site,
        entityNames: r.entities.map((e) => names.get(e.id) ?? e.id),
      });
    }
    return built;
  });
  const searchHeap = heapAfterGc() - heap1;
  const [json, _jsonMs] = time(() => search.toJSON());
  const [, loadMs] = time(() => loadArticleSearch(json));
  const jsonMB = json.length / 1024 / 1024;
  // Two mid-frequency words (present in a few percent of articles), as a reader would type them.
  const words = [vocabulary[400]!, vocabulary[900]!];
  const queryTimes: number[] = [];
  let hits = 0;
  for (let i = 0; i < 30; i++) {
    const [result, t] = time(() => search.search(`${words[0]} ${words[1]}`, { limit: 20 }, index));
    queryTimes.push(t);
    hits = result.length;
  }
  const patterns = words.map((w) => new RegExp(`\\b${w}\\b`, 'i'));
  const naiveTimes: number[] = [];
  for (let i = 0; i < (size >= 50_000 ? 3 : 5); i++) {
    naiveTimes.push(time(() => records.filter((r) => patterns.every((p) => p.test(r.title) || p.test(r.text))).length)[1]);
  }

  // ---- near-duplicates: LSH over real signatures of (up to) 5,000 articles ----
  const dupCount = Math.min(size, 5_000);
  const dupSignatures = [...signatures, ...records.slice(signatures.length, dupCount).map((r) => textSignature(r.text))];
  const dupIndex = createDuplicateIndex();
  dupSignatures.forEach((s, i) => dupIndex.add(records[i]!.id, s));
  const probes = dupSignatures.slice(0, 50);
  const lshTimes = probes.map((s) => time(() => dupIndex.find(s))[1]);
  const scanDupTimes = probes
    .slice(0, 10)
    .map((s) => time(() => dupSignatures.filter((o) => signatureSimilarity(s, o) >= 0.5).length)[1]);
  const candidates = median(probes.map((s) => dupIndex.candidates(s).length));

  return {
    articles: size,
    generateMs,
    bytesPerArticle,
    related: {
      buildMs,
      snapshotLoadMs,
      heapMB: relatedHeap / 1024 / 1024,
      indexMs: median(indexTimes),
      fullScanMs: median(scanTimes),
      speedup: median(scanTimes) / median(indexTimes),
      queries: indexTimes.length,
    },
    card: { entityStatsMs: median(statsTimes) },
    search: {
      textChars: SEARCH_TEXT_CHARS,
      buildMs: searchBuildMs,
      heapMB: searchHeap / 1024 / 1024,
      jsonMB,
      loadMs,
      queryMs: median(queryTimes),
      naiveScanMs: median(naiveTimes),
      speedup: median(naiveTimes) / median(queryTimes),
      hits,
    },
    duplicates: { signatureMs: signMs / sample.length, lshMs: median(lshTimes), scanMs: median(scanDupTimes), candidates },
  };
}

const reports: SizeReport[] = [];
for (const size of SIZES) {
  const report = benchSize(size);
  reports.push(report);
  const { related: r, search: s, duplicates: d } = report;
  console.log(
    `${size.toLocaleString('en')} articles (generated in ${ms(report.generateMs)} ms), ${report.bytesPerArticle} JSON bytes/article\n` +
      `  related   index ${ms(r.indexMs)} ms | full scan ${ms(r.fullScanMs)} ms | ×${r.speedup.toFixed(0)} | build ${ms(r.buildMs)} ms, snapshot load ${ms(r.snapshotLoadMs)} ms, heap ${r.heapMB.toFixed(1)} MB\n` +
      `  card      entityStats ${ms(report.card.entityStatsMs)} ms\n` +
      `  search    MiniSearch ${ms(s.queryMs)} ms (${s.hits} hits) | naive scan ${ms(s.naiveScanMs)} ms | ×${s.speedup.toFixed(0)} | build ${ms(s.buildMs)} ms, heap ${s.heapMB.toFixed(1)} MB, JSON ${s.jsonMB.toFixed(1)} MB, load ${ms(s.loadMs)} ms\n` +
      `  near-dup  signature ${ms(d.signatureMs)} ms/article | LSH lookup ${ms(d.lshMs)} ms (${d.candidates} candidates) | scan ${ms(d.scanMs)} ms, over ${Math.min(size, 5_000).toLocaleString('en')}`,
  );
}

console.log(
  '\n| articles | related: index | full scan | speedup | search: MiniSearch | naive scan | search heap | bytes/article |',
);
console.log('| -------: | -------------: | --------: | ------: | ----------------: | ---------: | ----------: | ------------: |');
for (const r of reports) {
  console.log(
    `| ${r.articles.toLocaleString('en')} | ${ms(r.related.indexMs)} ms | ${ms(r.related.fullScanMs)} ms | ×${r.related.speedup.toFixed(0)} | ${ms(r.search.queryMs)} ms | ${ms(r.search.naiveScanMs)} ms | ${r.search.heapMB.toFixed(0)} MB | ${r.bytesPerArticle} |`,
  );
}
mkdirSync(dirname(JSON_OUT), { recursive: true });
writeFileSync(
  JSON_OUT,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, sizes: reports }, null, 2)}\n`,
);
console.log(`\nReport written to ${JSON_OUT} (heap figures: ${mb(process.memoryUsage().heapUsed)} MB used at the end)`);
