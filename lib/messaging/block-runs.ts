/**
 * A changing page's article as runs against the text it sent last: a live blog's update names the
 * blocks it keeps by position in the last text, and carries only the new ones. Sent whole, each
 * update was the whole article again, twice a second: encoded for the message (Chrome sends
 * extension messages as JSON), it was most of what a live blog's page allocated.
 */

/** Either a new block's text, or `[from, count]`: that many blocks of the last text, from `from`. */
export type BlockRun = string | [from: number, count: number];

/**
 * The runs that turn `base` into `next`. A block is kept when it is the very same object as one of
 * `base` (a page re-reads a changed block into a new one): its text is the one sent then.
 * @example blockRuns([a, b], [a, b, c], (x) => x.text) // [[0, 2], c.text]
 */
export function blockRuns<T>(base: readonly T[], next: readonly T[], textOf: (block: T) => string): BlockRun[] {
  const at = new Map<T, number>();
  for (let i = 0; i < base.length; i++) if (!at.has(base[i]!)) at.set(base[i]!, i);
  const runs: BlockRun[] = [];
  let copy: [number, number] | null = null;
  for (let i = 0; i < next.length; i++) {
    const block = next[i]!;
    const from = at.get(block);
    if (from === undefined) {
      copy = null;
      runs.push(textOf(block));
    } else if (copy && copy[0] + copy[1] === from) {
      copy[1]++;
    } else {
      copy = [from, 1];
      runs.push(copy);
    }
  }
  return runs;
}

export interface RunLimits {
  blocks: number;
  totalChars: number;
}

/**
 * The blocks `runs` describe against `base`, or null when they do not fit it: a run reaching past
 * `base`, or more blocks or characters than `limits` allow.
 * @example applyBlockRuns(['a', 'b'], [[0, 2], 'c'], limits) // ['a', 'b', 'c']
 */
export function applyBlockRuns(base: readonly string[], runs: readonly BlockRun[], limits: RunLimits): string[] | null {
  const blocks: string[] = [];
  let chars = 0;
  for (const run of runs) {
    if (typeof run === 'string') {
      blocks.push(run);
      chars += run.length;
    } else {
      const [from, count] = run;
      if (from + count > base.length || blocks.length + count > limits.blocks) return null;
      for (let i = from; i < from + count; i++) {
        blocks.push(base[i]!);
        chars += base[i]!.length;
      }
    }
    if (blocks.length > limits.blocks || chars > limits.totalChars) return null;
  }
  return blocks;
}

/**
 * For each block `runs` describe, the index of the block of the base it keeps, or -1 for a new
 * text. Runs are assumed to fit (`applyBlockRuns` checked them).
 * @example keptFrom([[3, 2], 'x']) // [3, 4, -1]
 */
export function keptFrom(runs: readonly BlockRun[]): number[] {
  const from: number[] = [];
  for (const run of runs) {
    if (typeof run === 'string') from.push(-1);
    else for (let i = 0; i < run[1]; i++) from.push(run[0] + i);
  }
  return from;
}

/**
 * `[from, count]` runs of the indices for which `keep` holds, in order.
 * @example rangesWhere(4, (i) => i !== 2) // [[0, 2], [3, 1]]
 */
export function rangesWhere(length: number, keep: (index: number) => boolean): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < length; i++) {
    if (!keep(i)) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else ranges.push([i, 1]);
  }
  return ranges;
}
