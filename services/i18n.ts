/**
 * `t(key, ...substitutions)`: every user-visible string goes through `browser.i18n`, so a
 * translation is a new `locales/<lang>/` folder and no code change. Keys live in
 * `locales/en/*.json`; a test checks every key used in the code exists there.
 */
import { browser } from 'wxt/browser';

export function t(key: string, ...substitutions: (string | number)[]): string {
  // WXT types getMessage from public/_locales, which this project builds from fragments instead.
  const text = (browser.i18n.getMessage as (name: string, substitutions?: string[]) => string)(key, substitutions.map(String));
  // An unknown key must be visible in review, not a blank in the UI.
  return text || key;
}
