import { describe, expect, test } from 'vitest';
import {
  createRequestLedger,
  isBrowserServiceUrl,
  isExtensionInitiator,
  isNetworkUrl,
  tunnelOf,
} from '../../e2e/request-attribution';

const EXT = 'chrome-extension://abcdefghijklmnop/content-scripts/content.js';

describe('isExtensionInitiator', () => {
  test.each([
    ['a module preload of the page (a "script" with no stack)', { type: 'script' }, false],
    ['a fetch of the content script', { type: 'script', stack: { callFrames: [{ url: EXT }] } }, true],
    ['a stack in the content script', { type: 'other', stack: { callFrames: [{ url: EXT }] } }, true],
    [
      'an async parent stack in the content script',
      { type: 'other', stack: { callFrames: [], parent: { callFrames: [{ url: EXT }] } } },
      true,
    ],
    ['an initiator URL in the add-on', { type: 'other', url: 'moz-extension://1234/background.js' }, true],
    ['the page parser', { type: 'parser', url: 'http://127.0.0.1:8080/page.html' }, false],
    ['a stylesheet', { type: 'parser', url: 'https://cdn.example/site.css' }, false],
    ['the navigation', { type: 'other' }, false],
    ['nothing known', undefined, false],
  ])('%s → %s', (_, initiator, expected) => {
    expect(isExtensionInitiator(initiator)).toBe(expected);
  });
});

test.each([
  ['http://a.example/x', true],
  ['wss://a.example/socket', true],
  ['data:image/png;base64,AAAA', false],
  ['chrome-extension://abc/icon.png', false],
  ['blob:http://127.0.0.1/1234', false],
])('isNetworkUrl(%s) is %s', (url, expected) => {
  expect(isNetworkUrl(url)).toBe(expected);
});

test('tunnelOf gives the key the proxy writes for a CONNECT', () => {
  expect(tunnelOf('https://cdn.example/a.css#x')).toBe('https://cdn.example:443/');
  expect(tunnelOf('wss://live.example:8443/s')).toBe('https://live.example:8443/');
  expect(tunnelOf('http://cdn.example/a.css')).toBeNull();
});

test.each([
  ['https://content-autofill.googleapis.com:443/', true],
  ['https://firefox.settings.services.mozilla.com:443/', true],
  ['https://news.example.com/story', false],
  ['https://notgoogle.com/', false],
])('isBrowserServiceUrl(%s) is %s', (url, expected) => {
  expect(isBrowserServiceUrl(url)).toBe(expected);
});

describe('createRequestLedger', () => {
  test("a page's own requests are the page's, plain or tunnelled", () => {
    const ledger = createRequestLedger();
    ledger.pageAsked('http://img.example/a.png#top');
    ledger.pageAsked('https://cdn.example/site.css');
    expect(ledger.isPages('http://img.example/a.png', '')).toBe(true);
    expect(ledger.isPages('https://cdn.example:443/', '')).toBe(true);
  });

  test('a request no tab asked for is not the page’s, unless its HTML names the host', () => {
    const ledger = createRequestLedger();
    ledger.pageAsked('http://127.0.0.1:8080/page.html');
    expect(ledger.isPages('http://tracker.example/pixel', '<p>no hosts here</p>')).toBe(false);
    expect(ledger.isPages('https://tracker.example:443/', '<link rel="preconnect" href="https://tracker.example">')).toBe(true);
    // The page server is the loopback host, which every page's address names: never enough.
    expect(ledger.isPages('http://127.0.0.1:8080/probe', 'http://127.0.0.1:8080/')).toBe(false);
  });

  test('a file the page’s HTML names by its path is the page’s, whoever fetched it (the browser fetches icons itself)', () => {
    const ledger = createRequestLedger();
    const html = '<link rel="icon" href="/icons/android-chrome-192x192.png?v=20200125" sizes="192x192" />';
    expect(ledger.isPages('http://127.0.0.1:8080/icons/android-chrome-192x192.png?v=20200125', html)).toBe(true);
    // Not a path the page names whole: a prefix of it, or another query.
    expect(ledger.isPages('http://127.0.0.1:8080/icons/', html)).toBe(false);
    expect(ledger.isPages('http://127.0.0.1:8080/icons/android-chrome-192x192.png?v=1', html)).toBe(false);
    expect(ledger.isPages('http://127.0.0.1:8080/', html)).toBe(false);
  });
});
