/** Wires the entity view: the entity table with search and filters, the editor, merge, topics, import/export. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { TYPE_LABELS } from '../../components/ActorList';
import { CustomTopics } from '../../components/CustomTopics';
import { EntityEditor } from '../../components/EntityEditor';
import { EntityTable, sourceLabel } from '../../components/EntityTable';
import { IDLE_IMPORT, ImportPanel, type ImportState } from '../../components/ImportPanel';
import { formatRoute, type Route } from '../../lib/dashboard/routes';
import { ENTITY_TYPES, type Entity } from '../../lib/entities/types';
import type { EntityRow } from '../../lib/messaging/protocol';
import type { UserTopic } from '../../lib/topics';
import { t } from '../../services/i18n';
import { sendToBackground } from '../../services/messaging';
import { runExport, runImport } from './import-flow';
import { replaceHash } from './use-route';
import { PAGE_SIZE, useEntities } from './use-entities';
import { useViewFocus } from './view-focus';

const NEW_ENTITY: Entity = { id: '', name: '', type: 'person', aliases: [], source: { kind: 'user' } };

function newId(entity: Entity): string {
  const slug = entity.name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-');
  return `user:${entity.type}:${slug}-${Date.now().toString(36)}`;
}

export interface EntitiesViewProps {
  /** The route that showed the view: `edit` opens that entity in the editor (`#entity=<id>`). */
  route: Extract<Route, { view: 'entities' }>;
}

