import { describe, expect, test } from 'vitest';
import { CONNECTORS, FUNCTION_WORDS, ORG_HEADS, PLACE_HEADS, TITLES } from '../../../lib/discovery/cue-words';
import { COMMON_WORDS } from '../../../lib/discovery/data/common-words';
import { FIRST_NAMES } from '../../../lib/discovery/data/first-names';
import { isCommonWord, isFirstName, unpackWords } from '../../../lib/discovery/word-lists';

describe('shipped word lists', () => {
  test.each([
    ['common words', COMMON_WORDS, 30_000],
    ['first names', FIRST_NAMES, 2_000],
  ])('%s unpack to sorted lower-case words', (_name, packed, least) => {
    const words = [...unpackWords(packed)];
    expect(words.length).toBeGreaterThan(least);
    expect(words.every((w) => /^[a-z][a-z'-]*$/.test(w))).toBe(true);
    expect(words).toEqual([...words].sort());
  });

  test.each([
    ['officials', true],
    ['pact', true],
    ['defense', true],
    ['carbonnier', false],
    ['sayyari', false],
  ])('isCommonWord(%s) is %s', (word, expected) => {
    expect(isCommonWord(word)).toBe(expected);
  });

  test.each([
    ['alexander', true],
    ['gilles', true],
    ['fomin', false],
  ])('isFirstName(%s) is %s', (word, expected) => {
    expect(isFirstName(word)).toBe(expected);
  });

  test.each([
    ['TITLES', TITLES],
    ['ORG_HEADS', ORG_HEADS],
    ['PLACE_HEADS', PLACE_HEADS],
    ['CONNECTORS', CONNECTORS],
    ['FUNCTION_WORDS', FUNCTION_WORDS],
  ])('%s are lower case', (_name, words) => {
    expect([...words].every((w) => w === w.toLowerCase())).toBe(true);
  });
});
