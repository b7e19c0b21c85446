import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { localeFiles } from './scripts/lib/locale-files';

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
    // `unlimitedStorage`: the reading memory (tens of thousands of articles) must not be evicted
    // or capped by the origin's quota; it is what makes an extension's IndexedDB persistent.
    permissions: ['storage', 'unlimitedStorage'],
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
