/**
 * A memo of a pure function of one block's text that holds the blocks of its last call only. A
 * live page sends its whole article again every half second, all of it the text of the time
 * before but the newest blocks: those are computed, the rest found. Pages taking turns only miss
 * (computed again, never wrong), and what is held is one article's worth. The values are shared
 * between calls: callers must not change them.
 * @example const tokenizeBlocks = blockMemo(tokenize); tokenizeBlocks(['Iran and Russia met.'])
 */
export function blockMemo<T>(compute: (text: string) => T): (texts: readonly string[]) => T[] {
  let last = new Map<string, T>();
  return (texts) => {
    const next = new Map<string, T>();
    const values = texts.map((text) => {
      const value = next.get(text) ?? last.get(text) ?? compute(text);
      next.set(text, value);
      return value;
    });
    last = next;
    return values;
  };
}
