/**
 * Where a highlight may not be (issue 8, page safety): inside forms and editable areas, the site's
 * navigation, header, footer and sidebars, and code or markup that is not prose. The two
 * functions run in the page's own world (serialized into it by `misplacedHighlightsOn`), so each
 * is self-contained: no imports, no module constants, no helpers outside its own body.
 */
import type { Page } from 'puppeteer-core';

/** A highlighted range whose start or end sits inside a forbidden container. */
export interface Misplaced {
  /** The highlight's name (`dramatis-person`, ...). */
  name: string;
  text: string;
  /** The forbidden container, as `tag#id.class`. */
  container: string;
  /** The range's start container's element ancestors, outermost first. */
  path: string;
}

/**
 * The forbidden container holding `node`, as `tag#id.class`, or null when it may be highlighted.
 * A `<header>` or `<footer>` (or role banner/contentinfo) counts only outside `<article>` and
 * `<main>`: an article's own header holds its headline, which is article text. A `<form>` counts
 * unless it wraps the page's content (ASP.NET's page-wide form).
 * @example forbiddenContainer(document.querySelector('nav a')!.firstChild!) // 'nav'
 */
export function forbiddenContainer(node: Node): string | null {
  const FORBIDDEN = [
    'form',
    'input',
    'textarea',
    'select',
    'button',
    'nav',
    '[role="navigation"]',
    'aside',
    '[role="complementary"]',
    'script',
    'style',
    'code',
    'pre',
    'noscript',
    'template',
  ].join(', ');
  const SITE_CHROME = 'header, footer, [role="banner"], [role="contentinfo"]';
  const ARTICLE = 'article, main, [role="main"], [role="article"]';
  const describe = (el: Element) => {
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/)[0]}` : '';
    return `${el.localName}${id}${cls}`;
  };
  // ASP.NET WebForms wraps the page, or its whole content, in one <form>: a form holding half of
  // the page's text, or three prose paragraphs (80 characters, lib/article's prose), is layout.
  const textLength = (root: Node) => {
    let n = 0;
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.parentElement?.closest('script, style, noscript, template')) n += (t as Text).data.trim().length;
    }
    return n;
  };
  const isPageWrapper = (form: Element) => {
    const prose = [...form.querySelectorAll('p')].filter((p) => (p.textContent ?? '').trim().length >= 80);
    const body = form.ownerDocument.body;
    return prose.length >= 3 || (body !== null && textLength(form) * 2 >= textLength(body));
  };
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return null;
  for (let forbidden = el.closest(FORBIDDEN); forbidden; forbidden = forbidden.parentElement?.closest(FORBIDDEN) ?? null) {
    if (forbidden.localName !== 'form' || !isPageWrapper(forbidden)) return describe(forbidden);
  }
  // Any value but "false" makes an element editable ("", "true", "plaintext-only").
  for (
    let editable = el.closest('[contenteditable]');
    editable;
    editable = editable.parentElement?.closest('[contenteditable]') ?? null
  ) {
    if (editable.getAttribute('contenteditable')?.toLowerCase() !== 'false') return describe(editable);
  }
  for (let chrome = el.closest(SITE_CHROME); chrome; chrome = chrome.parentElement?.closest(SITE_CHROME) ?? null) {
    if (!chrome.parentElement?.closest(ARTICLE)) return describe(chrome);
  }
  return null;
}

/** The ranges of `registry` (the page's `CSS.highlights`) that start or end where `forbidden` says no. */
export function misplacedHighlights(
  forbidden: (node: Node) => string | null,
  registry: Iterable<[string, Iterable<AbstractRange>]>,
): Misplaced[] {
  const pathOf = (node: Node) => {
    const names: string[] = [];
    for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/)[0]}` : '';
      names.unshift(`${el.localName}${el.id ? `#${el.id}` : ''}${cls}`);
    }
    return names.join(' > ');
  };
  const textOf = (range: AbstractRange) =>
    range.startContainer === range.endContainer && range.startContainer.nodeType === 3
      ? (range.startContainer as Text).data.slice(range.startOffset, range.endOffset)
      : String(range);
  const out: Misplaced[] = [];
  for (const [name, ranges] of registry) {
    for (const range of ranges) {
      const container = forbidden(range.startContainer) ?? forbidden(range.endContainer);
      if (container) out.push({ name, text: textOf(range), container, path: pathOf(range.startContainer) });
    }
  }
  return out;
}

/**
 * Every highlight on the page that sits where none may be, read from the page's own world.
 * `__name`: tsx and esbuild name inner functions with a helper the page lacks.
 */
export async function misplacedHighlightsOn(page: Page): Promise<Misplaced[]> {
  const probe = `(() => {
    const __name = (f) => f;
    const forbidden = ${forbiddenContainer.toString()};
    return (${misplacedHighlights.toString()})(forbidden, CSS.highlights);
  })()`;
  return (await page.evaluate(probe)) as Misplaced[];
}
