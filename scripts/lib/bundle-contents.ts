/**
 * What the content script is made of: the content entrypoint built once more, with a source map,
 * into a scratch folder (the real build and wxt.config.ts stay as they are), and every byte of
 * the minified output attributed to the source it came from (Source Map v3 "mappings").
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'wxt';

export interface Contributor {
  /** A package (`preact`), a project folder (`lib/article`) or `(runtime)` for unmapped bytes. */
  name: string;
  bytes: number;
  /** Gzip of this contributor's bytes alone: an upper bound of what it adds to the bundle. */
  gzip: number;
  files: { file: string; bytes: number }[];
}

/** Builds only the content script for Chrome into `outDir`, with a source map beside it. */
export async function buildContentWithSourceMap(outDir: string): Promise<{ js: string; map: string }> {
  await build({
    browser: 'chrome',
    outDir,
    filterEntrypoints: ['content'],
    logger: {
      ...console,
      debug: () => undefined,
      log: () => undefined,
      info: () => undefined,
      success: () => undefined,
    } as never,
    vite: () => ({ build: { sourcemap: true } }),
  });
  const file = join(outDir, 'chrome-mv3/content-scripts/content.js');
  return { js: readFileSync(file, 'utf8'), map: readFileSync(`${file}.map`, 'utf8') };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one segment's base64 VLQ fields. */
function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Bytes of generated code per source file (UTF-16 units, near enough for minified ASCII). */
export function bytesBySource(js: string, mapText: string): Map<string, string> {
  const map = JSON.parse(mapText) as { sources: string[]; mappings: string };
  const lines = js.split('\n');
  const chunks = new Map<string, string[]>();
  const add = (source: string, text: string) => {
    if (!chunks.has(source)) chunks.set(source, []);
    chunks.get(source)!.push(text);
  };
  let source = 0;
  map.mappings.split(';').forEach((lineMappings, lineNo) => {
    const line = lines[lineNo] ?? '';
    let column = 0;
    const starts: [number, number | null][] = [];
    for (const segment of lineMappings.split(',').filter(Boolean)) {
      const fields = decodeVlq(segment);
      column += fields[0]!;
      if (fields.length >= 4) source += fields[1]!;
      // Later fields (line, column, name) are relative too, but only the source matters here.
      starts.push([column, fields.length >= 4 ? source : null]);
    }
    if (starts.length === 0 || starts[0]![0] > 0) add('(runtime)', line.slice(0, starts[0]?.[0] ?? line.length));
    starts.forEach(([at, src], i) => {
      const text = line.slice(at, starts[i + 1]?.[0] ?? line.length);
      add(src === null ? '(runtime)' : map.sources[src]!, text);
    });
  });
  return new Map([...chunks].map(([s, texts]) => [s, texts.join('')]));
}

/** `node_modules/@scope/pkg/...` → `@scope/pkg`; a project file → its folder (`lib/article`). */
function ownerOf(file: string): string {
  const inModules = file.split('node_modules/').at(-1)!;
  if (inModules !== file)
    return inModules.startsWith('@') ? inModules.split('/').slice(0, 2).join('/') : inModules.split('/')[0]!;
  const parts = file.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.length === 2 ? parts[0]! : file;
}

/** Contributors to the bundle, largest first, with their files. */
export function contributors(js: string, mapText: string, mapDir: string): Contributor[] {
  const root = resolve('.');
  const groups = new Map<string, { texts: string[]; files: { file: string; bytes: number }[] }>();
  for (const [source, text] of bytesBySource(js, mapText)) {
    const file = source === '(runtime)' ? source : relative(root, resolve(mapDir, source)).replace(/\\/g, '/');
    const name = source === '(runtime)' ? source : ownerOf(file);
    if (!groups.has(name)) groups.set(name, { texts: [], files: [] });
    groups.get(name)!.texts.push(text);
    groups.get(name)!.files.push({ file, bytes: text.length });
  }
  return [...groups]
    .map(([name, { texts, files }]) => {
      const all = texts.join('');
      return {
        name,
        bytes: all.length,
        gzip: gzipSync(all, { level: 9 }).length,
        files: files.sort((a, b) => b.bytes - a.bytes),
      };
    })
    .sort((a, b) => b.bytes - a.bytes);
}
