/**
 * Finds known entity names in text blocks. Word-aligned: a name matches whole words only, the
 * longest name at a position wins, and matches never overlap. Interim matcher for the starter
 * list; the knowledge-base matcher (one Aho-Corasick pass) replaces it.
 */
import type { Entity, Span } from './types';

interface Token {
  start: number;
  end: number;
  key: string;
}

export interface Matcher {
  /** Spans of every entity mention in `blocks`, in order. */
  match(blocks: readonly string[]): Span[];
}

// Letters, marks and digits make words; apostrophes, hyphens and dashes split them, so
// "Iran's" yields "Iran" and "North-South" yields "North", "South".
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Lower-cases and strips diacritics so "Tehran" and "Tehrán" share a key. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, key: foldWord(m[0]) });
  }
  return tokens;
}

function aliasKey(alias: string): string {
  return tokenize(alias)
    .map((t) => t.key)
    .join(' ');
}

// A name in running text starts with a capital (or a letter of a caseless script): "china"
// the porcelain and "turkey" the bird are not the countries.
function startsLikeName(text: string, at: number): boolean {
  const ch = text.codePointAt(at);
  if (ch === undefined) return false;
  const c = String.fromCodePoint(ch);
  return c !== c.toLowerCase() || c === c.toUpperCase();
}

/** Compiles `entities` (canonical names and aliases) into a matcher. */
export function createMatcher(entities: readonly Entity[]): Matcher {
  const byKey = new Map<string, string>();
  let longest = 1;
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) {
      const key = aliasKey(name);
      if (!key || byKey.has(key)) continue;
      byKey.set(key, entity.id);
      longest = Math.max(longest, key.split(' ').length);
    }
  }

  function matchBlock(text: string, block: number, out: Span[]): void {
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length;) {
      const first = tokens[i]!;
      let found: { entityId: string; last: number } | undefined;
      if (startsLikeName(text, first.start)) {
        let key = '';
        for (let n = 0; n < longest && i + n < tokens.length; n++) {
          key = n === 0 ? first.key : `${key} ${tokens[i + n]!.key}`;
          const entityId = byKey.get(key);
          if (entityId) found = { entityId, last: i + n };
        }
      }
      if (found) {
        out.push({ block, start: first.start, end: tokens[found.last]!.end, entityId: found.entityId });
        i = found.last + 1;
      } else {
        i++;
      }
    }
  }

  return {
    match(blocks) {
      const spans: Span[] = [];
      blocks.forEach((text, block) => matchBlock(text, block, spans));
      return spans;
    },
  };
}
