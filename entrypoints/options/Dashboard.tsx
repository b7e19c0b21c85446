/** Wires the dashboard: the entity table with search and filters, the editor, merge, import/export. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { TYPE_LABELS } from '../../components/ActorList';
import { CustomTopics } from '../../components/CustomTopics';
import { EntityEditor } from '../../components/EntityEditor';
import { EntityTable } from '../../components/EntityTable';
import { IDLE_IMPORT, ImportPanel, type ImportState } from '../../components/ImportPanel';
import { ENTITY_TYPES, type Entity } from '../../lib/entities/types';
import type { EntityRow } from '../../lib/messaging/protocol';
import type { UserTopic } from '../../lib/topics';
import { sendToBackground } from '../../services/messaging';
import { runExport, runImport } from './import-flow';
import { PAGE_SIZE, useEntities } from './use-entities';

const NEW_ENTITY: Entity = { id: '', name: '', type: 'person', aliases: [], source: { kind: 'user' } };

function newId(entity: Entity): string {
  const slug = entity.name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-');
  return `user:${entity.type}:${slug}-${Date.now().toString(36)}`;
}

export function Dashboard() {
  const { query, update, setOffset, page, error, loaded, reload } = useEntities();
  const [editing, setEditing] = useState<Entity | null>(null);
  const [mergeTarget, setMergeTarget] = useState<EntityRow | null>(null);
  const [notice, setNotice] = useState('');
  const [importState, setImportState] = useState<ImportState>(IDLE_IMPORT);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const abort = useRef<AbortController | null>(null);
  const [topics, setTopics] = useState<UserTopic[]>([]);

  useEffect(() => {
    sendToBackground('bg:topics-get', {}).then(
      (r) => setTopics(r.topics),
      () => setNotice('Could not load your topics.'),
    );
  }, []);

  function saveTopics(next: UserTopic[]) {
    void act(
      sendToBackground('bg:topics-save', { topics: next }).then(() => setTopics(next)),
      'Saved your topics. They apply from the next article you open.',
    );
  }

  async function act(work: Promise<unknown>, done: string) {
    try {
      await work;
      setNotice(done);
      await reload();
    } catch (e) {
      setNotice(`Failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  function save(entity: Entity) {
    setEditing(null);
    void act(
      sendToBackground('bg:entity-save', { entity: { ...entity, id: entity.id || newId(entity) } }),
      `Saved ${entity.name}.`,
    );
  }

  function merge(row: EntityRow) {
    if (!mergeTarget) return void (setMergeTarget(row), setNotice(`Now pick the entity to merge into ${row.name}.`));
    if (mergeTarget.id === row.id) return void (setMergeTarget(null), setNotice('Merge cancelled.'));
    if (!confirm(`Merge “${row.name}” into “${mergeTarget.name}”? Its names become aliases of ${mergeTarget.name}.`)) return;
    const keep = mergeTarget;
    setMergeTarget(null);
    void act(
      sendToBackground('bg:entities-merge', { keepId: keep.id, mergeId: row.id }),
      `Merged ${row.name} into ${keep.name}.`,
    );
  }

  async function importFile(file: File) {
    abort.current = new AbortController();
    if (await runImport(file, mode, abort.current.signal, setImportState)) await reload();
  }

  return (
    <main class="dashboard">
      <header class="brand">
        <span class="logo" aria-hidden="true">
          ◆
        </span>{' '}
        Dramatis · Knowledge base
      </header>
      <section aria-labelledby="entities-heading">
        <h1 id="entities-heading">Entities</h1>
        <div class="filters" role="search">
          <label>
            Search names and aliases
            <input type="search" value={query.text} onInput={(e) => update({ text: e.currentTarget.value })} />
          </label>
          <label>
            Type
            <select value={query.type} onChange={(e) => update({ type: e.currentTarget.value as typeof query.type })}>
              <option value="all">All types</option>
              {ENTITY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]} ({page.byType[t] ?? 0})
                </option>
              ))}
            </select>
          </label>
          <label>
            Source
            <select value={query.source} onChange={(e) => update({ source: e.currentTarget.value })}>
              <option value="all">All sources</option>
              {Object.entries(page.bySource).map(([s, n]) => (
                <option key={s} value={s}>
                  {s} ({n})
                </option>
              ))}
            </select>
          </label>
          <label>
            Hidden
            <select value={query.hidden} onChange={(e) => update({ hidden: e.currentTarget.value as typeof query.hidden })}>
              <option value="include">Shown and hidden</option>
              <option value="exclude">Shown only</option>
              <option value="only">Hidden only</option>
            </select>
          </label>
          <button type="button" onClick={() => setEditing({ ...NEW_ENTITY })}>
            Add entity
          </button>
        </div>
        <p role="status" aria-live="polite" class="notice">
          {error ? `Could not load entities: ${error}` : notice}
        </p>
        {editing && <EntityEditor entity={editing} onSave={save} onCancel={() => setEditing(null)} />}
        {loaded ? (
          <EntityTable
            rows={page.rows}
            mergeTarget={mergeTarget?.id ?? null}
            onEdit={(row) => setEditing(row)}
            onToggleHidden={(row) =>
              void act(
                sendToBackground('bg:entity-hide', { id: row.id, hidden: !row.hidden }),
                `${row.hidden ? 'Showing' : 'Hid'} ${row.name}.`,
              )
            }
            onMerge={merge}
            onPromote={(row) =>
              void act(
                sendToBackground('bg:entity-promote', { id: row.id, name: row.name, type: row.type }),
                `Kept ${row.name} as your own entity.`,
              )
            }
            onReject={(row) => {
              if (!confirm(`Reject “${row.name}”? It is removed and never proposed again.`)) return;
              void act(sendToBackground('bg:entity-reject', { id: row.id, name: row.name }), `Rejected ${row.name}.`);
            }}
          />
        ) : (
          <div class="skeleton" aria-busy="true" aria-label="Loading entities" />
        )}
        <nav class="pager" aria-label="Pages">
          <span>
            {page.total === 0 ? 0 : query.offset + 1}–{Math.min(query.offset + PAGE_SIZE, page.total)} of {page.total}
          </span>
          <button type="button" disabled={query.offset === 0} onClick={() => setOffset(Math.max(0, query.offset - PAGE_SIZE))}>
            Previous
          </button>
          <button
            type="button"
            disabled={query.offset + PAGE_SIZE >= page.total}
            onClick={() => setOffset(query.offset + PAGE_SIZE)}
          >
            Next
          </button>
        </nav>
      </section>
      <CustomTopics topics={topics} onChange={saveTopics} />
      <ImportPanel
        state={importState}
        mode={mode}
        onModeChange={setMode}
        onFile={importFile}
        onCancel={() => abort.current?.abort()}
        onExport={(f) => void runExport(f)}
      />
    </main>
  );
}
