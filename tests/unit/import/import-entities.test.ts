import { describe, expect, test } from 'vitest';
import {
  importEntities,
  isAbortError,
  ImportError,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_RECORDS,
  parseEntities,
} from '../../../lib/import';
import { asyncRefusalOf, refusalOf } from './refusal';

const csvOf = (rows: number) => `name,type\n${Array.from({ length: rows }, (_, i) => `Person ${i},person`).join('\n')}\n`;

describe('importEntities', () => {
  test('gives the same result as parseEntities, with progress between chunks', async () => {
    const text = csvOf(5000);
    const progress: [number, number][] = [];
    const result = await importEntities(text, {
      fileName: 'big.csv',
      sourceName: 'big',
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result).toEqual(parseEntities(text, { fileName: 'big.csv', sourceName: 'big' }));
    expect(result.entities).toHaveLength(5000);
    expect(progress).toEqual([
      [2000, 5000],
      [4000, 5000],
      [5000, 5000],
    ]);
  });

  test('an abort mid-import rejects with an AbortError and returns nothing', async () => {
    const controller = new AbortController();
    let calls = 0;
    const error = await asyncRefusalOf(() =>
      importEntities(csvOf(10_000), {
        fileName: 'big.csv',
        signal: controller.signal,
        onProgress: () => {
          calls++;
          controller.abort();
        },
      }),
    );
    expect(isAbortError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(ImportError);
    expect(calls).toBe(1);
  });

  test('an already aborted signal stops before any work', async () => {
    const error = await asyncRefusalOf(() => importEntities(csvOf(3), { fileName: 'x.csv', signal: AbortSignal.abort() }));
    expect(isAbortError(error)).toBe(true);
  });

  test('a refused file rejects with every problem', async () => {
    const error = await asyncRefusalOf(() => importEntities('name,type\nA,planet\nB,star\n', { fileName: 'x.csv' }));
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).issues).toHaveLength(2);
  });

  test('an explicit format skips detection', () => {
    expect(parseEntities('name,type\nA,person', { format: 'csv', fileName: 'a.weird' }).entities).toHaveLength(1);
    expect(refusalOf(() => parseEntities('{"hello":1}', { format: 'stix' })).message).toBe(
      'Not a STIX bundle: "type" is missing',
    );
  });
});

describe('limits', () => {
  test.each([
    ['oversized text', () => 'x'.repeat(MAX_IMPORT_BYTES + 1), 'The file is larger than 50 MB'],
    [
      'too many records',
      () => csvOf(MAX_IMPORT_RECORDS + 1),
      'The file holds 200,001 records; at most 200,000 are imported at once',
    ],
  ])('refuses %s, importing nothing', (_label, make, message) => {
    expect(refusalOf(() => parseEntities(make(), { fileName: 'big.csv' })).message).toBe(message);
  });

  test('merging duplicates past the alias limit is refused, naming the record', () => {
    const half = (from: number) => Array.from({ length: 600 }, (_, i) => `a${from + i}`).join('|');
    const error = refusalOf(() => parseEntities(`name,type,aliases\nX,person,${half(0)}\nX,person,${half(600)}\n`));
    expect(error.message).toBe('Line 3: 1200 aliases (at most 1000)');
  });
});
