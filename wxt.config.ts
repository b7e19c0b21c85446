import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { localeFiles } from './scripts/lib/locale-files';

// Fixed Firefox add-on id: storage and the reader's data are keyed to it across updates.
export const GECKO_ID = 'dramatis@dramatis.dev';

/**
 * The extension pages' (popup, dashboard, background) Content Security Policy: only the
 * extension's own files may run, load or connect; no plugins, no <base> rewriting, no form posts,
 * no framing by other pages. Stricter than the browsers' defaults, which allow any connection and
 * (MV3) `wasm-unsafe-eval`. WXT writes it as MV3's `extension_pages` for Chrome and as the MV2
 * string for Firefox. tests/e2e/manifest.test.ts holds the built manifests to it. See SECURITY.md.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Lodash's global lookup, bundled inside cytoscape, ends in `Function('return this')()`: never
 * reached in a page or a worker (`self` is found first) and refused by the CSP above if it were,
 * but it is the one string-to-code call in the build and `web-ext lint` flags it. `globalThis` is
 * what it computes.
 */
function noFunctionConstructor(): Plugin {
  const lookup = "Function('return this')()";
  return {
    name: 'dramatis:no-function-constructor',
    transform(code, id) {
      if (!id.includes('/node_modules/cytoscape/') || !code.includes(lookup)) return null;
      return { code: code.replaceAll(lookup, 'globalThis'), map: null };
    },
  };
}

/**
 * Chrome matches an unqualified `::highlight(name)` rule against every element of the page on
 * every style recalculation: the highlight stylesheet, injected into every page, made pages' own
 * rendering 17% slower (80 corpus pages against an empty extension), articles or not. Chrome
 * gives highlight pseudo-elements the inheritance of CSS Pseudo-Elements 4 (every property from
 * the parent's highlight), so the same rules on `:root` alone paint the same and cost nothing
 * measurable.
 * Firefox (ESR 153) does not inherit highlight styles and keeps the unqualified rules.
 */
function rootScopedHighlights(): Plugin {
  return {
    name: 'dramatis:root-scoped-highlights',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0]!.endsWith('/entrypoints/content/highlights.css')) return null;
      const scoped = code.replace(/^::highlight\(/gm, ':root::highlight(');
      // A selector written another way would stay unqualified, and slow every page again.
      const rules = scoped.replace(/\/\*[\s\S]*?\*\//g, '');
      const count = (pattern: RegExp) => rules.match(pattern)?.length ?? 0;
      if (count(/::highlight\(/g) !== count(/^:root::highlight\(/gm)) {
        throw new Error('highlights.css: each ::highlight() selector must begin a line, to be scoped to :root for Chrome');
      }
      return { code: scoped, map: null };
    },
  };
}

/**
 * The popup's scripts ask V8 to compile every function as the script loads (Chrome's explicit
 * compile hints; other engines read a comment). The popup's first render after the background's
 * answer otherwise compiles its components as it first calls them: on an opening with nothing
 * compiled yet, 14 ms median of 5; with the hint, 10 ms, the compiling done while the answer is
 * on its way. The popup's scripts are 30 KB; the dashboard's are not hinted (670 KB).
 */
function popupCompileHints(): Plugin {
  return {
    name: 'dramatis:popup-compile-hints',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && /^chunks\/popup-[\w-]+\.js$/.test(file.fileName)) {
          file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
        }
      }
    },
  };
}

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  vite: ({ browser }) => ({
    plugins: [preact(), noFunctionConstructor(), popupCompileHints(), ...(browser === 'firefox' ? [] : [rootScopedHighlights()])],
    build: { sourcemap: false },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeFiles());
    },
    // Firefox settings only in the Firefox manifest: Chrome reports the key as unrecognized.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') delete manifest.browser_specific_settings;
    },
  },
  manifest: {
    name: '__MSG_ext_name__',
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
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
        // 140: the first ESR that reads `data_collection_permissions`.
        strict_min_version: '140.0',
        // Dramatis collects nothing: all data stays in the browser.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
});
