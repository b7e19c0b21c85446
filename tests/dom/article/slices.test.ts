// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { analyzeDocumentSteps } from '../../../lib/article';
import { manyTextNodes } from '../../../scripts/lib/stress-pages';

/**
 * The content script runs the page analysis in slices (lib/article/steps.ts) so that no task it
 * runs becomes a long task. Time is what matters in the browser (`npm run bench`), but here the
 * work of a step is counted, deterministically, as the DOM reads it makes: the text of text nodes
 * and element containment, which every page-wide pass over the paragraphs makes.
 */
let reads = 0;
const restore: (() => void)[] = [];

function countReads(target: object, name: string) {
  let proto: object | null = target;
  while (proto && !Object.getOwnPropertyDescriptor(proto, name)) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error(`no ${name} on ${String(target)}`);
  const owner = proto;
  const descriptor = Object.getOwnPropertyDescriptor(owner, name)!;
  const counted: PropertyDescriptor = descriptor.get
    ? {
        ...descriptor,
        get(this: unknown) {
          reads++;
          return descriptor.get!.call(this);
        },
      }
    : {
        ...descriptor,
        value(this: unknown, ...args: unknown[]) {
          reads++;
          return (descriptor.value as (...a: unknown[]) => unknown).apply(this, args);
        },
      };
  Object.defineProperty(owner, name, counted);
  restore.push(() => Object.defineProperty(owner, name, descriptor));
}

afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

test('a page of 4,000 short paragraphs is analyzed in steps of bounded work, none of them page-wide', () => {
  // The bench's stress page (scripts/lib/stress-pages.ts), smaller: one-sentence paragraphs in five runs.
  document.documentElement.innerHTML = manyTextNodes(20_000).replace(/^[\s\S]*?<html[^>]*>/, '');
  const text = document.querySelector('p')!.firstChild!;
  countReads(text, 'data');
  countReads(document.body, 'contains');

  const steps = analyzeDocumentSteps(document);
  const perStep: number[] = [];
  for (;;) {
    reads = 0;
    const next = steps.next();
    perStep.push(reads);
    if (next.done) {
      expect(next.value.verdict.isArticle).toBe(true);
      expect(next.value.blocks.length).toBeGreaterThan(3_900);
      break;
    }
  }
  const total = perStep.reduce((a, b) => a + b, 0);
  // Every paragraph is read by several passes; a step reads at most a few hundred paragraphs of
  // five runs each (a page-wide pass in one step read 40,000).
  expect(total).toBeGreaterThan(30_000);
  expect(Math.max(...perStep)).toBeLessThanOrEqual(3_000);
});
