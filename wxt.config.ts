import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { mergeMessages } from './lib/i18n/messages';

/** Each language's `locales/<lang>/*.json` fragments, merged (see lib/i18n/messages.ts). */
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

// Fixed Firefox add-on id: storage and the reader's data are keyed to it across updates.
export const GECKO_ID = 'dramatis@dramatis.dev';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeFiles());
    },
  },
  manifest: {
    name: '__MSG_ext_name__',
    default_locale: 'en',
    description: '__MSG_ext_description__',
    permissions: ['storage'],
    // The sites the content script reads articles on; the same grant lets the background see a
    // tab's URL, to tell the popup whether Dramatis can run there.
    host_permissions: ['http://*/*', 'https://*/*'],
    // Keyboard navigation through the article's names (services/card-commands.ts); the reader
    // can rebind them in the browser's shortcut settings.
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+Right' }, description: '__MSG_nav_next_mention__' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+Left' }, description: '__MSG_nav_previous_mention__' },
    },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '128.0',
        // Dramatis collects nothing: all data stays in the browser.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