export function EntitiesView({ route }: EntitiesViewProps) {
  const { query, update, setOffset, page, error, loaded, reload } = useEntities();
  const [editing, setEditing] = useState<Entity | null>(null);
  const [mergeTarget, setMergeTarget] = useState<EntityRow | null>(null);
  const [notice, setNotice] = useState('');
  const [importState, setImportState] = useState<ImportState>(IDLE_IMPORT);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const abort = useRef<AbortController | null>(null);
  const [topics, setTopics] = useState<UserTopic[]>([]);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    sendToBackground('bg:topics-get', {}).then(
      (r) => setTopics(r.topics),
      () => setNotice(t('dashboard_topics_load_failed')),
    );
  }, []);

  // `options.html#entity=<id>` (the hover card's "edit") opens that entity in the editor.
  useEffect(() => {
    if (!route.edit) return;
    const id = route.edit;
    async function open() {
      try {
        const { entity } = await sendToBackground('bg:entity-get', { id });
        if (entity) setEditing(entity);
        else setNotice(t('dashboard_not_found', id));
      } catch (e) {
        setNotice(t('dashboard_failed', e instanceof Error ? e.message : String(e)));
      }
    }
    void open();
  }, [route]);
  useViewFocus('entities-heading', loaded);

  function saveTopics(next: UserTopic[]) {
    void act(
      sendToBackground('bg:topics-save', { topics: next }).then(() => setTopics(next)),
      t('dashboard_topics_saved'),
    );
  }

  async function act(work: Promise<unknown>, done: string) {
    try {
      await work;
      setNotice(done);
      await reload();
    } catch (e) {
      setNotice(t('dashboard_failed', e instanceof Error ? e.message : String(e)));
    }
  }

  /** Opens the editor, remembering what had focus so closing it can give focus back. */
  function edit(entity: Entity) {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setEditing(entity);
  }

  function closeEditor() {
    setEditing(null);
    if (location.hash) replaceHash(null);
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }

  function save(entity: Entity) {
    closeEditor();
    void act(
      sendToBackground('bg:entity-save', { entity: { ...entity, id: entity.id || newId(entity) } }),
      t('dashboard_saved', entity.name),
    );
  }

  function merge(row: EntityRow) {
    if (!mergeTarget) return void (setMergeTarget(row), setNotice(t('dashboard_merge_pick', row.name)));
    if (mergeTarget.id === row.id) return void (setMergeTarget(null), setNotice(t('dashboard_merge_cancelled')));
    if (!confirm(t('dashboard_merge_confirm', row.name, mergeTarget.name))) return;
    const keep = mergeTarget;
    setMergeTarget(null);
    void act(
      sendToBackground('bg:entities-merge', { keepId: keep.id, mergeId: row.id }),
      t('dashboard_merged', row.name, keep.name),
    );
  }

  async function importFile(file: File) {
    abort.current = new AbortController();
    if (await runImport(file, mode, abort.current.signal, setImportState)) await reload();
  }

  return (
    <>
      <section aria-labelledby="entities-heading">
        <h2 id="entities-heading" tabIndex={-1}>
          {t('dashboard_entities')}
        </h2>
        <div class="filters" role="search" aria-label={t('dashboard_filters')}>
          <label>
            {t('dashboard_search')}
            <input type="search" value={query.text} onInput={(e) => update({ text: e.currentTarget.value })} />
          </label>
          <label>
            {t('dashboard_filter_type')}
            <select value={query.type} onChange={(e) => update({ type: e.currentTarget.value as typeof query.type })}>
              <option value="all">{t('dashboard_all_types')}</option>
              {ENTITY_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t('dashboard_option_count', TYPE_LABELS[type], page.byType[type] ?? 0)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dashboard_filter_source')}
            <select value={query.source} onChange={(e) => update({ source: e.currentTarget.value })}>
              <option value="all">{t('dashboard_all_sources')}</option>
              {Object.entries(page.bySource).map(([s, n]) => (
                <option key={s} value={s}>
                  {t('dashboard_option_count', sourceLabel(s), n)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dashboard_filter_hidden')}
            <select value={query.hidden} onChange={(e) => update({ hidden: e.currentTarget.value as typeof query.hidden })}>
              <option value="include">{t('dashboard_hidden_include')}</option>
              <option value="exclude">{t('dashboard_hidden_exclude')}</option>
              <option value="only">{t('dashboard_hidden_only')}</option>
            </select>
          </label>
          <button type="button" onClick={() => edit({ ...NEW_ENTITY })}>
            {t('dashboard_add_entity')}
          </button>
        </div>
        <p role="status" aria-live="polite" class="notice">
          {error ? t('dashboard_load_failed', error) : notice}
        </p>
        {editing && <EntityEditor key={editing.id || 'new'} entity={editing} onSave={save} onCancel={closeEditor} />}
        {loaded ? (
          <EntityTable
            rows={page.rows}
            mergeTarget={mergeTarget?.id ?? null}
            onEdit={(row) => edit(row)}
            entityHref={(row) => formatRoute({ view: 'entity', id: row.id })}
            onToggleHidden={(row) =>
              void act(
                sendToBackground('bg:entity-hide', { id: row.id, hidden: !row.hidden }),
                row.hidden ? t('dashboard_showing', row.name) : t('dashboard_hid', row.name),
              )
            }
            onMerge={merge}
            onPromote={(row) =>
              void act(
                sendToBackground('bg:entity-promote', { id: row.id, name: row.name, type: row.type }),
                t('dashboard_kept', row.name),
              )
            }
            onReject={(row) => {
              if (!confirm(t('dashboard_reject_confirm', row.name))) return;
              void act(sendToBackground('bg:entity-reject', { id: row.id, name: row.name }), t('dashboard_rejected', row.name));
            }}
          />
        ) : (
          <div class="skeleton" role="progressbar" aria-busy="true" aria-label={t('dashboard_loading')} />
        )}
        <nav class="pager" aria-label={t('dashboard_pages')}>
          <span>
            {t(
              'dashboard_pager',
              page.total === 0 ? 0 : query.offset + 1,
              Math.min(query.offset + PAGE_SIZE, page.total),
              page.total,
            )}
          </span>
          <button type="button" disabled={query.offset === 0} onClick={() => setOffset(Math.max(0, query.offset - PAGE_SIZE))}>
            {t('dashboard_previous')}
          </button>
          <button
            type="button"
            disabled={query.offset + PAGE_SIZE >= page.total}
            onClick={() => setOffset(query.offset + PAGE_SIZE)}
          >
            {t('dashboard_next')}
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
    </>
  );
}
