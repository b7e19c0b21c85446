/**
 * Which URLs the content script can run on. Browsers keep extensions off their own pages and
 * their add-on stores; the popup says so instead of waiting for an analysis that never comes.
 */
const STORE_HOSTS = ['chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

export function classifyUrl(url: string): 'supported' | 'unsupported' {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'unsupported';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'unsupported';
  if (STORE_HOSTS.includes(parsed.hostname)) return 'unsupported';
  if (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) return 'unsupported';
  return 'supported';
}
