/**
 * One linear walk over the text of a subtree that groups Text nodes by the block element that
 * owns them (nested blocks own their own text) and counts link text. Root finding, detection and
 * block collection all build on it, so the page is walked once per use and never modified.
 */
import { isBoilerplateHint, isSkippedElement } from './exclusions';
import { runToEnd, type Steps } from './steps';

/** Nodes visited between two chances to pause. */
const NODES_PER_STEP = 400;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start a new block of text; everything else (span, a, em...) is inline. */
export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'li',
  'ul',
  'ol',
  'dl',
  'dd',
  'dt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'address',
  'details',
  'summary',
  'fieldset',
  'legend',
  'center',
  'form',
  'hgroup',
  'body',
  'html',
]);

/** Text owned directly by one block element, in document order. */
export interface Paragraph {
  element: Element;
  nodes: Text[];
  /** Characters without surrounding whitespace, summed over the nodes. */
  chars: number;
  linkChars: number;
}

interface Frame {
  node: Node;
  block: Element;
  inLink: boolean;
  heading: Element | null;
}

/**
 * Sees every element the walk reaches (a skipped element itself, but not its content), so that
 * page-wide counts come from the same single pass.
 */
export type ElementVisitor = (el: Element, inLink: boolean, heading: Element | null) => void;

const HEADING = /^h[1-6]$/;

/**
 * The paragraphs under `root` (skipped subtrees left out; `root` itself is never skipped),
 * ordered by their first Text node, i.e. reading order.
 * @example collectParagraphs(article).map((p) => p.element.localName)
 */
export function collectParagraphs(root: Element, onElement?: ElementVisitor): Paragraph[] {
  return runToEnd(paragraphSteps(root, onElement));
}

/** `collectParagraphs` as pausable steps (lib/article/steps.ts). */
export function* paragraphSteps(root: Element, onElement?: ElementVisitor): Steps<Paragraph[]> {
  const byElement = new Map<Element, Paragraph>();
  const stack: Frame[] = [];
  pushChildren(stack, root, { node: root, block: root, inLink: false, heading: null });
  let budget = NODES_PER_STEP;
  while (stack.length > 0) {
    if (--budget === 0) {
      budget = NODES_PER_STEP;
      yield;
    }
    const frame = stack.pop()!;
    const { node } = frame;
    if (node.nodeType === TEXT_NODE) {
      addText(byElement, node as Text, frame.block, frame.inLink);
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      onElement?.(el, frame.inLink, frame.heading);
      if (!isSkippedElement(el)) pushChildren(stack, el, childFrame(el, frame));
    }
  }
  return [...byElement.values()].filter((p) => p.chars > 0);
}

/**
 * The element whose paragraph holds `node`'s text: the nearest block (or boilerplate-hinted box)
 * at or above it, `stop` at the highest.
 */
export function owningBlock(node: Node, stop: Element): Element {
  for (let n: Node | null = node.nodeType === ELEMENT_NODE ? node : node.parentNode; n !== null; n = n.parentNode) {
    if (n === stop) return stop;
    if (n.nodeType === ELEMENT_NODE && ownsText(n as Element)) return n as Element;
  }
  return stop;
}

/** Blocks own their text; so does an inline box with a boilerplate hint (a photo credit span),
 * so that it can be judged and dropped on its own. */
export function ownsText(el: Element, name: string = el.localName): boolean {
  return BLOCK_TAGS.has(name) || (el.hasAttributes() && isBoilerplateHint(el));
}

function childFrame(el: Element, parent: Frame): Frame {
  const name = el.localName;
  return {
    node: el,
    block: ownsText(el, name) ? el : parent.block,
    inLink: parent.inLink || (name === 'a' && el.hasAttribute('href')),
    heading: HEADING.test(name) ? el : parent.heading,
  };
}

function addText(byElement: Map<Element, Paragraph>, node: Text, block: Element, inLink: boolean): void {
  let p = byElement.get(block);
  if (!p) byElement.set(block, (p = { element: block, nodes: [], chars: 0, linkChars: 0 }));
  p.nodes.push(node);
  const chars = trimmedLength(node.data);
  p.chars += chars;
  if (inLink) p.linkChars += chars;
}

/** Pushes children last-to-first so that popping yields document order. */
function pushChildren(stack: Frame[], parent: Node, context: Frame): void {
  const { block, inLink, heading } = context;
  for (let child = parent.lastChild; child !== null; child = child.previousSibling) {
    stack.push({ node: child, block, inLink, heading });
  }
}

/** Length of the text without surrounding whitespace, counted without allocating. */
export function trimmedLength(data: string): number {
  let start = 0;
  let end = data.length;
  while (start < end && isSpace(data.charCodeAt(start))) start++;
  while (end > start && isSpace(data.charCodeAt(end - 1))) end--;
  return end - start;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160 || code === 12;
}
