/**
 * Writes tests/fixtures/db/v1.json and v2.json: databases as the released schema versions wrote
 * them. Each is produced by that version's own code (its repository, pack and matcher, taken
 * from git at the last commit of the version into a temporary folder), driven through what a
 * reader did then (pack install, edits, an import, a merge, hiding; from v2 learning and
 * rejecting), then dumped table by table. The upgrade tests load these rows into a database
 * declared with that version's schema only and open it with today's code.
 *
 * Run once per released version (the fixtures are committed):
 * `node --import tsx scripts/db-fixtures/generate.ts`
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { encodeRow } from '../../tests/fixtures/db/encode';

const ROOT = resolve(import.meta.dirname, '../..');
/** Last commit of each released schema version. */
const RELEASES = [
  { version: 1, commit: '47ca02e^', tables: ['entities', 'meta'] },
  { version: 2, commit: 'f77a5fc^', tables: ['entities', 'meta', 'rejected'] },
] as const;
const PACK_IDS = [
  'country:ir',
  'country:cn',
  'country:ru',
  'country:az',
  'country:kz',
  'city:ir-tehran',
  'org:icrc',
  'org:nato',
  'org:un',
];
const T0 = Date.UTC(2026, 0, 15, 9, 30);

function checkout(commit: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dramatis-release-'));
  const archive = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', commit, 'lib', 'services'], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const load = (dir: string, path: string): Promise<any> => import(pathToFileURL(join(dir, path)).href);

async function populate(dir: string, version: number, db: Promise<any>): Promise<void> {
  const { createEntityRepo } = await load(dir, 'lib/entities/repo.ts');
  const { STARTER_PACK, packVersion } = await load(dir, 'lib/entities/pack/index.ts');
  const matcher = await load(dir, 'lib/matcher/index.ts');
  const repo = createEntityRepo(db);
  let clock = T0;
  Date.now = () => (clock += 60_000);

  const pack = STARTER_PACK.filter((e: { id: string }) => PACK_IDS.includes(e.id));
  await repo.installPack(pack, packVersion(pack));
  // The reader's edits: a note on a pack entity (pinned), one hidden, two of their own merged.
  const iran = await repo.get('country:ir');
  await repo.put({ ...iran, description: 'My note: watch the Caspian drills.', pinned: true });
  await repo.put({ ...(await repo.get('org:nato')), hidden: true });
  const person = { type: 'person', source: { kind: 'user' } };
  await repo.put({
    ...person,
    id: 'user:sayyari',
    name: 'Habibollah Sayyari',
    aliases: ['Habibullah Sayyari'],
    role: 'Admiral',
    country: 'IR',
    tags: ['navy'],
  });
  await repo.put({
    ...person,
    id: 'user:shahram-irani',
    name: 'Shahram Irani',
    aliases: [],
    role: 'Rear admiral',
    country: 'IR',
  });
  await repo.put({ ...person, id: 'user:irani-dup', name: 'Shahram Irani (navy)', aliases: ['Rear Admiral Irani'] });
  await repo.merge('user:shahram-irani', 'user:irani-dup');
  // An import (the dashboard's CSV import replaced the knowledge base with the merged list).
  const imported = {
    id: 'import:caspian-flotilla',
    name: 'Caspian Flotilla',
    type: 'organization',
    aliases: ['Caspian Sea Flotilla'],
    country: 'RU',
    tags: ['navy'],
    source: { kind: 'import', name: 'analyst.csv' },
  };
  await repo.replaceAll([...(await repo.all()), imported]);

  if (version >= 2) {
    const { createSettingsRepo } = await load(dir, 'lib/store/settings.ts');
    await repo.learn([
      { name: 'Alexander Fomin', type: 'person', aliases: ['Fomin'] },
      { name: 'Pyotr Belov', type: 'person', aliases: [] },
      { name: 'Caspian Cooperation Council', type: 'organization', aliases: [] },
    ]);
    await repo.learn([{ name: 'Alexander Fomin', type: 'person', aliases: ['Alexandr Fomin'] }]);
    await repo.reject('discovered:pyotr-belov');
    await repo.rejectName('Breaking News');
    await createSettingsRepo(db).saveCustomTopics([
      { id: 'user:caspian', label: 'Caspian security', keywords: ['caspian', 'flotilla', 'naval drill'] },
    ]);
  }

  // The background's matcher caches, as its knowledge base wrote them after these changes.
  const all = await repo.all();
  const visible = all.filter((e: { hidden?: boolean }) => !e.hidden);
  const cache = (entities: unknown[], revision: number) => ({
    revision,
    buffer: matcher.serializeMatcher(matcher.compileMatcher(matcher.aliasesOf(entities))),
  });
  if (version === 1) await repo.writeMatcherCache(cache(visible, await repo.revision()));
  else {
    const learned = (e: { source?: { kind: string } }) => e.source?.kind === 'discovered';
    await repo.writeMatcherCache(
      cache(
        visible.filter((e: never) => !learned(e)),
        await repo.revision(),
      ),
      'base',
    );
    await repo.writeMatcherCache(cache(visible.filter(learned), await repo.learnedRevision()), 'learned');
  }
}

for (const release of RELEASES) {
  const dir = checkout(release.commit);
  try {
    const { openDb } = await load(dir, 'lib/store/db.ts');
    const db = openDb('release', { indexedDB: new IDBFactory(), IDBKeyRange });
    await populate(dir, release.version, db);
    const open: Dexie = await db;
    if (open.verno !== release.version) throw new Error(`${release.commit} is schema v${open.verno}, not v${release.version}`);
    const tables: Record<string, unknown[]> = {};
    for (const name of release.tables) tables[name] = (await open.table(name).toArray()).map(encodeRow);
    const commit = execFileSync('git', ['-C', ROOT, 'rev-parse', release.commit]).toString().trim();
    const file = join(ROOT, 'tests/fixtures/db', `v${release.version}.json`);
    writeFileSync(file, `${JSON.stringify({ schema: release.version, writtenBy: commit, tables }, null, 1)}\n`);
    open.close();
    console.log(
      `v${release.version}: ${Object.entries(tables)
        .map(([n, rows]) => `${rows.length} ${n}`)
        .join(', ')} → ${file}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
