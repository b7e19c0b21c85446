/**
 * The taxonomy is data the classifier reads: its format and invariants are checked here (Dark
 * Reader's config tests), so a bad edit fails before it ranks a single article.
 */
import { describe, expect, test } from 'vitest';
import type { Entity } from '../../../lib/entities/types';
import pack from '../../../lib/entities/pack/starter-pack.json';
import { TAXONOMY } from '../../../lib/topics';
import { STOP_PHRASES } from '../../../lib/topics/taxonomy';
import { stemPhrase } from '../../../lib/topics/tokens';

const IPTC_TOP_LEVELS: [string, string][] = [
  ['medtop:01000000', 'arts, culture, entertainment and media'],
  ['medtop:02000000', 'crime, law and justice'],
  ['medtop:03000000', 'disaster, accident and emergency incident'],
  ['medtop:04000000', 'economy, business and finance'],
  ['medtop:05000000', 'education'],
  ['medtop:06000000', 'environment'],
  ['medtop:07000000', 'health'],
  ['medtop:08000000', 'human interest'],
  ['medtop:09000000', 'labour'],
  ['medtop:10000000', 'lifestyle and leisure'],
  ['medtop:11000000', 'politics'],
  ['medtop:12000000', 'religion'],
  ['medtop:13000000', 'science and technology'],
  ['medtop:14000000', 'society'],
  ['medtop:15000000', 'sport'],
  ['medtop:16000000', 'conflict, war and peace'],
  ['medtop:17000000', 'weather'],
];
/** Labels the seed pages' expectations (tests/fixtures/expected.json) compare against. */
const SEED_LABELS = [
  'defense and military cooperation',
  'maritime security',
  'education and academic exchange',
  'trade and transport',
  'humanitarian aid',
  'disaster management',
  'armed conflict',
];
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'in',
  'inn',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);
const packTags = new Set((pack as unknown as Entity[]).flatMap((e) => e.tags ?? []));
const ids = new Set(TAXONOMY.map((t) => t.id));

describe('taxonomy format', () => {
  test('ids are unique kebab-case, labels unique and lower case', () => {
    expect(ids.size).toBe(TAXONOMY.length);
    expect(new Set(TAXONOMY.map((t) => t.label)).size).toBe(TAXONOMY.length);
    for (const t of TAXONOMY) {
      expect(t.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(t.label).toBe(t.label.toLowerCase());
    }
  });

  test('the top levels are the 17 of IPTC Media Topics, with their QCodes', () => {
    const tops = TAXONOMY.filter((t) => !t.parent).map((t) => [t.iptc, t.label]);
    expect(tops.sort()).toEqual([...IPTC_TOP_LEVELS].sort());
  });

  test('every subtopic sits under a top level, and there are 25 to 40 of them', () => {
    const subtopics = TAXONOMY.filter((t) => t.parent);
    expect(subtopics.length).toBeGreaterThanOrEqual(25);
    expect(subtopics.length).toBeLessThanOrEqual(40);
    for (const t of subtopics) {
      expect(TAXONOMY.find((p) => p.id === t.parent)?.parent, t.id).toBeUndefined();
      expect(ids.has(t.parent!), t.id).toBe(true);
      expect(t.iptc).toBeUndefined();
    }
  });

  test.each(SEED_LABELS)('"%s" is a label', (label) => {
    expect(TAXONOMY.some((t) => t.label === label)).toBe(true);
  });

  test.each(TAXONOMY.map((t) => [t.id, t] as const))('%s: keywords are weighted 0.25..3, no two the same stem', (_id, t) => {
    expect(t.keywords.length).toBeGreaterThan(0);
    const seen = new Map<string, string>();
    for (const [term, weight] of t.keywords) {
      expect(weight, term).toBeGreaterThanOrEqual(0.25);
      expect(weight, term).toBeLessThanOrEqual(3);
      expect(term, term).toBe(term.trim().toLowerCase());
      const stems = stemPhrase(term);
      expect(stems.length, term).toBeGreaterThan(0);
      if (stems.length === 1) expect(FUNCTION_WORDS.has(stems[0]!), `${term} stems to "${stems[0]}"`).toBe(false);
      const key = stems.join(' ');
      expect(seen.get(key), `${term} and ${seen.get(key)} are one term`).toBeUndefined();
      seen.set(key, term);
    }
  });

  test.each(TAXONOMY.filter((t) => t.tags || t.types).map((t) => [t.id, t] as const))(
    '%s: entity evidence uses tags the starter pack has',
    (_id, t) => {
      for (const [tag, weight] of Object.entries(t.tags ?? {})) {
        expect(packTags.has(tag), tag).toBe(true);
        expect(weight).toBeGreaterThan(0);
        expect(weight).toBeLessThanOrEqual(3);
      }
      for (const weight of Object.values(t.types ?? {})) expect(weight).toBeLessThanOrEqual(3);
    },
  );

  test('stop phrases are phrases, and no keyword is also a stop phrase', () => {
    const keywordStems = new Set(TAXONOMY.flatMap((t) => t.keywords.map(([term]) => stemPhrase(term).join(' '))));
    for (const phrase of STOP_PHRASES) {
      expect(stemPhrase(phrase).length, phrase).toBeGreaterThan(1);
      expect(keywordStems.has(stemPhrase(phrase).join(' ')), phrase).toBe(false);
    }
  });
});
