import { expect, test } from 'vitest';
import { blockMemo } from '../../../lib/block-memo';

/** A memo of a function that counts the texts it was asked to compute. */
function counted() {
  const computed: string[] = [];
  const memo = blockMemo((text: string) => {
    computed.push(text);
    return { words: text.split(' ') };
  });
  return { memo, computed };
}

test('a live page’s update computes only its new blocks, and gives the same values as before', () => {
  const { memo, computed } = counted();
  const first = memo(['Iran and Russia met.', 'Sayyari spoke.']);
  computed.length = 0;
  const second = memo(['Iran and Russia met.', 'Sayyari spoke.', 'Update: Shoigu arrived.']);
  expect(computed).toEqual(['Update: Shoigu arrived.']);
  expect(second[0]).toBe(first[0]);
  expect(second.map((v) => v.words.length)).toEqual([4, 2, 3]);
});

test('a block repeated within one call is computed once', () => {
  const { memo, computed } = counted();
  const values = memo(['Live.', 'Live.', 'Sayyari spoke.']);
  expect(computed).toEqual(['Live.', 'Sayyari spoke.']);
  expect(values[1]).toBe(values[0]);
});

test('only the last call is held: a block the last call lacked is computed again', () => {
  const { memo, computed } = counted();
  memo(['Page one.']);
  memo(['Page two.']);
  computed.length = 0;
  memo(['Page one.', 'Page two.']);
  expect(computed).toEqual(['Page one.']);
});
