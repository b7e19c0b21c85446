/**
 * "A refused import changes nothing", through the real path: the dashboard's `runImport` reads the
 * file and sends the entities to the background (`handleMessages` with its message guards, then
 * `createEntityAdmin`), which writes IndexedDB (fake-indexeddb). For hostile and damaged files, in
 * merge and replace mode: a refused file leaves every stored row byte-identical and the reader is
 * told what is wrong and where; an accepted one is stored whole.
 */
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ImportState } from '../../../components/ImportPanel';
import { runImport } from '../../../entrypoints/options/import-flow';
import { createEntityRepo, type EntityRepo } from '../../../lib/entities/repo';
import { ENTITY_TYPES, type Entity } from '../../../lib/entities/types';
import { exportCsv, exportJson } from '../../../lib/import';
import { cleanName } from '../../../lib/import/clean-text';
import { openDb, type DramatisDb } from '../../../lib/store/db';
import { createSettingsRepo } from '../../../lib/store/settings';
import { createEntityAdmin } from '../../../services/entity-admin';
import type { KnowledgeBase, LoadedKnowledgeBase } from '../../../services/knowledge-base';
import { isRequest } from '../../../lib/messaging/protocol';
import { handleMessages } from '../../../services/messaging';
import { hostileChar, hostileString, nameText, RTL_NAMES, runs } from './arbitraries';

const STORED: Entity[] = [
  { id: 'c:ir', name: 'Iran', type: 'place', aliases: ['ایران', 'Islamic Republic of Iran'], tags: ['country'] },
  {
    id: 'p:zarif',
    name: RTL_NAMES[0]!,
    type: 'person',
    aliases: ['Mohammad Javad Zarif', 'Zarif\u200C'],
    description: 'Diplomat 😀',
  },
  { id: 'o:icrc', name: 'ICRC', type: 'organization', aliases: [], hidden: true, source: { kind: 'pack', ref: 'x' } },
];

/** A place a refusal names: a line, a JSON path, a record, or the file as a whole. */
const PLACE = /^(Line \d+|entities(\[\d+\])?|objects(\[\d+\])?|format|version|Record "|The file |This file |Not a STIX bundle)/;

let db: Promise<DramatisDb>;
let repo: EntityRepo;
let stopListening: () => void;

beforeEach(async () => {
  db = openDb('import-store', { indexedDB: new IDBFactory(), IDBKeyRange });
  repo = createEntityRepo(db);
  await repo.replaceAll(STORED);
  const load = async () => ({}) as LoadedKnowledgeBase;
  const knowledgeBase: KnowledgeBase = { current: load, reload: load, reloadLearned: load };
  stopListening = handleMessages(createEntityAdmin(repo, knowledgeBase, createSettingsRepo(db)), isRequest);
  // The dashboard's runtime.sendMessage, delivered to the background's listener as the browser does.
  fakeBrowser.runtime.sendMessage = ((message: unknown) =>
    new Promise<unknown>((resolve) => {
      const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
      void trigger(message, { id: fakeBrowser.runtime.id }, resolve).then((handled) => {
        if (!handled.some(Boolean)) resolve(undefined); // no listener answered: the browser resolves with nothing
      });
    })) as typeof fakeBrowser.runtime.sendMessage;
});

afterEach(() => stopListening());

/** Every stored row and meta value, serialized: "byte-identical" is this string being equal. */
async function snapshot(): Promise<string> {
  const d = await db;
  return JSON.stringify([await d.entities.orderBy('id').toArray(), await d.meta.orderBy('key').toArray()]);
}

async function importFile(content: string, name: string, mode: 'merge' | 'replace') {
  const states: ImportState[] = [];
  const ok = await runImport(new File([content], name), mode, new AbortController().signal, (s) => states.push(s));
  return { ok, last: states[states.length - 1]! };
}

const goodEntity: fc.Arbitrary<Entity> = fc
  .record({ name: nameText, type: fc.constantFrom(...ENTITY_TYPES), aliases: fc.array(nameText, { maxLength: 2 }) })
  .map((e) => ({ id: `f:${e.name}`, ...e }));

/** A file that must be refused: one bad record among good ones, or damage no reader gets past. */
const refusedFile = fc.oneof(
  fc.tuple(fc.array(goodEntity, { maxLength: 4 }), fc.nat()).map(([entities, k]) => {
    const rows = exportCsv(entities).split('\r\n');
    rows.splice(1 + (k % (rows.length - 1)), 0, 'Someone,planet');
    return { content: rows.join('\r\n'), name: 'kb.csv' };
  }),
  fc
    .tuple(
      fc.array(goodEntity, { maxLength: 4 }),
      fc.constantFrom(['aliases', 'x'], ['type', 'star'], ['tags', Array.from({ length: 101 }, (_, i) => `t${i}`)]),
    )
    .map(([entities, [field, value]]) => {
      const file = JSON.parse(exportJson(entities)) as { entities: Record<string, unknown>[] };
      file.entities.push({ id: 'bad', name: 'Bad', type: 'person', aliases: [], [field as string]: value });
      return { content: JSON.stringify(file), name: 'backup.json' };
    }),
  fc.tuple(fc.array(goodEntity, { minLength: 1, maxLength: 4 }), fc.nat()).map(([entities, cut]) => {
    const json = exportJson(entities);
    return { content: json.slice(0, Math.max(1, cut % (json.length - 2))), name: 'truncated.json' }; // always short of the closing brace
  }),
  fc.tuple(hostileString(80), fc.array(hostileChar, { maxLength: 4 })).map(([noise, extra]) => ({
    content: `\uFEFF\u0000${noise}${extra.join('')}`, // a NUL up front: binary
    name: 'noise.csv',
  })),
  fc.constantFrom(
    { content: '', name: 'empty.csv' },
    { content: '<html><body>not a list</body></html>', name: 'page.csv' },
    { content: 'name,type\n"Unclosed,person\n', name: 'kb.csv' },
    { content: `name,type,tags\nA,person,${Array.from({ length: 101 }, (_, i) => `t${i}`).join('|')}\n`, name: 'kb.csv' },
    { content: `name,type,description\nA,person,${'x'.repeat(4500)}\n`, name: 'kb.csv' },
  ),
);

describe('importing into the store', () => {
  test('a refused file changes nothing stored, and the reader is told what is wrong and where', async () => {
    await fc.assert(
      fc.asyncProperty(
        refusedFile,
        fc.constantFrom('merge', 'replace') as fc.Arbitrary<'merge' | 'replace'>,
        async (file, mode) => {
          const before = await snapshot();
          const { ok, last } = await importFile(file.content, file.name, mode);
          expect(ok).toBe(false);
          expect(await snapshot()).toBe(before);
          expect(last.phase).toBe('failed');
          expect(last.problems.length, `no place given: ${last.message}`).toBeGreaterThan(0);
          for (const problem of last.problems) expect(problem, problem).toMatch(PLACE);
        },
      ),
      { numRuns: runs(40) },
    );
  });

  test('an accepted file is stored whole (the control: the path above can write)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(goodEntity, { selector: (e) => cleanName(e.id), minLength: 1, maxLength: 4 }),
        async (entities) => {
          const { ok } = await importFile(exportJson(entities), 'backup.json', 'replace');
          expect(ok).toBe(true);
          expect((await repo.all()).map((e) => e.id).sort()).toEqual(entities.map((e) => cleanName(e.id)).sort()); // ids are cleaned like names
        },
      ),
      { numRuns: runs(15) },
    );
  });
});
