/**
 * Counts, during the text walk, the page structure the detector weighs: headlines, `<article>`
 * items, linked teaser headings, code blocks, date and byline markup, shop and forum microdata
 * (https://schema.org/Product, https://schema.org/DiscussionForumPosting). Done in the same
 * pass because selector queries are many times slower than one walk in some engines.
 */
import type { ElementVisitor } from './text-walk';

/** Page-wide element counts. */
export interface ElementCensus {
  h1Count: number;
  articleElements: number;
  codeBlocks: number;
  /** Distinct h2-h4 headings that hold or sit in a link: the teaser pattern of listings. */
  teaserHeadings: number;
  /** `time[datetime]` and `itemprop=datePublished` elements: one on an article, many on a forum. */
  dateMarkup: number;
  /** Author markup (rel/itemprop author, byline/author classes): one on an article, many on a forum. */
  bylineMarkup: number;
  shopMarkers: number;
  forumMarkers: number;
  /** Phone links: business and service pages put them everywhere, articles hardly ever. */
  phoneLinks: number;
  /** Inline and block code elements: documentation. */
  codeElements: number;
  /** Visible form fields (text, select, checkbox...): sign-up, quote and checkout forms. */
  formFields: number;
}

const SHOP_PROPS = new Set(['price', 'offers', 'pricecurrency', 'sku', 'availability', 'lowprice']);
const FORUM_PROPS = new Set(['comment', 'suggestedanswer', 'acceptedanswer', 'answer']);
const FORUM_TYPES = /DiscussionForumPosting|schema\.org\/(?:Comment|Answer|Question)\b/;
const SHOP_TYPES = /schema\.org\/(?:Product|Offer|AggregateOffer)\b/;
const SHOP_BUTTON = /add[ -]to[ -](?:cart|bag|basket)|buy now|in den warenkorb|ajouter au panier/i;
const BYLINE_CLASS = /byline|author/i;
const TEASER_HEADING = /^h[2-4]$/;
const MAX_BYLINE_CHILDREN = 8;
const MAX_BUTTON_LABEL = 40;
/** Inputs that are not fields a visitor fills in (search boxes are on every page). */
const HIDDEN_INPUTS = new Set(['hidden', 'submit', 'button', 'image', 'reset', 'search']);

function isShopButton(el: Element): boolean {
  const label = el.localName === 'input' ? (el.getAttribute('value') ?? '') : (el.textContent ?? '');
  return label.length < MAX_BUTTON_LABEL && SHOP_BUTTON.test(label);
}

function isFormField(el: Element, name: string): boolean {
  if (name === 'select' || name === 'textarea') return true;
  if (name !== 'input') return false;
  return !HIDDEN_INPUTS.has(el.getAttribute('type')?.toLowerCase() ?? 'text');
}

function isBylineElement(el: Element, prop: string | null): boolean {
  if (prop === 'author' || el.getAttribute('rel') === 'author') return true;
  const cls = el.getAttribute('class');
  return cls !== null && BYLINE_CLASS.test(cls) && el.childElementCount <= MAX_BYLINE_CHILDREN;
}

function countAttributes(census: ElementCensus, el: Element): void {
  const prop = el.getAttribute('itemprop')?.toLowerCase() ?? null;
  const type = el.getAttribute('itemtype');
  if ((prop !== null && SHOP_PROPS.has(prop)) || (type !== null && SHOP_TYPES.test(type))) census.shopMarkers++;
  if ((prop !== null && FORUM_PROPS.has(prop)) || (type !== null && FORUM_TYPES.test(type))) census.forumMarkers++;
  if (prop === 'datepublished' && el.localName !== 'time') census.dateMarkup++;
  if (isBylineElement(el, prop)) census.bylineMarkup++;
}

/**
 * A fresh census and the visitor that fills it.
 * @example const { census, visit } = createCensus(); collectParagraphs(body, visit);
 */
export function createCensus(): { census: ElementCensus; visit: ElementVisitor } {
  const census: ElementCensus = {
    h1Count: 0,
    articleElements: 0,
    codeBlocks: 0,
    teaserHeadings: 0,
    dateMarkup: 0,
    bylineMarkup: 0,
    shopMarkers: 0,
    forumMarkers: 0,
    phoneLinks: 0,
    codeElements: 0,
    formFields: 0,
  };
  const teasers = new Set<Element>();
  const visit: ElementVisitor = (el, inLink, heading) => {
    const name = el.localName;
    if (name === 'h1') census.h1Count++;
    else if (name === 'article') census.articleElements++;
    else if (name === 'pre') census.codeBlocks++;
    else if (name === 'time' && el.hasAttribute('datetime')) census.dateMarkup++;
    else if (name === 'code') census.codeElements++;
    else if (name === 'a' && el.getAttribute('href')?.startsWith('tel:')) census.phoneLinks++;
    if (name === 'button' || name === 'input') census.shopMarkers += isShopButton(el) ? 1 : 0;
    if (isFormField(el, name)) census.formFields++;
    if (TEASER_HEADING.test(name) && inLink) teasers.add(el);
    else if (name === 'a' && heading !== null && TEASER_HEADING.test(heading.localName) && el.hasAttribute('href'))
      teasers.add(heading);
    if (el.hasAttributes()) countAttributes(census, el);
    census.teaserHeadings = teasers.size;
  };
  return { census, visit };
}
