/**
 * How much the main text talks to its reader ("you", "your", "we", "our"): service, product and
 * documentation pages address the reader throughout, while reports and features speak of third
 * parties. Counted per 100 words of the root's prose, in the languages with such pronouns listed.
 */
import { isProse, type Paragraph } from './page-scan';

const ADDRESS_WORDS = new Set([
  // English
  'you',
  'your',
  'yours',
  "you're",
  "you'll",
  "you've",
  'we',
  'our',
  'ours',
  'us',
  "we're",
  "we'll",
  "we've",
  // French, German, Spanish, Italian, Portuguese
  'vous',
  'votre',
  'vos',
  'nous',
  'notre',
  'nos',
  'sie',
  'ihr',
  'ihre',
  'wir',
  'unser',
  'unsere',
  'usted',
  'ustedes',
  'nosotros',
  'nuestro',
  'nuestra',
  'voi',
  'noi',
  'nostro',
  'nostra',
  'você',
  'vocês',
  'nós',
  'nosso',
  'nossa',
]);
const WORD = /[\p{L}']+/gu;
/** Words read at most: the opening of the text says enough and keeps the cost flat. */
const MAX_WORDS = 1500;

/**
 * Reader-address pronouns per 100 words of the prose under `root`, or 0 without enough words.
 * @example readerAddressRate(scan.paragraphs, root) // ~4 on a services page, ~0.5 on a report
 */
export function readerAddressRate(paragraphs: readonly Paragraph[], root: Element | null): number {
  if (!root) return 0;
  let words = 0;
  let address = 0;
  for (const p of paragraphs) {
    if (words >= MAX_WORDS) break;
    if (!isProse(p) || !root.contains(p.element)) continue;
    for (const node of p.nodes) {
      for (const m of node.data.matchAll(WORD)) {
        words++;
        if (ADDRESS_WORDS.has(m[0].toLowerCase().replace('’', "'"))) address++;
      }
    }
  }
  return words >= 100 ? (100 * address) / words : 0;
}
