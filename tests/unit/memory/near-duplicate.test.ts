import { describe, expect, test } from 'vitest';
import {
  bandKeys,
  BANDS,
  createDuplicateIndex,
  decodeSignature,
  DUPLICATE_THRESHOLD,
  encodeSignature,
  signatureSimilarity,
  textSignature,
} from '../../../lib/memory/near-duplicate';
import { mulberry32 } from './corpus';

const rnd = mulberry32(7);
const SYL = 'ka ri mo sa lin dor vel an tu be ha mi no ra zu ke la go pe shi ta ve ro da ni'.split(' ');
const STOCK = 'the a of and to in said on for with that after at by from was is as it officials minister talks'.split(' ');
const VOCAB = [
  ...STOCK,
  ...Array.from(
    { length: 3000 },
    () => SYL[Math.floor(rnd() * SYL.length)]! + SYL[Math.floor(rnd() * SYL.length)]! + SYL[Math.floor(rnd() * SYL.length)]!,
  ),
];
// The same actors in every story: different stories about the same people must still differ.
const ACTORS = ['Habibollah Sayyari', 'Xiangshan Security Forum', 'Chinese Navy', 'Tehran', 'Beijing', 'Admiral Tangsiri'];

function story(words: number, r = rnd): string[] {
  return Array.from({ length: words }, () => {
    const x = r();
    if (x < 0.05) return ACTORS[Math.floor(r() * ACTORS.length)]!;
    // Stock words are frequent, as in real news.
    return x < 0.45 ? STOCK[Math.floor(r() * STOCK.length)]! : VOCAB[Math.floor(r() ** 2 * VOCAB.length)]!;
  });
}

function edit(words: string[], rate: number): string[] {
  return words.map((w) => (rnd() < rate ? VOCAB[Math.floor(rnd() * VOCAB.length)]! : w));
}

const original = story(800);
const text = original.join(' ');
const similarity = (a: string, b: string) => signatureSimilarity(textSignature(a), textSignature(b));

describe('same story, another copy: a near-duplicate', () => {
  test.each<[string, string]>([
    ['identical', text],
    [
      'wire prefix and footer',
      `By Reuters Staff. TEHRAN (Reuters) - ${text} Reporting by Parisa Hafezi; editing by Alex Richardson. Our standards: the Thomson Reuters Trust Principles.`,
    ],
    ['2% of words edited', edit(original, 0.02).join(' ')],
    ['5% of words edited', edit(original, 0.05).join(' ')],
    ['the first 75% only', original.slice(0, 600).join(' ')],
    ['a paragraph inserted', [...original.slice(0, 400), ...story(40), ...original.slice(400)].join(' ')],
    ['different case and punctuation', text.toUpperCase().replace(/ /g, ', ')],
  ])('%s', (_name, copy) => {
    expect(similarity(text, copy)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD + 0.1);
  });
});

describe('different stories: not near-duplicates', () => {
  test.each<[string, string]>([
    ['another story naming the same actors', story(800).join(' ')],
    ['a short story on the same subject', story(200).join(' ')],
    ['heavily rewritten (40% of words)', edit(original, 0.4).join(' ')],
    ['empty text', ''],
  ])('%s', (_name, other) => {
    expect(similarity(text, other)).toBeLessThan(DUPLICATE_THRESHOLD - 0.2);
  });
});

test('an empty text is nobody’s duplicate, not even another empty text', () => {
  expect(similarity('', '')).toBe(0);
  expect(bandKeys(textSignature(''))).toEqual([]);
});

test('signatures survive base64 encoding', () => {
  const signature = textSignature(text);
  const encoded = encodeSignature(signature);
  expect(encoded).toHaveLength(344);
  expect(decodeSignature(encoded)).toEqual(signature);
  expect(decodeSignature('not base64!')).toBeNull();
  expect(decodeSignature(encoded.slice(4))).toBeNull();
});

test('band keys: one per band, small non-negative integers', () => {
  const keys = bandKeys(textSignature(text));
  expect(keys).toHaveLength(BANDS);
  expect(keys.every((k) => Number.isInteger(k) && k >= 0 && k < 2 ** 30)).toBe(true);
});

test('LSH finds a copy among 3,000 stories while comparing with only a few', () => {
  const index = createDuplicateIndex();
  const r = mulberry32(11);
  for (let i = 0; i < 3000; i++) index.add(`s${i}`, textSignature(story(150 + Math.floor(r() * 100), r).join(' ')));
  index.add('original', textSignature(text));
  const copy = textSignature(`By Staff. ${edit(original, 0.03).join(' ')} Reporting by X.`);
  expect(index.find(copy).map((m) => m.id)).toEqual(['original']);
  expect(index.candidates(copy).length).toBeLessThan(30);
  const unrelated = textSignature(story(800).join(' '));
  expect(index.find(unrelated)).toEqual([]);
  expect(index.candidates(unrelated).length).toBeLessThan(30);
  index.remove('original');
  expect(index.find(copy)).toEqual([]);
  expect(index.size).toBe(3000);
});
