/**
 * Properties of every name-folding and cleaning function, on hostile Unicode: the matcher's
 * `foldText`, the name keys built on it (import ids, learned names), and the import cleaners.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { learnedIdOf, nameKey as repoNameKey } from '../../../lib/entities/repo';
import { cleanName, cleanNames, cleanText, truncateText } from '../../../lib/import/clean-text';
import { deriveEntityId, nameKey } from '../../../lib/import/entity-id';
import { foldText } from '../../../lib/matcher/normalize';
import { tokenKeys } from '../../../lib/matcher/tokenize';
import {
  BIDI,
  codePointBoundaries,
  hasLoneSurrogate,
  hostileString,
  insertAtBoundaries,
  mixedText,
  RTL_NAMES,
  runs,
  splitsSurrogatePair,
  ZERO_WIDTH,
} from './arbitraries';

const anyText = fc.oneof(hostileString(60), mixedText(12));
const formatInserts = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ZERO_WIDTH, ...BIDI)), { minLength: 1, maxLength: 6 });
/** The largest NFKD expansion in Unicode: U+FDFA, one code unit, decomposes to 18. */
const MAX_FOLD_EXPANSION = 18;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

describe('foldText', () => {
  test('never throws; its offsets point at code point starts, in order, inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { text: folded, offsets } = foldText(text);
        expect(offsets.length).toBe(folded.length + 1);
        expect(offsets[folded.length]).toBe(text.length);
        const starts = new Set(codePointBoundaries(text));
        for (let i = 0; i < folded.length; i++) {
          expect(offsets[i]!).toBeLessThanOrEqual(offsets[i + 1]!);
          expect(starts.has(offsets[i]!) && offsets[i]! < text.length).toBe(true);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  test('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = foldText(text).text;
        expect(foldText(once).text).toBe(once);
      }),
      { numRuns: runs(200) },
    );
  });

  test('stays within its length bounds: ASCII never grows, nothing grows past the largest decomposition', () => {
    fc.assert(
      fc.property(anyText, fc.string({ unit: 'binary-ascii', maxLength: 60 }), (text, ascii) => {
        expect(foldText(text).text.length).toBeLessThanOrEqual(text.length * MAX_FOLD_EXPANSION);
        expect(foldText(ascii).text.length).toBeLessThanOrEqual(ascii.length);
      }),
      { numRuns: runs(200) },
    );
  });

  test('never splits a surrogate pair: no lone surrogate out when none went in', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(hasLoneSurrogate(foldText(text).text)).toBe(false);
      }),
      { numRuns: runs(200) },
    );
  });

  test('ignores zero-width and bidi controls wherever they are inserted', () => {
    fc.assert(
      fc.property(anyText, formatInserts, (text, inserts) => {
        expect(foldText(insertAtBoundaries(text, inserts)).text).toBe(foldText(text).text);
        expect(tokenKeys(insertAtBoundaries(text, inserts))).toEqual(tokenKeys(text));
      }),
      { numRuns: runs(200) },
    );
  });

  test('keeps right-to-left names letter for letter once their variants are folded', () => {
    // Hebrew and Arabic have no case: folding only drops diacritics, tatweel, joiners, and unifies yeh/kaf/teh marbuta.
    const variants: [RegExp, string][] = [
      [/[\u064B-\u065F\u0670\u0591-\u05C7\u0640\u200C]/g, ''],
      [/[\u06CC\u0649]/g, '\u064A'],
      [/\u06A9/g, '\u0643'],
      [/\u0629/g, '\u0647'],
      [/[\u0623\u0625\u0622]/g, '\u0627'],
    ];
    for (const name of RTL_NAMES) {
      const expected = variants.reduce((s, [from, to]) => s.replace(from, to), name).normalize('NFKD');
      expect(foldText(name).text, name).toBe(expected);
      expect(foldText(expected).text, name).toBe(expected);
    }
  });
});

describe('name keys and derived ids', () => {
  test('nameKey is idempotent, trimmed, and the same in the repository and the importer', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const key = nameKey(text);
        expect(nameKey(key)).toBe(key);
        expect(key).toBe(key.trim());
        expect(repoNameKey(text)).toBe(key);
        expect(hasLoneSurrogate(key)).toBe(false);
      }),
      { numRuns: runs(200) },
    );
  });

  test('derived ids and learned ids: one token, no lone surrogate, blind to zero-width and bidi controls', () => {
    fc.assert(
      fc.property(
        anyText,
        formatInserts,
        fc.constantFrom('person', 'place') as fc.Arbitrary<'person' | 'place'>,
        (text, inserts, type) => {
          const id = deriveEntityId(type, text);
          expect(id.startsWith(`user:${type}:`) && id.length > `user:${type}:`.length).toBe(true);
          expect(/\s/.test(id) || hasLoneSurrogate(id)).toBe(false);
          expect(hasLoneSurrogate(learnedIdOf(text))).toBe(false);
          const spelled = insertAtBoundaries(text, inserts);
          if (nameKey(text) !== '' && /[\p{L}\p{N}]/u.test(nameKey(text))) expect(deriveEntityId(type, spelled)).toBe(id);
          expect(learnedIdOf(spelled)).toBe(learnedIdOf(text));
        },
      ),
      { numRuns: runs(200) },
    );
  });
});

describe('import cleaners', () => {
  test('cleanName: no controls, single spaces, trimmed, idempotent; zero-width joiners kept (Persian needs them)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const name = cleanName(text);
        expect(CONTROL.test(name)).toBe(false);
        expect(/\s\s|^\s|\s$|[\r\n\t]/.test(name)).toBe(false);
        expect(cleanName(name)).toBe(name);
        expect(hasLoneSurrogate(name)).toBe(false);
        expect(name.split('\u200C').length).toBe(text.split('\u200C').length);
      }),
      { numRuns: runs(200) },
    );
  });

  test('cleanText: no controls but tab and newline, no carriage return, trimmed, idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const clean = cleanText(text);
        expect(CONTROL.test(clean) || clean.includes('\r')).toBe(false);
        expect(clean).toBe(clean.trim());
        expect(cleanText(clean)).toBe(clean);
        expect(hasLoneSurrogate(clean)).toBe(false);
      }),
      { numRuns: runs(200) },
    );
  });

  test('cleanNames: each clean and non-empty, no duplicates, never the excluded name', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 8 }), anyText, (names, exclude) => {
        const clean = cleanNames(names, exclude);
        expect(new Set(clean).size).toBe(clean.length);
        for (const name of clean) expect(name !== '' && name === cleanName(name) && name !== exclude).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });

  test('truncateText: at most max units, unchanged when short, never cuts a surrogate pair in two', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 2, max: 80 }), (text, max) => {
        const cut = truncateText(text, max);
        expect(cut.length).toBeLessThanOrEqual(Math.max(max, text.length <= max ? text.length : 0));
        if (text.length <= max) expect(cut).toBe(text);
        expect(hasLoneSurrogate(cut)).toBe(false);
      }),
      { numRuns: runs(200) },
    );
  });

  test.each([
    // Counterexamples the property found: the cut fell between the halves of 𐀀 and of 😀.
    ["a\u0000𐀀'\u0000𐀀\u0000", 8, "a\u0000𐀀'\u0000…"],
    ['ab😀cd', 4, 'ab…'],
  ])('truncateText(%j, %i) keeps the astral character whole', (text, max, expected) => {
    expect(splitsSurrogatePair(text, max - 1)).toBe(true);
    expect(truncateText(text, max)).toBe(expected);
  });
});
