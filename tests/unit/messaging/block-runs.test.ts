/**
 * A live page's update names the blocks it keeps from the last text it sent and carries only the
 * new ones (lib/messaging/block-runs.ts): the background must rebuild exactly the page's article
 * from them, and must refuse runs that do not fit the text they name.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyBlockRuns, blockRuns } from '../../../lib/messaging/block-runs';

interface Block {
  text: string;
}
const block = (text: string): Block => ({ text });
const textOf = (b: Block) => b.text;
const LIMITS = { blocks: 20_000, totalChars: 5_000_000 };

describe('blockRuns', () => {
  const [a, b, c, d] = ['Iran', 'Russia', 'Sayyari', 'Tehran'].map(block) as [Block, Block, Block, Block];

  test('an appended block: the whole old text kept as one run, the new text sent', () => {
    expect(blockRuns([a, b], [a, b, c], textOf)).toEqual([[0, 2], 'Sayyari']);
  });

  test('a live blog that puts its newest entry first', () => {
    expect(blockRuns([a, b, c], [d, a, b, c], textOf)).toEqual(['Tehran', [0, 3]]);
  });

  test('an edited block is sent again (a re-read block is a new object, even with the same text)', () => {
    expect(blockRuns([a, b, c], [a, block('Russia'), c], textOf)).toEqual([[0, 1], 'Russia', [2, 1]]);
  });

  test('removed and reordered blocks', () => {
    expect(blockRuns([a, b, c, d], [a, c, d], textOf)).toEqual([
      [0, 1],
      [2, 2],
    ]);
    expect(blockRuns([a, b, c], [c, a, b], textOf)).toEqual([
      [2, 1],
      [0, 2],
    ]);
  });

  test('no base: every text is sent', () => {
    expect(blockRuns([], [a, b], textOf)).toEqual(['Iran', 'Russia']);
  });
});

describe('applyBlockRuns', () => {
  test('rebuilds what the page has, whatever it changed (property)', () => {
    const edit = fc.oneof(
      fc.record({ op: fc.constant('add' as const), at: fc.nat(), text: fc.string() }),
      fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('edit' as const), at: fc.nat(), text: fc.string() }),
    );
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 30 }), fc.array(edit, { maxLength: 20 }), (texts, edits) => {
        const base = texts.map(block);
        const next = [...base];
        for (const e of edits) {
          const at = next.length === 0 ? 0 : e.at % (next.length + (e.op === 'add' ? 1 : 0));
          if (e.op === 'add') next.splice(at, 0, block(e.text));
          else if (next.length > 0 && e.op === 'drop') next.splice(at, 1);
          else if (next.length > 0 && e.op === 'edit') next[at] = block(e.text);
        }
        const runs = blockRuns(base, next, textOf);
        expect(applyBlockRuns(texts, runs, LIMITS)).toEqual(next.map(textOf));
        // Kept blocks are named, not sent: no more texts than blocks the page changed or added.
        const sentTexts = runs.filter((r) => typeof r === 'string').length;
        expect(sentTexts).toBe(next.filter((blk) => !base.includes(blk)).length);
      }),
    );
  });

  test.each([
    ['a run past the end of the base', [[1, 2]]],
    ['a run starting past the end', [[5, 1]]],
  ] as const)('refuses %s', (_label, runs) => {
    expect(applyBlockRuns(['Iran', 'Russia'], runs as never, LIMITS)).toBeNull();
  });

  test('refuses more blocks or characters than the limits allow', () => {
    expect(applyBlockRuns(['Iran', 'Russia'], [[0, 2], 'x'], { blocks: 2, totalChars: 100 })).toBeNull();
    expect(applyBlockRuns(['Iran', 'Russia'], [[0, 2], 'x'], { blocks: 10, totalChars: 10 })).toBeNull();
    expect(applyBlockRuns(['Iran', 'Russia'], [[0, 2], 'x'], { blocks: 3, totalChars: 11 })).toEqual(['Iran', 'Russia', 'x']);
  });
});
