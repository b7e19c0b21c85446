/**
 * The in-memory index behind related articles, the hover card's "in N of your articles" and the
 * search filters: entity → postings (article slots with mention counts), plus per article its read
 * date, group, site, entities and topics. Ids are interned to small integers so 50,000 articles of
 * 30 entities are ~1.5 M numbers in packed arrays, not a million objects. Updated per article
 * (add, update, remove); `toSnapshot`/`loadRelatedIndex` let a restarted worker load it from
 * IndexedDB (typed arrays, stored by structured clone) instead of reading every article.
 */

/** What the index keeps of an article (an `ArticleRecord` has all of it). */
export interface IndexedArticle {
  id: string;
  readAt: number;
  groupId: string;
  site: string;
  entities: readonly { id: string; count: number }[];
  topics: readonly { id: string }[];
}

export interface RelatedSnapshot {
  version: 1;
  entities: string[];
  topics: string[];
  sites: string[];
  groups: string[];
  ids: string[];
  readAt: Float64Array;
  group: Int32Array;
  site: Int32Array;
  /** Article i's entities are ents[entStart[i] .. entStart[i + 1]). */
  entStart: Int32Array;
  ents: Int32Array;
  counts: Int32Array;
  topicStart: Int32Array;
  topicNums: Int32Array;
}

/** Strings to small integers and back. */
function createInterner() {
  const numbers = new Map<string, number>();
  const strings: string[] = [];
  return {
    strings,
    get: (s: string) => numbers.get(s),
    of(s: string): number {
      let n = numbers.get(s);
      if (n === undefined) {
        n = strings.length;
        numbers.set(s, n);
        strings.push(s);
      }
      return n;
    },
  };
}

