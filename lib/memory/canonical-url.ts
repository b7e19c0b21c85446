/**
 * The address an article is remembered by. Two forms: `normalizeUrl` gives a clean address that
 * still loads (the one links point to), `urlKey` the identity two visits are compared by, so a
 * re-visit through a newsletter link, a share button or the AMP page updates the same record.
 *
 * Rules (issue 6):
 * - Only http(s). Host lower-case without a trailing dot, default ports dropped (WHATWG URL does both).
 * - The fragment goes (`#section-2` is the same article); a `#!` hash-bang route stays, it is the page.
 * - Tracking parameters go: `TRACKING_PARAMS` and every `utm_*`; the rest are sorted by name.
 * - A trailing `index.html`/`index.htm`/`index.php`/`default.aspx` goes (the directory serves it).
 * - The key drops the scheme, a `www.`/`m.`/`mobile.`/`amp.` host prefix and a trailing slash:
 *   `https://www.bbc.com/news/x/` and `http://m.bbc.com/news/x` are one article.
 * - A declared address (rel=canonical, then og:url) replaces the page's own when it is sane: an
 *   absolute http(s) address, not a site's home page (a common CMS mistake), and on the same
 *   registrable domain as the page, or the page is an AMP copy (AMP cache, `amp.` host, `/amp`
 *   path or `amp`/`outputType=amp` parameter), whose canonical is by definition the original.
 *   Cross-site canonicals of syndication partners are not followed: the copy is remembered where
 *   it was read and grouped with the original by its text (near-duplicate.ts).
 */

/** Query parameters that only say where the click came from (`utm_*` is matched by prefix). */
export const TRACKING_PARAMS: readonly string[] = [
  'fbclid', // Facebook
  'gclid', // Google Ads
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid', // Microsoft Ads
  'yclid', // Yandex
  'twclid', // X / Twitter
  'igshid', // Instagram
  'mc_cid', // Mailchimp
  'mc_eid',
  '_ga', // Google Analytics cross-domain
  '_gl',
  '_hsenc', // HubSpot
  '_hsmi',
  'mkt_tok', // Marketo
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'spm', // Alibaba
  'scm',
  'cmpid', // campaign ids used by news sites
  'cmp',
  'ocid', // Microsoft Start / MSN
  'smid', // New York Times share
  'smtyp',
  'sr_share',
  'at_medium', // AT Internet (Le Monde, BBC)
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'xtor',
  'ito',
  'ns_mchannel', // comScore
  'ns_campaign',
  'ns_source',
  'ns_linkname',
  'ns_fee',
  'guccounter', // Yahoo consent redirects
  'guce_referrer',
  'guce_referrer_sig',
  'share',
  'partner',
];

const TRACKING = new Set(TRACKING_PARAMS);
const INDEX_FILE = /\/(?:index\.html?|index\.php|default\.aspx?)$/i;
const KEY_HOST_PREFIX = /^(?:www\d?|m|mobile|amp)\./;
const AMP_CACHE = /(?:^|\.)cdn\.ampproject\.org$|(?:^|\.)ampproject\.net$/;
/** Second-level labels under which a registrable domain takes three labels (a small public-suffix subset). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gv', 'nic', 'govt', 'mil']);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING.has(lower);
}

function parseHttp(raw: string, base?: string): URL | null {
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * A clean address that still loads, or null when `raw` is not an http(s) address.
 * @example normalizeUrl('https://Example.com:443/a/index.html?utm_source=x&b=2&a=1#top') // 'https://example.com/a/?a=1&b=2'
 */
export function normalizeUrl(raw: string, base?: string): string | null {
  const url = parseHttp(raw, base);
  if (!url) return null;
  url.hostname = url.hostname.replace(/\.$/, '');
  if (!url.hash.startsWith('#!')) url.hash = '';
  url.username = '';
  url.password = '';
  url.pathname = url.pathname.replace(INDEX_FILE, '/');
  const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url.href;
}

/**
 * The identity of an article's address: normalized, scheme, mobile/AMP/www host prefix and
 * trailing slash dropped. Null when `raw` is not an http(s) address.
 * @example urlKey('http://www.bbc.com/news/x/?utm_medium=email') === urlKey('https://bbc.com/news/x') // true
 */
export function urlKey(raw: string): string | null {
  const normalized = normalizeUrl(raw);
  if (!normalized) return null;
  const url = new URL(normalized);
  const host = url.hostname.replace(KEY_HOST_PREFIX, '');
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  return `${host}${path}${url.search}${url.hash}`;
}

/**
 * The registrable domain by a small rule (last two labels, three under `co.uk`-like second levels);
 * enough to tell a site's own canonical from another site's, not a full public-suffix list.
 * @example registrableDomain('edition.cnn.com') // 'cnn.com'; registrableDomain('www.bbc.co.uk') // 'bbc.co.uk'
 */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1]!)) return labels.join('.');
  const take = labels[labels.length - 1]!.length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** True for AMP copies: served from an AMP cache, an `amp.` host, an `/amp` path or an `amp` parameter. */
export function isAmpUrl(url: URL): boolean {
  return (
    AMP_CACHE.test(url.hostname) ||
    url.hostname.startsWith('amp.') ||
    /(?:^|\/)amp(?:\/|\.html?$|$)/i.test(url.pathname) ||
    url.searchParams.has('amp') ||
    url.searchParams.get('outputType') === 'amp' ||
    (/(?:^|\.)google\.[a-z.]+$/.test(url.hostname) && url.pathname.startsWith('/amp/'))
  );
}

function isHomePage(url: URL): boolean {
  return url.pathname.replace(INDEX_FILE, '/') === '/' && url.search === '';
}

/** Whether a declared canonical may stand for the page (see the rules in the header). */
function isSaneCanonical(declared: URL, page: URL): boolean {
  if (isHomePage(declared) && !isHomePage(page)) return false;
  return registrableDomain(declared.hostname) === registrableDomain(page.hostname) || isAmpUrl(page);
}

/**
 * The address to remember an article by: the first sane declared address (rel=canonical, then
 * og:url; relative ones resolved against the page), else the page's own, normalized.
 * Null when the page address itself is not http(s).
 * @example
 * canonicalUrl('https://www.reuters.com/world/x/amp/', ['https://www.reuters.com/world/x/']) // 'https://www.reuters.com/world/x/'
 */
export function canonicalUrl(pageUrl: string, declared: readonly (string | null | undefined)[] = []): string | null {
  const page = parseHttp(pageUrl);
  if (!page) return null;
  for (const candidate of declared) {
    if (!candidate) continue;
    const url = parseHttp(candidate, page.href);
    if (url && isSaneCanonical(url, page)) return normalizeUrl(url.href);
  }
  return normalizeUrl(page.href);
}
