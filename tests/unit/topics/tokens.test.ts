/** The stemmer and tokenizer topic evidence is matched on, and the guard on the reader's topics. */
import { describe, expect, test } from 'vitest';
import { isUserTopic } from '../../../lib/topics';
import { foldForTopics, stem, tokenize } from '../../../lib/topics/tokens';

describe('stem: inflections meet, derivations stay apart', () => {
  test.each([
    ['sanctions', 'sanctioned', true],
    ['sanctioning', 'sanction', true],
    ['exercises', 'exercised', true],
    ['vote', 'voting', true],
    ['shipping', 'ships', true],
    ['allies', 'allied', true],
    ['crises', 'crisis', true],
    ['countries', 'country', true],
    ['election', 'elected', false],
    ['wine', 'win', false],
    ['news', 'new', false],
    ['business', 'busines', false],
    ['shelling', 'shell', false],
    ['inning', 'in', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(stem(a) === stem(b)).toBe(same);
  });
});

describe('tokenize', () => {
  test('folds case, accents and fullwidth forms', () => {
    expect(foldForTopics('Café ＮＡＴＯ Ärzte')).toBe('cafe nato arzte');
  });

  test('sentences and blocks are boundaries no phrase crosses', () => {
    const { stems, surfaces, wordCount } = tokenize(['Peace talks. Deals—done', 'Next']);
    expect(stems).toEqual(['peac', 'talk', '', 'deal', '', 'done', '', 'next', '']);
    expect(surfaces.filter(Boolean)).toEqual(['peace', 'talks', 'deals', 'done', 'next']);
    expect(wordCount).toBe(5);
  });

  test('words in other scripts count as words but never match English keywords', () => {
    expect(tokenize(['Санкции против Ирана']).wordCount).toBe(3);
  });
});

describe('isUserTopic', () => {
  const ok = { id: 'caspian', label: 'Caspian', keywords: ['Caspian'] };
  test.each([
    ['a well-formed topic', ok, true],
    ['100 keywords', { ...ok, keywords: Array.from({ length: 100 }, (_, i) => `k${i}`) }, true],
    ['null', null, false],
    ['a string', 'caspian', false],
    ['no id', { label: 'x', keywords: ['x'] }, false],
    ['an empty label', { ...ok, label: ' ' }, false],
    ['a label of 81 characters', { ...ok, label: 'x'.repeat(81) }, false],
    ['an id made from an 80-character label', { ...ok, id: `user-${'x'.repeat(80)}-lq2k9x1c` }, true],
    ['an id of 201 characters', { ...ok, id: 'x'.repeat(201) }, false],
    ['no keywords', { ...ok, keywords: [] }, false],
    ['101 keywords', { ...ok, keywords: Array.from({ length: 101 }, (_, i) => `k${i}`) }, false],
    ['a keyword of 81 characters', { ...ok, keywords: ['x'.repeat(81)] }, false],
    ['a keyword that is not a string', { ...ok, keywords: ['x', 3] }, false],
    ['keywords that are not an array', { ...ok, keywords: 'x' }, false],
  ])('%s: %s', (_case, value, expected) => {
    expect(isUserTopic(value)).toBe(expected);
  });
});
