/**
 * Full-text search over the stored articles, with MiniSearch (lucaong/minisearch).
 *
 * Why MiniSearch over FlexSearch: it is written in TypeScript and ships its own types; it adds
 * and discards one document at a time by id (a re-visit or a deletion never rebuilds the index);
 * it serializes synchronously to JSON (`toJSON`/`loadJSON`) so a restarted worker loads the index
 * instead of re-reading every article; it ranks with BM25 and reports which index terms matched
 * each result, which is what highlighting needs; and it has no dependencies. FlexSearch is faster
 * on huge corpora, but its 0.8 export is asynchronous and keyed by callbacks, its types are
 * separate, and it returns ids without the matched terms.
 *
 * Memory bound: an inverted index costs per distinct (term, article) pair, so each article's
 * text is indexed only up to `SEARCH_TEXT_CHARS` (news puts the essentials first, in the lede), and
 * only the `SEARCH_ACTORS` most mentioned actors' names; title and site are indexed whole.
 * Stopwords are not indexed. Measured (scripts/bench-memory.ts, 1,000 characters, 12 actors):
 * ≈ 6 KB of heap per article, 66 MB at 10,000 articles and 300 MB at 50,000 (3,000 characters
 * cost twice as much; FlexSearch 0.8 measured about half), so the index belongs in the page that
 * searches (the dashboard), loaded on demand, not in the background for good. Snippets come back
 * as plain data (`{ text, marks }`), never HTML.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { RelatedIndex } from './related-index';

/** Characters of each article's text that are indexed (the lede: ≈ 150 words). */
export const SEARCH_TEXT_CHARS = 1_000;
/** Actor names indexed per article, most mentioned first (the rest are reached by the entity filter). */
export const SEARCH_ACTORS = 12;
const SEARCH_VERSION = 1;

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
const STOPWORDS = new Set(
  'a an and are as at be but by for from had has have he her his in is it its of on or she that the their they this to was were will with which who would'.split(
    ' ',
  ),
);

/** An article as the search indexes it. */
export interface SearchableArticle {
  id: string;
  title: string;
  text: string;
  site: string;
  /** Names of its entities, most mentioned first, resolved by the caller. */
  entityNames: readonly string[];
}

export interface SearchFilters {
  site?: string;
  /** Read at or after, epoch milliseconds. */
  from?: number;
  /** Read before, epoch milliseconds. */
  to?: number;
  entityId?: string;
  topicId?: string;
}

export interface SearchHit {
  id: string;
  score: number;
  /** The index terms that matched: pass them to `snippet`. */
  terms: string[];
}

export interface SearchOptions {
  filters?: SearchFilters;
  limit?: number;
  offset?: number;
}

/** Structured highlighting: `marks` are [start, end) offsets into `text`. */
export interface Snippet {
  text: string;
  marks: [number, number][];
  /** Whether text was cut before / after the excerpt (the view adds an ellipsis). */
  cutStart: boolean;
  cutEnd: boolean;
}

interface SearchDoc {
  id: string;
  title: string;
  text: string;
  site: string;
  actors: string;
}

/**
 * The form a word is indexed and searched under: lower case, accents dropped; null for stopwords.
 * @example searchTerm('Zürich') // 'zurich'
 */
export function searchTerm(word: string): string | null {
  const term = word.toLowerCase().normalize('NFD').replace(MARKS, '');
  return STOPWORDS.has(term) ? null : term;
}

const tokenize = (text: string) => text.match(WORD) ?? [];

const OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'text', 'site', 'actors'],
  storeFields: [],
  tokenize,
  processTerm: (term) => searchTerm(term) ?? false,
  searchOptions: {
    boost: { title: 2, actors: 1.5 },
    combineWith: 'AND',
    prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
  },
  autoVacuum: { minDirtCount: 200, minDirtFactor: 0.05, batchSize: 1000, batchWait: 10 },
};

function toDoc(article: SearchableArticle): SearchDoc {
  return {
    id: article.id,
    title: article.title,
    text: article.text.slice(0, SEARCH_TEXT_CHARS),
    site: article.site,
    actors: article.entityNames.slice(0, SEARCH_ACTORS).join('\n'),
  };
}

/** Whether the article at `id` passes the filters, answered from the related index. */
function passes(index: RelatedIndex, id: string, filters: SearchFilters): boolean {
  const slot = index.slotOf(id);
  if (slot === undefined) return false;
  const readAt = index.readAtOf(slot);
  if (filters.from !== undefined && readAt < filters.from) return false;
  if (filters.to !== undefined && readAt >= filters.to) return false;
  if (filters.site !== undefined && index.siteName(slot) !== filters.site) return false;
  if (filters.entityId !== undefined && !index.entitiesOf(slot).includes(index.entityNumber(filters.entityId) ?? -1))
    return false;
  if (filters.topicId !== undefined && !index.topicsOf(slot).includes(index.topicNumber(filters.topicId) ?? -1)) return false;
  return true;
}

