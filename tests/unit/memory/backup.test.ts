import { describe, expect, test } from 'vitest';
import type { ArticleRecord } from '../../../lib/memory/article-record';
import { BACKUP_FORMAT, parseBackup, planRestore, serializeBackup, type BackupContents } from '../../../lib/memory/backup';
import type { StoredEntity } from '../../../lib/store/db';
import { generateCorpus } from './corpus';

const now = Date.UTC(2025, 5, 1);
const entities: StoredEntity[] = [
  {
    id: 'p:sayyari',
    name: 'Habibollah Sayyari',
    type: 'person',
    aliases: ['Habibullah Sayyari'],
    role: 'admiral',
    country: 'IR',
    source: { kind: 'user' },
    sourceKind: 'user',
    pinned: true,
    edited: true,
    mergedIds: ['discovered:sayyari'],
    updatedAt: now - 5,
  },
  {
    id: 'c:ir',
    name: 'Iran',
    type: 'place',
    aliases: [],
    tags: ['country'],
    source: { kind: 'pack', ref: 'x' },
    sourceKind: 'pack',
    updatedAt: now,
  },
];
const settings = {
  customTopics: [{ id: 'caspian', label: 'Caspian', keywords: ['caspian sea'] }],
  retention: { kind: 'days' as const, days: 90 },
};
const rejected = [{ key: 'monday', name: 'Monday', at: now }];
const { records } = generateCorpus({ articles: 10_000, words: [40, 80], seed: 9 });
const contents = (articles: readonly ArticleRecord[] = records): BackupContents => ({ entities, rejected, settings, articles });

test('a round trip of 10,000 articles loses nothing', () => {
  const text = serializeBackup(contents(), now);
  const backup = parseBackup(text);
  expect(backup.exportedAt).toBe(new Date(now).toISOString());
  expect(backup.articles).toEqual(records);
  expect(backup.entities).toEqual(entities.map(({ sourceKind: _s, ...e }) => e));
  expect(backup.rejected).toEqual(rejected);
  expect(backup.settings).toEqual(settings);
  // Derived fields are rebuilt, not carried.
  expect(JSON.parse(text).articles[0]).not.toHaveProperty('bands');
  expect(serializeBackup({ ...backup, entities: entities }, now)).toBe(text);
  // Ten thousand articles' worth of JSON: a data-volume test, not a timed one; the default 5 s
  // was too short on a busy 2-core machine.
}, 60_000);

describe('a damaged or foreign file is refused with the place of the first problem', () => {
  const good = () => JSON.parse(serializeBackup(contents(records.slice(0, 20)), now));
  test.each<[string, (file: any) => unknown, string]>([
    ['not JSON', () => '{"format": "dramatis-backup", "vers', 'The file is not JSON'],
    ['an entity export', () => ({ format: 'dramatis-entities', version: 1, entities: [] }), 'format: not a Dramatis backup'],
    ['a JSON array', () => [], 'format: not a Dramatis backup'],
    ['a newer version', (f) => ({ ...f, version: 2 }), 'version: written by a newer Dramatis (version 2)'],
    ['a bad version', (f) => ({ ...f, version: '1' }), 'version: not a whole number'],
    ['no date', (f) => ({ ...f, exportedAt: 'yesterday' }), 'exportedAt: not a date'],
    ['articles missing', (f) => ({ ...f, articles: undefined }), 'articles: not an array'],
    ['a url that is not a string', (f) => ((f.articles[12].url = 42), f), 'articles[12].url: not a string'],
    [
      'a url that is not http',
      (f) => ((f.articles[3].canonicalUrl = 'javascript:alert(1)'), f),
      'articles[3].canonicalUrl: not an http(s) address',
    ],
    ['a bad date', (f) => ((f.articles[0].readAt = -1), f), 'articles[0].readAt: not a time'],
    [
      'a bad count',
      (f) => ((f.articles[1].entities[2].count = 0), f),
      'articles[1].entities[2].count: not a positive whole number',
    ],
    [
      'positions past the text',
      (f) => ((f.articles[1].entities[0].positions = [0, 1e9]), f),
      'articles[1].entities[0].positions:',
    ],
    ['a broken signature', (f) => ((f.articles[5].signature = 'abc'), f), 'articles[5].signature: not a text signature'],
    ['a repeated id', (f) => ((f.articles[7].id = f.articles[2].id), f), 'articles[7].id: repeats articles[2].id'],
    ['an article that is not an object', (f) => ((f.articles[4] = 'x'), f), 'articles[4]: not an object'],
    ['a bad entity', (f) => ((f.entities[1].type = 'planet'), f), 'entities[1].type'],
    ['bad merged ids', (f) => ((f.entities[0].mergedIds = [1]), f), 'entities[0].mergedIds: not a list of ids'],
    ['a bad rejected name', (f) => ((f.rejected[0].at = 'now'), f), 'rejected[0].at: not a time'],
    ['a bad topic', (f) => ((f.settings.customTopics[0].keywords = []), f), 'settings.customTopics[0]: not a topic'],
    [
      'a bad retention',
      (f) => ((f.settings.retention = { kind: 'days', days: 0 }), f),
      'settings.retention: not a retention policy',
    ],
    [
      'a bad excluded site',
      (f) => ((f.settings.privacy = { storePrivate: false, excludedSites: [3] }), f),
      'settings.privacy.excludedSites[0]: not a site name',
    ],
    [
      'a private-window choice that is not a boolean',
      (f) => ((f.settings.privacy = { storePrivate: 'yes', excludedSites: [] }), f),
      'settings.privacy.storePrivate: not true or false',
    ],
  ])('%s', (_name, damage, message) => {
    const damaged = damage(good());
    const text = typeof damaged === 'string' ? damaged : JSON.stringify(damaged);
    expect(() => parseBackup(text)).toThrow(message);
  });

  test('a file over the size limit is refused before parsing', () => {
    expect(() => parseBackup(' '.repeat(400 * 1024 * 1024 + 1))).toThrow('larger than 400 MB');
  });
});

