/**
 * `t(key, ...substitutions)`: every user-visible string goes through `browser.i18n`, so a
 * translation is a new `locales/<lang>/` folder and no code change. Keys live in
 * `locales/en/*.json`; a test checks every key used in the code exists there.
 */
import { browser } from 'wxt/browser';

/**
 * Messages already read: the browser's lookup is a call into the extension runtime, and a panel
 * of a few hundred actors made thousands of them (15 ms of the popup's first frame). The UI
 * language does not change while a page is open.
 */
const read = new Map<string, string>();

export function t(key: string, ...substitutions: (string | number)[]): string {
  const id = substitutions.length === 0 ? key : `${key}\u0000${substitutions.join('\u0000')}`;
  const known = read.get(id);
  if (known !== undefined) return known;
  // WXT types getMessage from public/_locales, which this project builds from fragments instead.
  const text = (browser.i18n.getMessage as (name: string, substitutions?: string[]) => string)(key, substitutions.map(String));
  // An unknown key must be visible in review, not a blank in the UI.
  const shown = text || key;
  if (read.size < 5_000) read.set(id, shown);
  return shown;
}
