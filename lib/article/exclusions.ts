/**
 * Which elements never hold article text: chrome (nav, sidebars, footers), interactive widgets,
 * comment threads, share and newsletter boxes, hidden nodes. Shared by the root finder and the
 * block collector so that both see the same page. Reads attributes only (no layout, no styles).
 * Class names are only a hint (a "has-sidebar" wrapper may hold the whole article), so they are
 * reported by `hasBoilerplateName` and weighed against the text they hold elsewhere.
 */

/** Tags whose content is never prose a reader reads as part of the article. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'picture',
  'img',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'label',
  'code',
  'pre',
  'nav',
  'aside',
  'footer',
  'dialog',
  'menu',
  'head',
]);

/** ARIA landmarks and widgets that are page chrome (WAI-ARIA 1.2 landmark roles). */
const SKIPPED_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
  'tablist',
  'banner',
  'form',
  'button',
]);

/** Class/id words of boilerplate boxes, matched as whole dash/underscore-separated words. */
const BOILERPLATE_WORD =
  /(?:^|[-_ ])(?:nav|navbar|navigation|menu|sidebar|side-bar|comments?|commentlist|disqus|related|share|sharing|social|socials|newsletter|subscribe|subscription|signup|promo|promos|advert|advertisement|ads?|adslot|sponsored|breadcrumbs?|cookie|cookies|consent|popup|modal|overlay|footer|most-viewed|most-read|mostread|mostviewed|popular|trending|recommended|recommendations|outbrain|taboola|read-more|readmore|more-stories|tags|tag-list|toolbar|pagination|pager|widget|widgets|credits?|copyright|skip-link|visually-hidden|sr-only|screen-reader-text)(?:$|[-_ ])/;

/** Same boxes written in camelCase ids ("relatedArticles", "shareButtons"). */
const BOILERPLATE_PREFIX =
  /(?:^|\s)(?:related|sidebar|share|social|newsletter|breadcrumb|outbrain|taboola|disqus|cookie|comments|mostread|mostviewed|promo)[A-Z]/;

/** Containers that are the page itself, never dropped because of a class name. */
const NEVER_BY_CLASS = new Set(['html', 'body', 'main']);

const HIDDEN_STYLE = /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** True when the element is hidden by attribute or inline style (no layout is consulted). */
export function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** True when a class or id names a boilerplate box (comments, related links, share bar...). */
export function hasBoilerplateName(el: Element): boolean {
  if (NEVER_BY_CLASS.has(el.localName) || !el.hasAttributes()) return false;
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (names.length < 2) return false;
  if (BOILERPLATE_WORD.test(names.toLowerCase())) return true;
  return BOILERPLATE_PREFIX.test(names);
}

const SITE_CHROME_TAGS = new Set(['header', 'footer']);
const SITE_CHROME_ROLES = new Set(['banner', 'contentinfo']);
const ARTICLE_TAGS = new Set(['article', 'main']);
const ARTICLE_ROLES = new Set(['article', 'main']);

const isChrome = (el: Element) => SITE_CHROME_TAGS.has(el.localName) || SITE_CHROME_ROLES.has(el.getAttribute('role') ?? '');
const isArticleOrMain = (el: Element) => ARTICLE_TAGS.has(el.localName) || ARTICLE_ROLES.has(el.getAttribute('role') ?? '');

/**
 * True when `el` sits in the site's header or footer: a `<header>` or `<footer>` (or a banner or
 * contentinfo landmark) outside any `<article>` or `<main>`. An article's own header, holding its
 * headline, is article text (issue 8's page-safety rule, tests/e2e/highlight-placement.ts).
 * @example isInSiteChrome(document.querySelector('body > header h1')!) // true
 */
export function isInSiteChrome(el: Element): boolean {
  let chrome = false;
  for (let node: Element | null = el; node !== null; node = node.parentElement) {
    if (isChrome(node)) chrome = true;
    else if (isArticleOrMain(node)) chrome = false;
  }
  return chrome;
}

function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}

/**
 * True when nothing inside `el` is article text, whatever its size: widgets, chrome landmarks,
 * and editable nodes. Forms, hidden nodes and class names are judged separately (boilerplate-boxes).
 * @example isSkippedElement(document.querySelector('aside')!) // true
 */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.localName)) return true;
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  return (role !== null && SKIPPED_ROLES.has(role)) || isEditable(el);
}

/**
 * True when the element is probably boilerplate: a form, a hidden node, or a boilerplate class
 * name. Only a hint: ASP.NET pages wrap the whole page in a form, themes put "has-sidebar" or
 * "newsletter-post" on the article's wrapper, and live pages hide content until scripts run.
 */
export function isBoilerplateHint(el: Element): boolean {
  if (!el.hasAttributes()) return el.localName === 'form';
  return el.localName === 'form' || isHiddenElement(el) || hasBoilerplateName(el);
}
