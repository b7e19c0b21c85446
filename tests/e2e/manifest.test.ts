/**
 * The built manifests and files, as the browsers and the stores read them (SECURITY.md): no door
 * for other extensions or web pages (`externally_connectable`, web-accessible resources), a strict
 * CSP on the extension pages, exactly the permissions the README explains, the fixed Firefox id,
 * and no code from anywhere but the package (no remote script, no string turned into code).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHROME_DIR, FIREFOX_DIR } from './harness';

const HOSTS = ['http://*/*', 'https://*/*'];
const BUILDS = [
  ['chrome-mv3', CHROME_DIR],
  ['firefox-mv2', FIREFOX_DIR],
] as const;

type Manifest = Record<string, unknown> & {
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
};

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

/** A CSP string as directive → sources. */
function parseCsp(csp: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** What makes an extension page's CSP less than strict; empty when it is strict. */
function cspProblems(csp: string): string[] {
  const d = parseCsp(csp);
  const problems: string[] = [];
  const exactly = (name: string, wanted: string[]) => {
    const got = d.get(name);
    if (!got || got.join(' ') !== wanted.join(' ')) problems.push(`${name} is ${got?.join(' ') ?? 'missing'}`);
  };
  exactly('default-src', ["'self'"]);
  exactly('script-src', ["'self'"]);
  exactly('object-src', ["'none'"]);
  exactly('base-uri', ["'none'"]);
  exactly('form-action', ["'none'"]);
  exactly('frame-ancestors', ["'none'"]);
  for (const [name, sources] of d) {
    for (const s of sources) {
      if (/unsafe|^\*$|^https?:|^\/\/|^data:|^blob:|^[\w.-]+\.[a-z]{2,}/i.test(s)) problems.push(`${name} allows ${s}`);
    }
  }
  return problems;
}

/**
 * Places in a built file where code or a page could come from the network, or a string could
 * become code: remote `<script>`/`<link>`/`import()`, `importScripts`, workers, `eval`, `Function`.
 */
function remoteCodeIn(text: string): string[] {
  const patterns: RegExp[] = [
    /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//gi,
    /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\//gi,
    /\bimport\s*\(\s*["'`](?:https?:)?\/\//g,
    /\bimportScripts\s*\(/g,
    /\bnew\s+(?:Shared)?Worker\s*\(\s*["'`](?:https?:)?\/\//g,
    /(?<![\w$.])eval\s*\(/g,
    /(?<![\w$.])(?:new\s+)?Function\s*\(/g,
    /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g,
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[0]));
}

describe.each(BUILDS)('%s', (_name, dir) => {
  const manifest = manifestOf(dir);
  const mv3 = manifest.manifest_version === 3;

  test('no door for other extensions or web pages: no externally_connectable, no web-accessible resources', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  test('the extension pages’ CSP is strict', () => {
    const csp = mv3
      ? (manifest.content_security_policy as { extension_pages?: string })?.extension_pages
      : manifest.content_security_policy;
    expect(typeof csp).toBe('string');
    expect(cspProblems(csp as string)).toEqual([]);
  });

  test('permissions are exactly storage, unlimitedStorage and the web pages the content script reads', () => {
    const permissions = manifest.permissions as string[];
    if (mv3) {
      expect([...permissions].sort()).toEqual(['storage', 'unlimitedStorage']);
      expect(manifest.host_permissions).toEqual(HOSTS);
    } else {
      expect([...permissions].sort()).toEqual([...HOSTS, 'storage', 'unlimitedStorage'].sort());
      expect(manifest).not.toHaveProperty('host_permissions');
    }
    expect(manifest).not.toHaveProperty('optional_permissions');
    expect(manifest).not.toHaveProperty('optional_host_permissions');
    const scripts = manifest.content_scripts as { matches: string[]; all_frames?: boolean }[];
    expect(scripts.map((s) => s.matches)).toEqual([HOSTS]);
  });

  test(mv3 ? 'no Firefox settings in the Chrome manifest' : 'the Firefox add-on id is fixed and collects nothing', () => {
    const gecko = (manifest.browser_specific_settings as { gecko?: Record<string, unknown> } | undefined)?.gecko;
    if (mv3) return expect(gecko).toBeUndefined();
    expect(gecko?.id).toBe('dramatis@dramatis.dev');
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  test('the content stylesheet scopes highlight rules to :root where highlight styles inherit (Chrome) only', () => {
    const css = readFileSync(join(dir, 'content-scripts/content.css'), 'utf8');
    const rules = css.match(/[^{}]*::highlight\([\w-]+\)\s*\{/g) ?? [];
    expect(rules.length).toBeGreaterThanOrEqual(31);
    for (const rule of rules) expect(rule.trim().startsWith(':root::highlight(')).toBe(mv3);
  });

  test('the popup’s scripts ask to be compiled as they load', () => {
    const popup = readFileSync(join(dir, 'popup.html'), 'utf8');
    const entry = /<script[^>]+src="\/(chunks\/popup-[\w-]+\.js)"/.exec(popup)?.[1];
    expect(entry).toBeDefined();
    expect(readFileSync(join(dir, entry!), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
  });

  test('the content script makes no Intl object: the background writes the card’s dates and countries', () => {
    // A process's first Intl object loads the locale's data (16-40 ms in blank Chromium tabs).
    const script = readFileSync(join(dir, 'content-scripts/content.js'), 'utf8');
    expect(script.match(/\bIntl\b|toLocale\w*String|localeCompare/g) ?? []).toEqual([]);
  });

  test('no remote code and no string turned into code in any built file', () => {
    const found = filesOf(dir)
      .filter((f) => /\.(m?js|html|json)$/.test(f))
      .flatMap((f) => remoteCodeIn(readFileSync(f, 'utf8')).map((hit) => `${relative(dir, f)}: ${hit}`));
    expect(found).toEqual([]);
  });
});

// The checks themselves must be able to fail: each is shown a build that breaks it.
test.each([
  ["script-src 'self' 'wasm-unsafe-eval'; object-src 'self';", /script-src allows 'wasm-unsafe-eval'/],
  ["default-src 'self'; script-src 'self' https://cdn.example; object-src 'none'", /script-src allows https:/],
  ["script-src 'self'; object-src 'none'", /base-uri is missing/],
])('cspProblems refuses %s', (csp, problem) => {
  expect(cspProblems(csp).join('\n')).toMatch(problem);
});

test.each([
  '<script type="module" src="https://cdn.example/app.js"></script>',
  '<script src="//cdn.example/app.js"></script>',
  'await import("https://cdn.example/mod.js")',
  "importScripts('lib.js')",
  'var root=freeSelf||Function(`return this`)()',
  'x=eval(s)',
  'setTimeout("alert(1)", 0)',
])('remoteCodeIn finds %s', (text) => {
  expect(remoteCodeIn(text)).not.toEqual([]);
});

test('remoteCodeIn lets the build’s own forms pass', () => {
  const own = `<script type="module" crossorigin src="/chunks/popup.js"></script><link rel="stylesheet" href="/assets/a.css">
    isFunction(x); a.eval(y); import('./chunk.js'); new Worker(new URL('./w.js', import.meta.url))`;
  expect(remoteCodeIn(own)).toEqual([]);
});
