/**
 * Collects the article's readable text as blocks whose offsets map 1:1 to DOM Text nodes, so a
 * span found in `block.text` can be turned back into a Range for painting. Skipped widgets and
 * boilerplate boxes (comments, share bars, forms, hidden nodes...) are left out; nested blocks
 * stand alone, so no text is counted twice.
 */
import { dropBoilerplateSteps } from './boilerplate-boxes';
import { isBoilerplateHint, isInSiteChrome, isSkippedElement } from './exclusions';
import { runToEnd, type Steps } from './steps';
import { paragraphSteps, trimmedLength, type Paragraph } from './text-walk';
import type { TextBlock } from './types';

/** A block made mostly of link text is a "read more" list or a tag cloud, not article text. */
const MAX_LINK_SHARE = 0.8;
/** How many ancestors above the root may hold the headline ("just above the root"). */
const HEADLINE_ANCESTOR_LEVELS = 3;
const DOCUMENT_POSITION_FOLLOWING = 4;

function isKept(p: Paragraph): boolean {
  const isHeading = /^h[1-6]$/.test(p.element.localName);
  return isHeading || p.linkChars < p.chars * MAX_LINK_SHARE;
}

/** Builds a block from its Text nodes; `starts[i]` is where nodes[i] begins in `text`. */
export function toTextBlock(p: Paragraph): TextBlock {
  const starts: number[] = [];
  let text = '';
  for (const node of p.nodes) {
    starts.push(text.length);
    text += node.data;
  }
  return { element: p.element, text, nodes: [...p.nodes], starts };
}

function isInsideExcluded(el: Element, stop: Element): boolean {
  for (let node: Element | null = el; node !== null && node !== stop; node = node.parentElement) {
    if (isSkippedElement(node) || isBoilerplateHint(node)) return true;
  }
  return false;
}

/**
 * The h1 just above the root (in a header beside it), when the root has none of its own; never
 * the site's own title in its header or footer (a blog's "Hi, I'm Nicolas" above its posts).
 */
export function findHeadlineAbove(root: Element): Element | null {
  if (root.querySelector('h1')) return null;
  let ancestor = root.parentElement;
  for (let level = 0; ancestor !== null && level < HEADLINE_ANCESTOR_LEVELS; level++) {
    for (const h1 of ancestor.querySelectorAll('h1')) {
      const precedes = (h1.compareDocumentPosition(root) & DOCUMENT_POSITION_FOLLOWING) !== 0;
      if (precedes && !isInsideExcluded(h1, ancestor) && !isInSiteChrome(h1)) return h1;
    }
    ancestor = ancestor.parentElement;
  }
  return null;
}

function* blockSteps(root: Element, walked?: readonly Paragraph[]): Steps<TextBlock[]> {
  const paragraphs = walked ? yield* paragraphsWithin(walked, root) : yield* paragraphSteps(root);
  yield;
  const kept = (yield* dropBoilerplateSteps(paragraphs, root)).filter(isKept);
  const blocks: TextBlock[] = [];
  for (const [i, p] of kept.entries()) {
    if (i % 250 === 249) yield;
    blocks.push(toTextBlock(p));
  }
  return blocks;
}

/**
 * The paragraphs of a walk of the whole page that lie in `root`, as a walk of `root` alone would
 * find them: text a block above the root owns, but that sits inside the root, becomes the root's.
 */
function* paragraphsWithin(walked: readonly Paragraph[], root: Element): Steps<Paragraph[]> {
  const within: Paragraph[] = [];
  for (const [i, p] of walked.entries()) {
    if (i % 250 === 249) yield;
    if (root.contains(p.element)) within.push(p);
    else if (p.element.contains(root)) {
      const nodes = p.nodes.filter((n) => root.contains(n));
      const chars = nodes.reduce((n, node) => n + trimmedLength(node.data), 0);
      if (chars > 0) within.push({ element: root, nodes, chars, linkChars: 0 });
    }
  }
  return within;
}

/**
 * The article's text blocks in reading order; the headline comes first when it sits just above
 * the root rather than inside it.
 * @example collectTextBlocks(root).map((b) => b.text)
 */
export function collectTextBlocks(root: Element): TextBlock[] {
  return runToEnd(textBlockSteps(root));
}

/**
 * The blocks of `region` alone: an element the page added to or changed in its article (`root`),
 * read again instead of the whole article. Nothing when the region sits inside a box the
 * article's reading leaves out (a widget, a comment thread, a share bar).
 * @example collectRegionBlocks(appendedParagraph, article).map((b) => b.text)
 */
export function collectRegionBlocks(region: Element, root: Element): TextBlock[] {
  if (!region.isConnected || isSkippedElement(region) || (region !== root && isInsideExcluded(region, root))) return [];
  return runToEnd(blockSteps(region));
}

/**
 * `collectTextBlocks` as pausable steps (lib/article/steps.ts).
 * @param walked the paragraphs of a walk of the whole page (the detection's), reused instead of
 *   walking the root again
 */
export function* textBlockSteps(root: Element, walked?: readonly Paragraph[]): Steps<TextBlock[]> {
  const headline = findHeadlineAbove(root);
  yield;
  const blocks = yield* blockSteps(root, walked);
  return headline ? [...(yield* blockSteps(headline)), ...blocks] : blocks;
}
