import { expect, test } from 'vitest';
import { runSliced, runToEnd, type Steps } from '../../../lib/article/steps';

function* counting(n: number, log: string[]): Steps<number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    log.push(`step ${i}`);
    yield;
  }
  return sum;
}

test('runToEnd and runSliced give the same result', async () => {
  expect(runToEnd(counting(10, []))).toBe(55);
  expect(await runSliced(counting(10, []), { yieldToMain: async () => {} })).toBe(55);
});

test('runSliced gives the main thread back only once a slice has used its budget', async () => {
  const log: string[] = [];
  let clock = 0;
  const result = await runSliced(counting(6, log), {
    budgetMs: 8,
    // Each step costs 3 ms: a slice ends after the third step (9 ms ≥ 8).
    now: () => (clock += 1.5),
    yieldToMain: async () => {
      log.push('yield');
    },
  });
  expect(result).toBe(21);
  expect(log.filter((l) => l === 'yield').length).toBeGreaterThanOrEqual(1);
  expect(log.filter((l) => l === 'yield').length).toBeLessThan(6);
  expect(log.indexOf('yield')).toBeGreaterThan(0);
});