describe('restore plans', () => {
  const [a, b, c] = records;
  const backup = parseBackup(
    serializeBackup(contents([a!, { ...b!, readAt: b!.readAt + 1000, visits: 1, title: 'newer title' }]), now),
  );
  const current = {
    entities: [
      { id: 'p:other', name: 'Someone', type: 'person', aliases: [], sourceKind: 'user', updatedAt: 0 },
    ] as StoredEntity[],
    settings: { customTopics: [{ id: 'mine', label: 'Mine', keywords: ['x'] }], retention: { kind: 'all' as const } },
  };

  test('replace: the file becomes everything', () => {
    const plan = planRestore(current, [c!], backup, 'replace');
    expect(plan.clear).toBe(true);
    expect(plan.articles.map((x) => x.id)).toEqual([a!.id, b!.id]);
    expect(plan.entities.map((x) => x.id)).toEqual(['p:sayyari', 'c:ir']);
    expect(plan.settings).toEqual(settings);
  });

  test('merge: newer reading wins, history adds up, nothing is lost', () => {
    const stored = { ...b!, visits: 4, firstReadAt: b!.firstReadAt - 5000 };
    const plan = planRestore(current, [stored], backup, 'merge');
    expect(plan.clear).toBe(false);
    const merged = plan.articles.find((x) => x.id === b!.id)!;
    expect(merged).toMatchObject({
      title: 'newer title',
      readAt: b!.readAt + 1000,
      visits: 4,
      firstReadAt: b!.firstReadAt - 5000,
    });
    expect(plan.entities.map((x) => x.id)).toEqual(['p:other', 'p:sayyari', 'c:ir']);
    expect(plan.settings.customTopics.map((t) => t.id)).toEqual(['mine', 'caspian']);
    expect(plan.settings.retention).toEqual({ kind: 'all' });
  });

  test('privacy: replace takes the file’s; merge keeps the reader’s private-window choice and excludes either’s sites', () => {
    const theirs = parseBackup(
      serializeBackup(
        { ...contents([a!]), settings: { ...settings, privacy: { storePrivate: true, excludedSites: ['bank.example'] } } },
        now,
      ),
    );
    const mine = {
      ...current,
      settings: { ...current.settings, privacy: { storePrivate: false, excludedSites: ['mail.example'] } },
    };
    expect(planRestore(mine, [], theirs, 'replace').settings.privacy).toEqual({
      storePrivate: true,
      excludedSites: ['bank.example'],
    });
    expect(planRestore(mine, [], theirs, 'merge').settings.privacy).toEqual({
      storePrivate: false,
      excludedSites: ['mail.example', 'bank.example'],
    });
    // A file written before privacy was backed up leaves the reader's as they are.
    expect(planRestore(mine, [], backup, 'replace').settings.privacy).toBeUndefined();
  });

  test('merge: an older backup copy does not overwrite a newer reading', () => {
    const stored = { ...a!, readAt: a!.readAt + 10_000, title: 'read again since' };
    expect(planRestore(current, [stored], backup, 'merge').articles[0]).toMatchObject({ title: 'read again since' });
  });

  test('merge: matched by canonical address when the ids differ', () => {
    const stored = { ...a!, id: 'a:old-id-scheme', readAt: a!.readAt + 10 };
    expect(planRestore(current, [stored], backup, 'merge').articles[0]!.id).toBe('a:old-id-scheme');
  });
});

test('the format marker', () => {
  expect(JSON.parse(serializeBackup(contents([]), now))).toMatchObject({ format: BACKUP_FORMAT, version: 1 });
});
