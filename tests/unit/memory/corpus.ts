/**
 * Deterministic synthetic reading histories for the memory tests and `scripts/bench-memory.ts`:
 * entities drawn Zipf-like from a pool (a few "China"s in a fifth of the articles, a long tail
 * of admirals in a handful), grouped in stories whose articles share a few specific actors, texts
 * of vocabulary words (Zipf too) with the actors' names in them, topics, sites and read dates.
 */
import { BLOCK_SEPARATOR, withDerivedFields, type ArticleRecord } from '../../../lib/memory/article-record';
import { encodeSignature, SIGNATURE_SLOTS, textSignature } from '../../../lib/memory/near-duplicate';

export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const SYLLABLES =
  'ka ri mo sa lin dor vel an tu be ha mi no ra zu ke la go pe shi ta ve ro da ni mar kel ost vin bra tor el is um yo fa jan rek sol dim ga hu per qua lo sev nik ar zan bel'.split(
    ' ',
  );
const FUNCTION_WORDS =
  'the a of and to in said on for with that after at by from was is as it his her their will has have been officials talks meeting minister government week deal border new over more than under president leader told reporters capital region forces security council agreement spokesman statement during visit'.split(
    ' ',
  );

/** Cumulative weights 1/(i + offset)^s, for sampling by binary search. */
function zipf(size: number, offset: number, s = 1): Float64Array {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) cumulative[i] = sum += 1 / (i + offset) ** s;
  return cumulative.map((v) => v / sum);
}

