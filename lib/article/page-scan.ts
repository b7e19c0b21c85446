/**
 * Measures the page's text once: characters, link characters and prose per ancestor, with
 * boilerplate boxes dropped. Root finding and detection read these numbers instead of walking
 * the DOM again, which keeps the content script to a couple of linear passes per page.
 */
import { dropBoilerplateSteps, sumByAncestorSteps, type SubtreeText } from './boilerplate-boxes';
import { createCensus, type ElementCensus } from './element-census';
import { runToEnd, type Steps } from './steps';
import { paragraphSteps, type Paragraph } from './text-walk';

export type { Paragraph } from './text-walk';
export type { SubtreeText } from './boilerplate-boxes';
export { isProse, PROSE_MIN_CHARS } from './boilerplate-boxes';

/** The measured page. */
export interface PageScan {
  body: Element;
  /** Paragraphs outside boilerplate boxes, in reading order. */
  paragraphs: Paragraph[];
  /** Every paragraph the walk found, boilerplate included: the article's blocks are cut from it. */
  all: Paragraph[];
  subtree: Map<Element, SubtreeText>;
  census: ElementCensus;
}

/**
 * Measures every block under `body` and sums them per ancestor.
 * @example scanPage(document.body).subtree.get(article)?.prose
 */
export function scanPage(body: Element): PageScan {
  return runToEnd(scanSteps(body));
}

/** `scanPage` as pausable steps (lib/article/steps.ts). */
export function* scanSteps(body: Element): Steps<PageScan> {
  const { census, visit } = createCensus();
  const all = yield* paragraphSteps(body, visit);
  yield;
  const paragraphs = yield* dropBoilerplateSteps(all, body);
  yield;
  const subtree = yield* sumByAncestorSteps(paragraphs, body);
  yield;
  return { body, paragraphs, all, subtree, census };
}

/** Share of a subtree's text that is link text (0 for an empty subtree). */
export function linkDensity(totals: SubtreeText | undefined): number {
  return totals && totals.chars > 0 ? totals.linkChars / totals.chars : 0;
}
