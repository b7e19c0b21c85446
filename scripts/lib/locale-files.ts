/**
 * Each language's `locales/<lang>/*.json` fragments, merged into the `_locales/<lang>/messages.json`
 * the browsers read (see lib/i18n/messages.ts). Used by the build (wxt.config.ts) and by the
 * tests' fake `browser.i18n` (tests/setup.ts), which must not load the whole build config.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeMessages } from '../../lib/i18n/messages';

export function localeFiles(root = 'locales'): { relativeDest: string; contents: string }[] {
  return readdirSync(root).map((lang) => {
    const dir = join(root, lang);
    const fragments = Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => [`${lang}/${f}`, JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown]),
    );
    return { relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(mergeMessages(fragments), null, 2) };
  });
}
