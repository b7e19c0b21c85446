import { describe, expect, test } from 'vitest';
import { isHeadlineCase } from '../../../lib/discovery/block-case';
import { tokenize } from '../../../lib/discovery/tokenize';

describe('tokenize', () => {
  test.each([
    ['Sen. Tammy Okonkwo said.', ['Sen.', 'Tammy', 'Okonkwo', 'said', '.']],
    ['Iran’s envoy', ['Iran', '’s', 'envoy']],
    ['the U.S. and Vice-President al-Assad', ['the', 'U.S.', 'and', 'Vice-President', 'al-Assad']],
    ['George W. Bush', ['George', 'W.', 'Bush']],
    ['(ICRC)', ['(', 'ICRC', ')']],
  ])('%s', (text, expected) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(expected);
  });

  test('offsets are UTF-16 code units into the text', () => {
    const text = 'Ünal met Zoë';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  test.each([
    ['The talks ended. Officials left.', ['The', 'Officials']],
    ['TEHRAN – While visiting China', ['TEHRAN', 'While']],
    ['He said: "Prices rose." Dr. Smith agreed.', ['He', 'Prices', 'Dr.']],
    ['Mr. Smith met Gen. Jones in St. Louis.', ['Mr.']],
  ])('sentence starts in %s', (text, initials) => {
    expect(
      tokenize(text)
        .filter((t) => t.isInitial)
        .map((t) => t.text),
    ).toEqual(initials);
  });
});

describe('isHeadlineCase', () => {
  test.each([
    ['Iran And Russia Sign Pact', true],
    ['Tehran, Moscow Discuss Maritime Cooperation in Caspian Sea', true],
    ['IRAN AND RUSSIA SIGN PACT', true],
    ['Tehran, Moscow discuss maritime cooperation in Caspian Sea during China visit', false],
    ['Gilles Carbonnier met Habibollah Sayyari in Beijing on Sunday.', false],
  ])('%s', (text, expected) => {
    expect(isHeadlineCase(tokenize(text))).toBe(expected);
  });
});
