/**
 * Convention check for the extension's strings (refined-github's build/verify-features.ts is the
 * model: a script beats a reminder). Every user-visible string goes through `t('key')` with a
 * literal key that `locales/en` defines, every key there is used, and no JSX carries English
 * text of its own, so a translation is a new `locales/<lang>/` folder and no code change.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { mergeMessages, type Messages } from '../../../lib/i18n/messages';

const ROOT = join(import.meta.dirname, '../../..');
const LOCALES = join(ROOT, 'locales');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

function parse(path: string): ts.SourceFile {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(path, readFileSync(join(ROOT, path), 'utf8'), ts.ScriptTarget.Latest, true, kind);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function where(node: ts.Node): string {
  const file = node.getSourceFile();
  return `${file.fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

function fragments(lang: string): Record<string, unknown> {
  const dir = join(LOCALES, lang);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [`${lang}/${f}`, JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown]),
  );
}

const SOURCES = [
  ...filesUnder('components', /\.tsx?$/),
  ...filesUnder('entrypoints', /\.tsx?$/),
  ...filesUnder('services', /\.tsx?$/),
];
const english: Messages = mergeMessages(fragments('en'));

/** The areas keys are named by (`panel_`, `card_`, `type_`...): a literal shaped so is a key. */
const AREAS = new Set(Object.keys(english).map((k) => k.split('_')[0]!));
const isKeyShaped = (text: string) => /^[a-z]+(_[a-z0-9]+)+$/.test(text) && AREAS.has(text.split('_')[0]!);

interface KeyUse {
  /** The key, or for `t(\`type_one_${type}\`)` the pattern of the keys it may be. */
  key: string | RegExp;
  at: string;
}

/**
 * The keys the sources use: `t('literal')`, `t(\`prefix_${x}\`)` as a pattern, and key-shaped
 * literals elsewhere, which is how a table of keys (`{ pin: 'card_action_pin' }`) passed to `t()`
 * shows up. A `t(variable)` is then covered by the table it reads.
 */
const uses: KeyUse[] = SOURCES.flatMap((path) => {
  const found: KeyUse[] = [];
  walk(parse(path), (node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && isKeyShaped(node.text))
      found.push({ key: node.text, at: where(node) });
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 't') return;
    const [first] = node.arguments;
    if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) && !isKeyShaped(first.text))
      found.push({ key: first.text, at: where(node) });
    if (first && ts.isTemplateExpression(first)) {
      const parts = [first.head.text, ...first.templateSpans.map((span) => span.literal.text)];
      found.push({
        key: new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\w+')}$`),
        at: where(node),
      });
    }
  });
  return found;
});

/** Keys the manifest uses (`__MSG_name__`), in the build config and the entrypoints. */
const manifestKeys = ['wxt.config.ts', ...SOURCES].flatMap((path) =>
  [...readFileSync(join(ROOT, path), 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!),
);

const isUsed = (key: string) =>
  manifestKeys.includes(key) || uses.some((u) => (typeof u.key === 'string' ? u.key === key : u.key.test(key)));

describe('t() keys', () => {
  test('the sources use t()', () => {
    expect(uses.length).toBeGreaterThan(100);
  });

  test('every key used exists in locales/en', () => {
    const keys = Object.keys(english);
    const missing = uses
      .filter((u) => (typeof u.key === 'string' ? !(u.key in english) : !keys.some((k) => (u.key as RegExp).test(k))))
      .map((u) => `${u.at}: ${String(u.key)}`);
    expect(missing).toEqual([]);
    expect(manifestKeys.filter((k) => !(k in english))).toEqual([]);
  });

  test('every key in locales/en is used', () => {
    expect(Object.keys(english).filter((k) => !isUsed(k))).toEqual([]);
  });
});

describe('locales', () => {
  test.each(readdirSync(LOCALES))('%s: the fragments merge into one messages.json', (lang) => {
    expect(() => mergeMessages(fragments(lang))).not.toThrow();
  });

  test('every English message says what it is for, and names its placeholders', () => {
    for (const [key, entry] of Object.entries(english)) {
      expect(entry.description?.trim(), key).toBeTruthy();
      const named = [...entry.message.matchAll(/\$(\w+)\$/g)].map((m) => m[1]!.toLowerCase());
      expect(named.filter((n) => !Object.keys(entry.placeholders ?? {}).some((p) => p.toLowerCase() === n))).toEqual([]);
    }
  });
});

/** Attributes a screen reader or a tooltip shows the reader. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt']);
const HAS_LETTER = /\p{L}/u;

/** JSX text and text attributes written in the source rather than read from the messages. */
function jsxLiterals(path: string): string[] {
  const found: string[] = [];
  walk(parse(path), (node) => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) found.push(`${where(node)}: ${node.text.trim()}`);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText())) {
      let value: ts.Node | undefined = node.initializer;
      if (value && ts.isJsxExpression(value)) value = value.expression;
      const text =
        value && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value))
          ? value.text
          : value && ts.isTemplateExpression(value)
            ? [value.head.text, ...value.templateSpans.map((s) => s.literal.text)].join(' ')
            : '';
      if (HAS_LETTER.test(text)) found.push(`${where(node)}: ${node.getText()}`);
    }
  });
  return found;
}

test.each([...filesUnder('components', /\.tsx$/), ...filesUnder('entrypoints', /\.tsx$/)].map((f) => [relative('.', f)]))(
  '%s has no JSX text of its own',
  (path) => {
    expect(jsxLiterals(path)).toEqual([]);
  },
);
