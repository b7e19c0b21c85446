/**
 * Finds the element that holds the article body: the container under which prose paragraphs
 * concentrate (Readability's parent/grandparent scoring, on our cheaper page scan), widened to
 * an ancestor when the body is split over sibling wrappers.
 */
import { isProse, linkDensity, scanPage, type PageScan, type Paragraph } from './page-scan';
import { runToEnd, type Steps } from './steps';

/** Share of a paragraph's score given to its 1st, 2nd and 3rd ancestor. */
const ANCESTOR_SHARES = [1, 0.5, 1 / 6];
/** Tags that are containers themselves when their own text is long (article text with <br>). */
const CONTAINER_TAGS = new Set(['div', 'td', 'section', 'article', 'main', 'center', 'font', 'form']);
/** Widen to the parent when it holds this much more prose than the current root. */
const WIDEN_RATIO = 1.25;
const MAX_WIDEN_STEPS = 3;
const MAX_ROOT_LINK_DENSITY = 0.35;
/** Paragraphs (or candidates) scored per step: a page of 10,000 paragraphs costs tens of ms. */
const PER_STEP = 500;

function paragraphScore(p: Paragraph): number {
  return 1 + Math.min(p.chars / 100, 3);
}

function* scoreCandidates(scan: PageScan): Steps<Map<Element, number>> {
  const scores = new Map<Element, number>();
  const add = (el: Element, value: number): void => {
    scores.set(el, (scores.get(el) ?? 0) + value);
  };
  for (const [i, p] of scan.paragraphs.entries()) {
    if (i % PER_STEP === PER_STEP - 1) yield;
    if (!isProse(p)) continue;
    const score = paragraphScore(p);
    if (CONTAINER_TAGS.has(p.element.localName) && p.chars >= 500) add(p.element, score);
    let el = p.element.parentElement;
    for (const share of ANCESTOR_SHARES) {
      if (el === null || el === scan.body.parentElement) break;
      add(el, score * share);
      el = el.parentElement;
    }
  }
  return scores;
}

function* bestCandidate(scan: PageScan, scores: Map<Element, number>): Steps<Element | null> {
  let best: Element | null = null;
  let bestScore = 0;
  let i = 0;
  for (const [el, score] of scores) {
    if (++i % PER_STEP === 0) yield;
    const adjusted = score * (1 - linkDensity(scan.subtree.get(el)));
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  return best;
}

function widen(scan: PageScan, start: Element): Element {
  let root = start;
  for (let step = 0; step < MAX_WIDEN_STEPS; step++) {
    const parent = root.parentElement;
    if (parent === null || parent === scan.body || parent.localName === 'html') break;
    const prose = scan.subtree.get(root)?.prose ?? 0;
    const parentTotals = scan.subtree.get(parent);
    if ((parentTotals?.prose ?? 0) < prose * WIDEN_RATIO) break;
    if (linkDensity(parentTotals) > MAX_ROOT_LINK_DENSITY) break;
    root = parent;
  }
  return root;
}

/** Picks the article root from an existing page scan (null when the page has no prose). */
export function findRootInScan(scan: PageScan): Element | null {
  return runToEnd(findRootSteps(scan));
}

/** `findRootInScan` as pausable steps (lib/article/steps.ts). */
export function* findRootSteps(scan: PageScan): Steps<Element | null> {
  const best = yield* bestCandidate(scan, yield* scoreCandidates(scan));
  return best === null ? null : widen(scan, best);
}

/**
 * The element holding the article body, or null when no prose is found.
 * @example findArticleRoot(document)?.querySelectorAll('p').length
 */
export function findArticleRoot(doc: Document): Element | null {
  return doc.body ? findRootInScan(scanPage(doc.body)) : null;
}
