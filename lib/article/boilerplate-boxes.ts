/**
 * Decides which hinted boxes (boilerplate class names, forms, hidden nodes) are really
 * boilerplate: a hinted box is dropped unless it holds at least half of the prose in scope,
 * because then it is the article's own wrapper ("has-sidebar", ASP.NET's page form).
 */
import { isBoilerplateHint } from './exclusions';
import { runToEnd, type Steps } from './steps';
import type { Paragraph } from './text-walk';

/** Text totals of a subtree, summed from the paragraphs inside it. */
export interface SubtreeText {
  chars: number;
  linkChars: number;
  /** Characters in prose paragraphs: long, few links, not headings or list items. */
  prose: number;
  proseParagraphs: number;
}

/** Tags whose own text can be running prose (headings, list items and cells cannot). */
const PROSE_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'dd',
  'td',
  'center',
  'font',
  'form',
  'body',
]);
/** Shortest paragraph counted as prose, and the most link text it may have. */
export const PROSE_MIN_CHARS = 80;
const PROSE_MAX_LINK_DENSITY = 0.3;
/** A hinted box holding this share of the scope's text is a wrapper, not boilerplate. */
const WRAPPER_SHARE = 0.5;

/** True when a paragraph reads as running prose rather than a label, teaser or link list. */
export function isProse(p: Paragraph): boolean {
  return p.chars >= PROSE_MIN_CHARS && p.linkChars / p.chars < PROSE_MAX_LINK_DENSITY && PROSE_TAGS.has(p.element.localName);
}

/** Sums paragraph text into every ancestor up to and including `scope`. */
export function sumByAncestor(paragraphs: readonly Paragraph[], scope: Element): Map<Element, SubtreeText> {
  return runToEnd(sumByAncestorSteps(paragraphs, scope));
}

/** Paragraphs handled between two chances to pause: a large page is thousands. */
const PARAGRAPHS_PER_STEP = 250;

/** `sumByAncestor` as pausable steps (lib/article/steps.ts). */
export function* sumByAncestorSteps(paragraphs: readonly Paragraph[], scope: Element): Steps<Map<Element, SubtreeText>> {
  const totals = new Map<Element, SubtreeText>();
  for (const [i, p] of paragraphs.entries()) {
    if (i % PARAGRAPHS_PER_STEP === PARAGRAPHS_PER_STEP - 1) yield;
    const prose = isProse(p);
    for (let el: Element | null = p.element; el !== null; el = el.parentElement) {
      let t = totals.get(el);
      if (!t) totals.set(el, (t = { chars: 0, linkChars: 0, prose: 0, proseParagraphs: 0 }));
      t.chars += p.chars;
      t.linkChars += p.linkChars;
      if (prose) {
        t.prose += p.chars;
        t.proseParagraphs += 1;
      }
      if (el === scope) break;
    }
  }
  return totals;
}

/**
 * Leaves out paragraphs inside boilerplate boxes of `scope`.
 * @example dropBoilerplate(collectParagraphs(body), body)
 */
export function dropBoilerplate(paragraphs: Paragraph[], scope: Element): Paragraph[] {
  return runToEnd(dropBoilerplateSteps(paragraphs, scope));
}

/** `dropBoilerplate` as pausable steps (lib/article/steps.ts). */
export function* dropBoilerplateSteps(paragraphs: Paragraph[], scope: Element): Steps<Paragraph[]> {
  const totals = yield* sumByAncestorSteps(paragraphs, scope);
  const all = totals.get(scope);
  if (!all) return paragraphs;
  const measure = (t: SubtreeText | undefined): number => (all.prose > 0 ? (t?.prose ?? 0) : (t?.chars ?? 0));
  const limit = measure(all) * WRAPPER_SHARE;
  const verdicts = new Map<Element, boolean>();
  const isDropped = (el: Element): boolean => {
    let dropped = verdicts.get(el);
    if (dropped === undefined) {
      dropped = isBoilerplateHint(el) && measure(totals.get(el)) < limit;
      verdicts.set(el, dropped);
    }
    return dropped;
  };
  const kept: Paragraph[] = [];
  for (const [i, p] of paragraphs.entries()) {
    if (i % PARAGRAPHS_PER_STEP === PARAGRAPHS_PER_STEP - 1) yield;
    if (!hasDroppedAncestor(p.element, scope, isDropped)) kept.push(p);
  }
  return kept;
}

function hasDroppedAncestor(start: Element, scope: Element, isDropped: (el: Element) => boolean): boolean {
  for (let el: Element | null = start; el !== null && el !== scope; el = el.parentElement) {
    if (isDropped(el)) return true;
  }
  return false;
}
