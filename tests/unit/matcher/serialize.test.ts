import { describe, expect, test } from 'vitest';
import { compileMatcher } from '../../../lib/matcher/compile';
import { matchText } from '../../../lib/matcher/match-text';
import { deserializeMatcher, serializeMatcher } from '../../../lib/matcher/serialize';
import type { AliasEntry } from '../../../lib/matcher/types';

const ALIASES: AliasEntry[] = [
  { text: 'Iran', entityId: 'iran' },
  { text: 'Georgia', entityId: 'Q230' },
  { text: 'Georgia', entityId: 'Q1428', priority: -1 },
  { text: 'Mohammad Javad Zarif', entityId: 'zarif', fuzzy: true },
  { text: 'Россия', entityId: 'russia' },
  { text: '中国', entityId: 'china' },
  { text: 'NATO', entityId: 'nato' },
];
const TEXTS = ['Iran and Georgia', 'Muhammad Javad Zarif in Россия', '我爱中国', 'NATO and Nato', 'nothing here'];

describe('serializeMatcher / deserializeMatcher', () => {
  const compiled = compileMatcher(ALIASES);
  const restored = deserializeMatcher(serializeMatcher(compiled));

  test.each(TEXTS)('round trip gives the same matches: %s', (text) => {
    expect(matchText(restored, text)).toEqual(matchText(compiled, text));
  });

  test('round trip keeps every array byte for byte', () => {
    const again = serializeMatcher(restored);
    expect(new Uint8Array(again)).toEqual(new Uint8Array(serializeMatcher(compiled)));
  });

  test('survives a structured clone (as IndexedDB stores it)', () => {
    const cloned = deserializeMatcher(structuredClone(serializeMatcher(compiled)));
    expect(matchText(cloned, TEXTS[1]!)).toEqual(matchText(compiled, TEXTS[1]!));
  });

  test.each([
    ['empty buffer', new ArrayBuffer(0)],
    ['wrong magic', new Uint8Array([1, 2, 3, 4, 0, 0, 0, 0]).buffer],
  ])('rejects %s', (_case, buffer) => {
    expect(() => deserializeMatcher(buffer)).toThrow(/Not a serialized matcher/);
  });

  test('an empty alias list round-trips', () => {
    const empty = deserializeMatcher(serializeMatcher(compileMatcher([])));
    expect(matchText(empty, 'Iran')).toEqual([]);
  });

  test('deserializing is much faster than compiling', () => {
    const aliases = Array.from({ length: 20_000 }, (_, i) => ({
      text: `Name${i} Family${i % 997}`,
      entityId: `Q${i}`,
      fuzzy: true,
    }));
    const t0 = performance.now();
    const big = compileMatcher(aliases);
    const compileMs = performance.now() - t0;
    const buffer = serializeMatcher(big);
    const t1 = performance.now();
    const back = deserializeMatcher(buffer);
    const deserializeMs = performance.now() - t1;
    expect(matchText(back, 'said Name42 Family42 today')[0]?.entityId).toBe('Q42');
    expect(deserializeMs * 10).toBeLessThan(compileMs);
  });
});