/** Index of `slot` in the ascending `list`, or -1. */
function findSorted(list: readonly number[], slot: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === slot) return mid;
    if (v < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function createRelatedIndex() {
  const entityNames = createInterner();
  const topicNames = createInterner();
  const siteNames = createInterner();
  const groupNames = createInterner();
  const slotOf = new Map<string, number>();
  /** Per slot; a removed article leaves `ids[slot] = null` and empty lists. */
  const ids: (string | null)[] = [];
  const readAt: number[] = [];
  const group: number[] = [];
  const site: number[] = [];
  const docEnts: number[][] = [];
  const docCounts: number[][] = [];
  const docTopics: number[][] = [];
  /** Per entity number: ascending slots and the mention count in each. */
  const postSlots: number[][] = [];
  const postCounts: number[][] = [];

  function remove(id: string): boolean {
    const slot = slotOf.get(id);
    if (slot === undefined) return false;
    for (const e of docEnts[slot]!) {
      const at = findSorted(postSlots[e]!, slot);
      postSlots[e]!.splice(at, 1);
      postCounts[e]!.splice(at, 1);
    }
    ids[slot] = null;
    docEnts[slot] = docCounts[slot] = docTopics[slot] = [];
    slotOf.delete(id);
    return true;
  }

  function add(article: IndexedArticle): void {
    remove(article.id);
    const slot = ids.length;
    ids.push(article.id);
    slotOf.set(article.id, slot);
    readAt.push(article.readAt);
    group.push(groupNames.of(article.groupId));
    site.push(siteNames.of(article.site));
    const ents: number[] = [];
    const counts: number[] = [];
    for (const { id, count } of article.entities) {
      const e = entityNames.of(id);
      if (postSlots[e] === undefined) {
        postSlots[e] = [];
        postCounts[e] = [];
      }
      if (postSlots[e]!.at(-1) === slot) continue; // the same entity twice in one article
      postSlots[e]!.push(slot);
      postCounts[e]!.push(count);
      ents.push(e);
      counts.push(count);
    }
    docEnts.push(ents);
    docCounts.push(counts);
    docTopics.push([...new Set(article.topics.map((t) => topicNames.of(t.id)))]);
  }

  const index = {
    /** Stored articles. */
    get size() {
      return slotOf.size;
    },
    /** Slots ever used (internal arrays are this long). */
    get slots() {
      return ids.length;
    },
    add,
    /** Adds or replaces many articles. */
    addAll(articles: Iterable<IndexedArticle>): void {
      for (const article of articles) add(article);
    },
    remove,
    has: (id: string) => slotOf.has(id),
    clear(): void {
      for (const id of [...slotOf.keys()]) remove(id);
    },

    // ---- read access for the ranking, the card and the search filters ----
    slotOf: (id: string) => slotOf.get(id),
    idAt: (slot: number) => ids[slot] ?? null,
    readAtOf: (slot: number) => readAt[slot]!,
    groupOf: (slot: number) => group[slot]!,
    groupNumber: (groupId: string) => groupNames.get(groupId),
    groupName: (n: number) => groupNames.strings[n]!,
    entityNumber: (entityId: string) => entityNames.get(entityId),
    entityName: (n: number) => entityNames.strings[n]!,
    topicNumber: (topicId: string) => topicNames.get(topicId),
    topicName: (n: number) => topicNames.strings[n]!,
    siteName: (slot: number) => siteNames.strings[site[slot]!]!,
    entitiesOf: (slot: number): readonly number[] => docEnts[slot]!,
    countsOf: (slot: number): readonly number[] => docCounts[slot]!,
    topicsOf: (slot: number): readonly number[] => docTopics[slot]!,
    postingSlots: (e: number): readonly number[] => postSlots[e] ?? [],
    postingCounts: (e: number): readonly number[] => postCounts[e] ?? [],

    /** Every stored article as the index holds it (for the full-scan baseline and tests). */
    *articles(): Generator<IndexedArticle> {
      for (const [id, slot] of slotOf) {
        yield {
          id,
          readAt: readAt[slot]!,
          groupId: groupNames.strings[group[slot]!]!,
          site: siteNames.strings[site[slot]!]!,
          entities: docEnts[slot]!.map((e, i) => ({ id: entityNames.strings[e]!, count: docCounts[slot]![i]! })),
          topics: docTopics[slot]!.map((t) => ({ id: topicNames.strings[t]! })),
        };
      }
    },

    /** A compact copy for IndexedDB (removed slots dropped). */
    toSnapshot(): RelatedSnapshot {
      const live = [...slotOf.values()].sort((a, b) => a - b);
      const entStart = new Int32Array(live.length + 1);
      const topicStart = new Int32Array(live.length + 1);
      live.forEach((slot, i) => {
        entStart[i + 1] = entStart[i]! + docEnts[slot]!.length;
        topicStart[i + 1] = topicStart[i]! + docTopics[slot]!.length;
      });
      return {
        version: 1,
        entities: entityNames.strings.slice(),
        topics: topicNames.strings.slice(),
        sites: siteNames.strings.slice(),
        groups: groupNames.strings.slice(),
        ids: live.map((slot) => ids[slot]!),
        readAt: Float64Array.from(live, (slot) => readAt[slot]!),
        group: Int32Array.from(live, (slot) => group[slot]!),
        site: Int32Array.from(live, (slot) => site[slot]!),
        entStart,
        ents: Int32Array.from(live.flatMap((slot) => docEnts[slot]!)),
        counts: Int32Array.from(live.flatMap((slot) => docCounts[slot]!)),
        topicStart,
        topicNums: Int32Array.from(live.flatMap((slot) => docTopics[slot]!)),
      };
    },
  };
  return index;
}

export type RelatedIndex = ReturnType<typeof createRelatedIndex>;

/** True when `value` looks like a snapshot this version wrote. */
export function isRelatedSnapshot(value: unknown): value is RelatedSnapshot {
  const s = value as RelatedSnapshot | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    s.version === 1 &&
    Array.isArray(s.ids) &&
    s.entStart instanceof Int32Array &&
    s.entStart.length === s.ids.length + 1 &&
    s.readAt instanceof Float64Array
  );
}

/**
 * Rebuilds an index from a snapshot in one pass over its arrays.
 * @example const index = loadRelatedIndex(await repo.readSnapshot('related'))
 */
export function loadRelatedIndex(snapshot: RelatedSnapshot): RelatedIndex {
  const index = createRelatedIndex();
  for (let i = 0; i < snapshot.ids.length; i++) {
    const entities: { id: string; count: number }[] = [];
    for (let j = snapshot.entStart[i]!; j < snapshot.entStart[i + 1]!; j++) {
      entities.push({ id: snapshot.entities[snapshot.ents[j]!]!, count: snapshot.counts[j]! });
    }
    const topics: { id: string }[] = [];
    for (let j = snapshot.topicStart[i]!; j < snapshot.topicStart[i + 1]!; j++) {
      topics.push({ id: snapshot.topics[snapshot.topicNums[j]!]! });
    }
    index.add({
      id: snapshot.ids[i]!,
      readAt: snapshot.readAt[i]!,
      groupId: snapshot.groups[snapshot.group[i]!]!,
      site: snapshot.sites[snapshot.site[i]!]!,
      entities,
      topics,
    });
  }
  return index;
}
