/** The knowledge base as a table: names, types, aliases, source, and the row actions. */
import type { EntityRow } from '../lib/messaging/protocol';
import { t } from '../services/i18n';
import { TYPE_NAMES } from './ActorList';

export interface EntityTableProps {
  rows: readonly EntityRow[];
  /** The entity picked as the one others merge into, if any. */
  mergeTarget: string | null;
  onEdit(row: EntityRow): void;
  onToggleHidden(row: EntityRow): void;
  onMerge(row: EntityRow): void;
  /** Discovered rows: keep as the reader's own entity. */
  onPromote?(row: EntityRow): void;
  /** Discovered rows: not a name; never proposed again. */
  onReject?(row: EntityRow): void;
  /** Where a row's name links (its page over the reader's articles), when the table links names. */
  entityHref?(row: EntityRow): string;
}

const MAX_ALIASES_SHOWN = 6;

/** Where an entity comes from, in the reader's words; an unknown kind is shown as it is. */
export function sourceLabel(kind: string): string {
  switch (kind) {
    case 'pack':
      return t('dashboard_source_pack');
    case 'user':
      return t('dashboard_source_user');
    case 'import':
      return t('dashboard_source_import');
    case 'discovered':
      return t('dashboard_source_discovered');
    default:
      return kind;
  }
}

function Aliases({ aliases }: { aliases: readonly string[] }) {
  const shown = aliases.slice(0, MAX_ALIASES_SHOWN).join(' · ');
  const more = aliases.length - MAX_ALIASES_SHOWN;
  return (
    <span class="aliases" title={aliases.join('\n')}>
      {shown}
      {more > 0 && <span class="more"> +{more}</span>}
    </span>
  );
}

/** The merge button's text and accessible name, by where the merge stands. */
function mergeButton(row: EntityRow, target: string | null): { text: string; label: string } {
  if (target === null) return { text: t('dashboard_merge'), label: t('dashboard_merge_label', row.name) };
  if (target === row.id) return { text: t('dashboard_merge_cancel'), label: t('dashboard_merge_cancel_label', row.name) };
  return { text: t('dashboard_merge_into'), label: t('dashboard_merge_into_label', row.name) };
}

export function EntityTable({
  rows,
  mergeTarget,
  onEdit,
  onToggleHidden,
  onMerge,
  onPromote,
  onReject,
  entityHref,
}: EntityTableProps) {
  if (rows.length === 0) return <p class="empty">{t('dashboard_no_match')}</p>;
  return (
    <table class="entities">
      <thead>
        <tr>
          <th scope="col">{t('dashboard_col_name')}</th>
          <th scope="col">{t('dashboard_col_type')}</th>
          <th scope="col">{t('dashboard_col_aliases')}</th>
          <th scope="col">{t('dashboard_col_source')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('dashboard_col_actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const merge = mergeButton(row, mergeTarget);
          return (
            <tr key={row.id} class={row.hidden ? 'hidden-entity' : undefined} data-entity-id={row.id}>
              <th scope="row" class="name">
                {entityHref ? (
                  <a href={entityHref(row)}>
                    <bdi>{row.name}</bdi>
                  </a>
                ) : (
                  <bdi>{row.name}</bdi>
                )}
                {row.hidden && (
                  <>
                    {' '}
                    <span class="badge">{t('dashboard_hidden_badge')}</span>
                  </>
                )}
                {row.description && (
                  <div class="description" dir="auto">
                    {row.description}
                  </div>
                )}
              </th>
              <td>
                <span class={`swatch swatch-${row.type}`} aria-hidden="true" /> {TYPE_NAMES[row.type]}
              </td>
              <td>
                <Aliases aliases={row.aliases} />
              </td>
              <td class="source">{sourceLabel(row.sourceKind)}</td>
              <td class="actions">
                <button type="button" onClick={() => onEdit(row)} aria-label={t('dashboard_edit_label', row.name)}>
                  {t('dashboard_edit')}
                </button>
                <button
                  type="button"
                  onClick={() => onToggleHidden(row)}
                  aria-label={row.hidden ? t('dashboard_show_label', row.name) : t('dashboard_hide_label', row.name)}
                >
                  {row.hidden ? t('dashboard_show') : t('dashboard_hide')}
                </button>
                <button type="button" onClick={() => onMerge(row)} aria-pressed={mergeTarget === row.id} aria-label={merge.label}>
                  {merge.text}
                </button>
                {row.sourceKind === 'discovered' && onPromote && (
                  <button type="button" onClick={() => onPromote(row)} aria-label={t('dashboard_keep_label', row.name)}>
                    {t('dashboard_keep')}
                  </button>
                )}
                {row.sourceKind === 'discovered' && onReject && (
                  <button
                    type="button"
                    class="danger"
                    onClick={() => onReject(row)}
                    aria-label={t('dashboard_reject_label', row.name)}
                  >
                    {t('dashboard_reject')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
