/**
 * The knowledge base as the background uses it: the pack installed in IndexedDB, and two compiled
 * matchers, each loaded from its cache when its entities have not changed since it was built, so
 * a service worker the browser restarted is ready without recompiling. The base matcher holds the
 * pack, imports and the reader's entities; the learned one holds names discovered while reading,
 * so learning (every article) recompiles only the small one. Edits reload both.
 */
import { STARTER_PACK, packVersion } from '../lib/entities/pack';
import { nameKey, type EntityRepo } from '../lib/entities/repo';
import type { Entity } from '../lib/entities/types';
import {
  aliasesOf,
  compileMatcher,
  createKbMatcher,
  deserializeMatcher,
  serializeMatcher,
  type CompiledMatcher,
} from '../lib/matcher';
import { combineMatchers, type CandidateMatcher } from '../lib/analysis/combine-matchers';
import { findSpans, knownSpans } from '../lib/analysis/analyze-article';
import { warmUpBlocks } from '../lib/analysis/warm-up';

export interface LoadedKnowledgeBase {
  matcher: CandidateMatcher;
  entities: ReadonlyMap<string, Entity>;
  /** Names discovery must never propose: rejected by the reader, or of an entity the reader hid. */
  isSuppressed(name: string): boolean;
  /** How the matchers were obtained and how long being ready took, for the bench and the logs. */
  stats: { from: 'cache' | 'compiled'; readyMs: number; entities: number };
}

export interface KnowledgeBase {
  current(): Promise<LoadedKnowledgeBase>;
  /** Rebuilds after the entities changed; analyses wait for the new one. */
  reload(): Promise<LoadedKnowledgeBase>;
  /** Rebuilds only the learned matcher, after learning. */
  reloadLearned(): Promise<LoadedKnowledgeBase>;
}

type Tier = 'base' | 'learned';
const isLearned = (e: Entity) => e.source?.kind === 'discovered';

async function compiledFor(repo: EntityRepo, tier: Tier, entities: Entity[]) {
  const revision = tier === 'base' ? await repo.revision() : await repo.learnedRevision();
  const cache = await repo.readMatcherCache(tier);
  if (cache?.revision === revision) return { compiled: deserializeMatcher(cache.buffer), from: 'cache' as const };
  const compiled = compileMatcher(aliasesOf(entities));
  // Only a cache: a full disk costs the next start a recompile, never this one its matcher.
  await repo
    .writeMatcherCache({ revision, buffer: serializeMatcher(compiled) }, tier)
    .catch((error: unknown) => console.warn('Dramatis: could not cache the matcher', error));
  return { compiled, from: 'compiled' as const };
}

interface Loaded extends LoadedKnowledgeBase {
  base: CompiledMatcher;
}

/** The bundled pack's version: hashing it costs milliseconds, and it never changes while running. */
let bundledVersion: string | undefined;

async function load(repo: EntityRepo, keepBase?: CompiledMatcher): Promise<Loaded> {
  const started = performance.now();
  // Reloading after learning keeps the base matcher: the pack was installed by the first load.
  if (!keepBase) await repo.installPack(STARTER_PACK, (bundledVersion ??= packVersion()));
  const all = await repo.all();
  const visible = all.filter((e) => !e.hidden);
  const base = keepBase
    ? { compiled: keepBase, from: 'cache' as const }
    : await compiledFor(
        repo,
        'base',
        visible.filter((e) => !isLearned(e)),
      );
  const learned = await compiledFor(repo, 'learned', visible.filter(isLearned));
  const suppressed = await repo.rejectedKeys();
  for (const e of all) if (e.hidden) for (const name of [e.name, ...e.aliases]) suppressed.add(nameKey(name));
  return {
    base: base.compiled,
    matcher: combineMatchers(createKbMatcher(base.compiled), createKbMatcher(learned.compiled)),
    entities: new Map(visible.map((e) => [e.id, e])),
    isSuppressed: (name) => suppressed.has(nameKey(name)),
    stats: {
      from: base.from === 'cache' && learned.from === 'cache' ? 'cache' : 'compiled',
      readyMs: performance.now() - started,
      entities: visible.length,
    },
  };
}

/** Loads (installing or upgrading the pack first) the knowledge base from `repo`. */
export async function loadKnowledgeBase(repo: EntityRepo): Promise<LoadedKnowledgeBase> {
  return load(repo);
}

/** Rounds of the warm-up: the known names' matching (the page waits for it), then discovery. */
const WARM_UP_KNOWN = 30;
const WARM_UP_DISCOVERY = 3;

/**
 * Matches sample text made of the knowledge base's names a few times, one round per task so a
 * page's request waits for one round at most (a millisecond): the engine then runs the matcher,
 * and discovery after it, as compiled code from the reader's first article on
 * (lib/analysis/warm-up.ts). Resolves to the spans the last round found.
 */
export async function warmUp(loaded: Pick<LoadedKnowledgeBase, 'matcher' | 'entities'>): Promise<number> {
  const blocks = warmUpBlocks([...loaded.entities.values()]);
  let found = 0;
  for (let round = 0; round < WARM_UP_KNOWN + WARM_UP_DISCOVERY; round++) {
    await new Promise((resume) => setTimeout(resume, 0));
    // Each round's own text: the same blocks again would be found in the matcher's and the
    // tokenizer's memos (lib/block-memo.ts), and their code would not run.
    const texts = blocks.map((text) => `${text} (${round + 1})`);
    found =
      round < WARM_UP_KNOWN
        ? knownSpans(texts, loaded.matcher, loaded.entities).length
        : findSpans(texts, loaded.matcher, loaded.entities).spans.length;
  }
  return found;
}

export function createKnowledgeBase(repo: EntityRepo): KnowledgeBase {
  let loading = load(repo);
  loading.then(warmUp).catch(() => undefined);
  /** A learned-matcher rebuild in progress, and how many edits have reloaded everything. */
  let rebuilding: Promise<Loaded> | undefined;
  let generation = 0;
  return {
    current: () => loading,
    reload() {
      generation++;
      rebuilding = undefined;
      loading = load(repo);
      return loading;
    },
    /**
     * Articles keep the current matchers while the learned one is rebuilt (a page analyzed
     * meanwhile lacks only the names the last article taught); it replaces them once ready.
     */
    reloadLearned() {
      const edits = generation;
      const next = (rebuilding ?? loading).then(
        (p) => load(repo, p.base),
        () => load(repo),
      );
      rebuilding = next;
      return next.then((loaded) => {
        // Only the newest rebuild, and none an edit's full reload has overtaken, takes over.
        if (rebuilding === next && edits === generation) {
          loading = next;
          rebuilding = undefined;
        }
        return loaded;
      });
    },
  };
}
