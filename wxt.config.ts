import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Fixed Firefox add-on id: storage and the reader's data are keyed to it across updates.
export const GECKO_ID = 'dramatis@dramatis.dev';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: {
    name: 'Dramatis',
    description:
      'Keeps the cast of the news straight: highlights the people, organizations and places in the article you read. Nothing leaves your browser.',
    permissions: ['storage'],
    // The sites the content script reads articles on; the same grant lets the background see a
    // tab's URL, to tell the popup whether Dramatis can run there.
    host_permissions: ['http://*/*', 'https://*/*'],
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