function sample(cumulative: Float64Array, rnd: () => number): number {
  const r = rnd();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function word(rnd: () => number, syllables: number): string {
  let w = '';
  for (let n = 0; n < syllables; n++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  return w;
}

export interface CorpusOptions {
  articles: number;
  /** Entity pool size; default 20,000. */
  entities?: number;
  /** Words per article, [min, max]; default [600, 1200]. */
  words?: [number, number];
  /** Compute real MinHash signatures (slow at 50k); default true. */
  signatures?: boolean;
  seed?: number;
  /** Read dates end here, spread over `days` before. */
  now?: number;
  days?: number;
}

export interface Corpus {
  records: ArticleRecord[];
  names: Map<string, string>;
  /** Words of the vocabulary, most frequent first. */
  vocabulary: string[];
}

const TOPICS = Array.from({ length: 40 }, (_, i) => `topic-${i}`);
const PLACEHOLDER_SIGNATURE = encodeSignature(new Uint32Array(SIGNATURE_SLOTS).fill(1));

/**
 * @example const { records, names } = generateCorpus({ articles: 10_000 });
 */
export function generateCorpus(options: CorpusOptions): Corpus {
  const rnd = mulberry32(options.seed ?? 1);
  const poolSize = options.entities ?? 20_000;
  const [minWords, maxWords] = options.words ?? [600, 1200];
  const now = options.now ?? Date.UTC(2025, 5, 1);
  const span = (options.days ?? 730) * 86_400_000;
  const names = new Map<string, string>();
  const entityIds = Array.from({ length: poolSize }, (_, i) => {
    const id = `e${i}`;
    const name = `${cap(word(rnd, 2))} ${cap(word(rnd, 2 + (i % 2)))}`;
    names.set(id, name);
    return id;
  });
  const vocabulary = [
    ...FUNCTION_WORDS,
    ...Array.from({ length: 8_000 }, (_, i) => word(rnd, 1 + (i % 3) + (i % 7 === 0 ? 1 : 0))),
  ];
  const entityDist = zipf(poolSize, 20);
  const wordDist = zipf(vocabulary.length, 2);
  const stories = Math.max(1, Math.floor(options.articles / 12));
  const storyActors = Array.from({ length: stories }, () => Array.from({ length: 8 }, () => Math.floor(rnd() * poolSize)));
  const sites = Array.from({ length: 200 }, (_, i) => `site${i}.example`);
  const records: ArticleRecord[] = [];
  for (let n = 0; n < options.articles; n++) {
    const story = Math.floor(rnd() * stories);
    const chosen = new Map<number, number>();
    const own = storyActors[story]!;
    for (let k = 3 + Math.floor(rnd() * 4); k > 0; k--)
      chosen.set(own[Math.floor(rnd() * own.length)]!, 1 + Math.floor(rnd() * 6));
    const target = 20 + Math.floor(rnd() * 21);
    while (chosen.size < target) chosen.set(sample(entityDist, rnd), 1 + Math.floor(rnd() ** 3 * 8));
    const wordCount = minWords + Math.floor(rnd() * (maxWords - minWords + 1));
    const blocks: string[] = [];
    const mentions: { e: number; block: number; start: number; end: number }[] = [];
    const actorList = [...chosen.keys()];
    let block: string[] = [];
    let blockLength = 0;
    for (let w = 0; w < wordCount; w++) {
      let token = vocabulary[sample(wordDist, rnd)]!;
      if (rnd() < 0.04) {
        const e = actorList[Math.floor(rnd() * actorList.length)]!;
        token = names.get(entityIds[e]!)!;
        mentions.push({ e, block: blocks.length, start: blockLength + (block.length ? 1 : 0), end: 0 });
        mentions[mentions.length - 1]!.end = mentions[mentions.length - 1]!.start + token.length;
      }
      blockLength += token.length + (block.length ? 1 : 0);
      block.push(token);
      if (block.length >= 60 && rnd() < 0.05) {
        blocks.push(block.join(' '));
        block = [];
        blockLength = 0;
      }
    }
    if (block.length) blocks.push(block.join(' '));
    const text = blocks.join(BLOCK_SEPARATOR);
    const starts: number[] = [];
    blocks.reduce((offset, b) => (starts.push(offset), offset + b.length + BLOCK_SEPARATOR.length), 0);
    const site = sites[Math.floor(rnd() ** 2 * sites.length)]!;
    const readAt = now - Math.floor(rnd() * span);
    const id = `a:${n.toString(36)}`;
    records.push(
      withDerivedFields({
        id,
        url: `https://${site}/news/${story}/${n}`,
        canonicalUrl: `https://${site}/news/${story}/${n}`,
        title: `${cap(vocabulary[sample(wordDist, rnd)]!)} ${names.get(entityIds[own[0]!]!)} ${vocabulary[100 + (n % 500)]}`,
        site,
        byline: rnd() < 0.7 ? `By ${cap(word(rnd, 2))} ${cap(word(rnd, 3))}` : null,
        publishedAt: new Date(readAt - 3_600_000).toISOString(),
        language: 'en',
        readAt,
        firstReadAt: readAt - Math.floor(rnd() * 3) * 86_400_000,
        visits: 1 + Math.floor(rnd() ** 4 * 5),
        text,
        entities: [...chosen]
          .map(([e, count]) => ({
            id: entityIds[e]!,
            count,
            positions: mentions
              .filter((m) => m.e === e)
              .slice(0, 32)
              .flatMap((m) => [starts[m.block]! + m.start, starts[m.block]! + m.end]),
          }))
          .sort((a, b) => b.count - a.count),
        topics: Array.from(
          new Set(Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => TOPICS[(story + Math.floor(rnd() ** 2 * 8)) % 40]!)),
        ).map((t, i) => ({ id: t, label: t.replace('-', ' '), score: Math.round((5 - i) * 100 * rnd()) / 100 })),
        signature: options.signatures === false ? PLACEHOLDER_SIGNATURE : encodeSignature(textSignature(text)),
        groupId: rnd() < 0.03 && n > 0 ? `a:${Math.floor(rnd() * n).toString(36)}` : id,
      }),
    );
  }
  return { records, names, vocabulary };
}

function cap(w: string): string {
  return w[0]!.toUpperCase() + w.slice(1);
}
