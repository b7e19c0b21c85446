import { expect, test, vi } from 'vitest';
import { receiveBackup, sendBackup, splitParts } from '../../../lib/dashboard/backup-transfer';

test('export: asks for parts with the token until their offsets reach the total', async () => {
  const file = '{"format":"dramatis-backup","version":1}';
  const send = vi.fn(async ({ token, offset }: { token?: string; offset: number }) => {
    if (offset > 0) expect(token).toBe('t1');
    return { token: 't1', part: file.slice(offset, offset + 10), total: file.length };
  });
  const progress = vi.fn();
  const parts = await receiveBackup(send, progress);
  expect(parts.join('')).toBe(file);
  expect(file).toHaveLength(40);
  expect(send.mock.calls.map(([r]) => r)).toEqual([
    { offset: 0 },
    { token: 't1', offset: 10 },
    { token: 't1', offset: 20 },
    { token: 't1', offset: 30 },
  ]);
  expect(progress).toHaveBeenLastCalledWith(file.length, file.length);
});

test('export: an empty part before the end is an error, not an endless loop', async () => {
  const send = vi.fn(async ({ offset }: { offset: number }) => ({ token: 't', part: offset === 0 ? 'abc' : '', total: 10 }));
  await expect(receiveBackup(send)).rejects.toThrow(/ended at 3 of 10/);
});

test.each([
  ['', 4, ['']],
  ['abc', 4, ['abc']],
  ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
])('splitParts(%j, %d)', (text, size, parts) => {
  expect(splitParts(text, size)).toEqual(parts);
});

test('import: sends each part under the token, the last with done, and returns what was restored', async () => {
  const text = 'x'.repeat(8 * 1024 * 1024 * 2 + 5);
  const calls: { token?: string; length: number; done: boolean; mode: string }[] = [];
  const send = vi.fn(async (r: { token?: string; part: string; done: boolean; mode: 'merge' | 'replace' }) => {
    calls.push({ token: r.token, length: r.part.length, done: r.done, mode: r.mode });
    return r.done ? { token: 'k', restored: { entities: 3, articles: 2 } } : { token: 'k' };
  });
  const progress = vi.fn();
  expect(await sendBackup(text, 'replace', send, progress)).toEqual({ entities: 3, articles: 2 });
  expect(calls).toEqual([
    { token: undefined, length: 8 * 1024 * 1024, done: false, mode: 'replace' },
    { token: 'k', length: 8 * 1024 * 1024, done: false, mode: 'replace' },
    { token: 'k', length: 5, done: true, mode: 'replace' },
  ]);
  expect(progress.mock.calls).toEqual([
    [1, 3],
    [2, 3],
    [3, 3],
  ]);
});

test('import: a refused file rejects with the background’s message', async () => {
  const send = vi.fn(async () => {
    throw new Error('articles[3].url: not a string');
  });
  await expect(sendBackup('{}', 'merge', send)).rejects.toThrow('articles[3].url: not a string');
});
