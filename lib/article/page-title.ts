/**
 * Picks the article's title: og:title, JSON-LD headline or the h1 before `<title>`, with a
 * trailing (or leading) " - Site name" part removed.
 */

/** Separators that join a headline and a site name in `<title>` and og:title. */
const SEPARATOR = /\s+[-|–—:·•»]\s+|\s+::\s+/g;
const MAX_SITE_WORDS = 3;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Spaces, punctuation and symbols: ASCII's, Latin-1's, general and CJK punctuation. Listed, not
 * `[^\p{L}\p{N}]`: V8 compiles a Unicode property class for a page's two-byte text (any
 * non-Latin-1 page) at a cost of milliseconds, on every page the content script reads.
 */
const NOT_A_NAME_CHAR =
  /[\s!-/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf\u2122\u2190-\u21ff\u2500-\u27bf\u3000-\u303f\uff01-\uff0f]/g;

/** "Daily News" names the same site as "dailynews.com" or "The Daily News". */
function namesSite(part: string, siteName: string | null): boolean {
  if (siteName === null) return false;
  const squash = (text: string): string => text.toLowerCase().replace(NOT_A_NAME_CHAR, '');
  const a = squash(part);
  const b = squash(siteName);
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
}

/** Splits around the last (or first) separator: [headline, site] candidates. */
function splitAt(title: string, last: boolean): [string, string] | null {
  const matches = [...title.matchAll(SEPARATOR)];
  const match = last ? matches.at(-1) : matches[0];
  if (!match || match.index === undefined) return null;
  const before = title.slice(0, match.index).trim();
  const after = title.slice(match.index + match[0].length).trim();
  return last ? [before, after] : [after, before];
}

/**
 * Removes a site-name suffix ("Headline - Site") or prefix ("Site | Headline").
 * @example stripSiteName('Floods return - Daily News', 'Daily News') // 'Floods return'
 */
export function stripSiteName(title: string, siteName: string | null): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  for (const last of [true, false]) {
    const parts = splitAt(clean, last);
    if (!parts) continue;
    const [headline, site] = parts;
    if (headline === '') continue;
    const looksLikeSite = last && words(site) <= MAX_SITE_WORDS && words(headline) >= 2 * words(site);
    if (namesSite(site, siteName) || looksLikeSite) {
      return headline;
    }
  }
  return clean;
}

/** The first non-empty candidate, stripped of the site name. */
export function chooseTitle(candidates: readonly (string | null | undefined)[], siteName: string | null): string {
  for (const candidate of candidates) {
    const text = candidate?.replace(/\s+/g, ' ').trim();
    if (text) return stripSiteName(text, siteName);
  }
  return '';
}
