/**
 * Whose request is it: the page's own (its HTML and stylesheets asked for it) or the extension's,
 * which must make none (issue 8: "the extension makes no network request at all"). Pure, so the
 * rules are unit-tested apart from the browsers that feed them.
 */

/** The extension's own pages and scripts, in Chromium and in Firefox. */
export const EXTENSION_URL = /^(?:chrome|moz)-extension:\/\//;

/** Schemes that leave the browser: anything else (data:, blob:, the extension's files) does not. */
export function isNetworkUrl(url: string): boolean {
  return /^(?:https?|wss?|ftp):/i.test(url);
}

/** The URL as a proxy or a server sees it: normalized, without its fragment. */
export function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/** A CONNECT tunnel's key (`https://host:port/`), as the recording proxy writes it. */
export function tunnelOf(url: string): string | null {
  try {
    const { protocol, hostname, port } = new URL(url);
    if (protocol !== 'https:' && protocol !== 'wss:') return null;
    return `https://${hostname}:${port || '443'}/`;
  } catch {
    return null;
  }
}

interface StackLike {
  callFrames?: readonly { url?: string }[];
  parent?: StackLike;
}

/** What Chromium's `Network.Initiator` (and puppeteer's `request.initiator()`) carries. */
export interface InitiatorLike {
  type?: string;
  url?: string;
  stack?: StackLike;
}

/**
 * True when a request the page's tab reported was started by the extension: a frame of its stack
 * or its initiator URL is in the extension (a content script's `fetch` carries its stack). The
 * type alone says nothing: Chromium calls a `<link rel="modulepreload">` of the page's HTML a
 * script's request, with no stack.
 * @example isExtensionInitiator({ type: 'parser', url: 'http://127.0.0.1/page.html' }) // false
 */
export function isExtensionInitiator(initiator: InitiatorLike | undefined): boolean {
  if (!initiator) return false;
  if (EXTENSION_URL.test(initiator.url ?? '')) return true;
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    if (stack.callFrames?.some((frame) => EXTENSION_URL.test(frame.url ?? ''))) return true;
  }
  return false;
}

/** The path and query of `url` ('/icons/a.png?v=2'), or '' when it is not a URL. */
function pathOf(url: string): string {
  try {
    const { pathname, search } = new URL(url);
    return pathname + search;
  } catch {
    return '';
  }
}

/** The host of `url` (for a tunnel key too), or '' when it has none. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * The browsers' own service hosts (Chromium: autofill, accounts, component updates, time; Firefox:
 * remote settings, add-on blocklists). Through the proxy, a request to one of them that no tab
 * asked for is the browser's own: it is reported apart, never attributed to the extension, whose
 * own requests Chromium's DevTools protocol shows directly (service worker and tabs).
 */
const BROWSER_SERVICE_HOST =
  /(?:^|\.)(?:google\.com|googleapis\.com|gvt1\.com|gvt2\.com|mozilla\.com|mozilla\.net|mozilla\.org|firefox\.com)$/;

/** True when `url` goes to a host of the browser vendor's own services. */
export function isBrowserServiceUrl(url: string): boolean {
  return BROWSER_SERVICE_HOST.test(hostOf(url));
}

/**
 * The requests pages asked for, to judge what the recording proxy and the page server saw: a
 * request no tab reported is the extension's unless the page's HTML names its host (a preconnect
 * or a speculative connection opens a tunnel no tab reports as a request) or, quoted whole, its
 * path (an icon the browser downloads itself).
 */
export interface RequestLedger {
  /** A request a tab reported and did not attribute to the extension. */
  pageAsked(url: string): void;
  /** True when `url` (or the tunnel key it is) is one a page asked for, or `html` names its host or its path. */
  isPages(url: string, html: string): boolean;
}

export function createRequestLedger(): RequestLedger {
  const asked = new Set<string>();
  return {
    pageAsked(url) {
      asked.add(normalizeUrl(url));
      const tunnel = tunnelOf(url);
      if (tunnel) asked.add(tunnel);
    },
    isPages(url, html) {
      if (asked.has(normalizeUrl(url)) || asked.has(url)) return true;
      // A file the page's HTML names by its path, fetched without the tab reporting it (Chromium
      // downloads a page's icon for itself): the page's request.
      const path = pathOf(url);
      if (path.length > 1 && html.includes(`"${path}"`)) return true;
      const host = hostOf(url);
      return host !== '' && host !== '127.0.0.1' && html.includes(host);
    },
  };
}