function wrap(engine: MiniSearch<SearchDoc>) {
  return {
    get size() {
      return engine.documentCount;
    },
    has: (id: string) => engine.has(id),
    /** Adds an article, or replaces it when its id is indexed already. */
    add(article: SearchableArticle): void {
      if (engine.has(article.id)) engine.discard(article.id);
      engine.add(toDoc(article));
    },
    addAll(articles: Iterable<SearchableArticle>): void {
      for (const article of articles) this.add(article);
    },
    remove(id: string): void {
      if (engine.has(id)) engine.discard(id);
    },
    clear(): void {
      engine.removeAll();
    },

    /**
     * Articles matching every word of `query` (the last one as a prefix), best first; with an
     * empty query and filters, every article that passes them, latest first.
     * @example search.search('sayyari xiangshan', { filters: { from: Date.parse('2025-01-01') } }, index)
     */
    search(query: string, options: SearchOptions, index: RelatedIndex): SearchHit[] {
      const filters = options.filters ?? {};
      const filtered = Object.values(filters).some((v) => v !== undefined);
      const filter = filtered ? (r: SearchResult) => passes(index, r.id as string, filters) : undefined;
      const words = tokenize(query).filter((w) => searchTerm(w) !== null);
      let results: SearchResult[];
      if (words.length > 0) results = engine.search(words.join(' '), { filter });
      else if (filtered) {
        results = engine.search(MiniSearch.wildcard, { filter });
        results.sort((a, b) => index.readAtOf(index.slotOf(b.id)!) - index.readAtOf(index.slotOf(a.id)!));
      } else results = [];
      const offset = options.offset ?? 0;
      return results
        .slice(offset, offset + (options.limit ?? 20))
        .map((r) => ({ id: r.id as string, score: r.score, terms: r.terms }));
    },

    /** The index as JSON, for IndexedDB. */
    toJSON(): string {
      return JSON.stringify({ version: SEARCH_VERSION, textChars: SEARCH_TEXT_CHARS, index: engine.toJSON() });
    },
  };
}

export type ArticleSearch = ReturnType<typeof wrap>;

export function createArticleSearch(): ArticleSearch {
  return wrap(new MiniSearch<SearchDoc>(OPTIONS));
}

/**
 * Loads an index `toJSON` wrote; null when it was written by another version or with another
 * text cap (the caller rebuilds from the articles).
 */
export function loadArticleSearch(json: string): ArticleSearch | null {
  try {
    const saved = JSON.parse(json) as { version?: unknown; textChars?: unknown; index?: unknown };
    if (saved.version !== SEARCH_VERSION || saved.textChars !== SEARCH_TEXT_CHARS) return null;
    return wrap(MiniSearch.loadJS<SearchDoc>(saved.index as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS));
  } catch {
    return null;
  }
}

/** Words of `text` whose search term is one of `terms`, as [start, end) offsets. */
function findMarks(text: string, terms: ReadonlySet<string>): [number, number][] {
  const marks: [number, number][] = [];
  for (const match of text.matchAll(WORD)) {
    const term = searchTerm(match[0]);
    if (term !== null && terms.has(term)) marks.push([match.index, match.index + match[0].length]);
  }
  return marks;
}

/**
 * The excerpt of `text` around the densest run of matched terms, at most `length` characters,
 * cut at word boundaries; the whole text when it is short (titles).
 * @example snippet('Admiral Habibollah Sayyari spoke…', ['sayyari']).marks // [[19, 26]]
 */
export function snippet(text: string, terms: readonly string[], length = 240): Snippet {
  const all = findMarks(text, new Set(terms));
  if (text.length <= length) return { text, marks: all, cutStart: false, cutEnd: false };
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < all.length; i++) {
    while (j < all.length && all[j]![1] - all[i]![0] <= length) j++;
    if (j - i > bestCount) [best, bestCount] = [i, j - i];
  }
  const anchor = all[best]?.[0] ?? 0;
  let start = Math.max(0, anchor - Math.floor(length / 4));
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + length);
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  const marks = all.filter(([s, e]) => s >= start && e <= end).map(([s, e]): [number, number] => [s - start, e - start]);
  return { text: text.slice(start, end), marks, cutStart: start > 0, cutEnd: end < text.length };
}
