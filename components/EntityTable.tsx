/** The knowledge base as a table: names, types, aliases, source, and the row actions. */
import type { EntityRow } from '../lib/messaging/protocol';
import { TYPE_LABELS } from './ActorList';

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
}

const MAX_ALIASES_SHOWN = 6;

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

function mergeLabel(row: EntityRow, target: string | null): string {
  if (target === null) return 'Merge…';
  return target === row.id ? 'Cancel merge' : 'Merge into chosen';
}

export function EntityTable({ rows, mergeTarget, onEdit, onToggleHidden, onMerge, onPromote, onReject }: EntityTableProps) {
  if (rows.length === 0) return <p class="empty">No entity matches.</p>;
  return (
    <table class="entities">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Aliases</th>
          <th scope="col">Source</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} class={row.hidden ? 'hidden-entity' : undefined} data-entity-id={row.id}>
            <td class="name">
              {row.name}
              {row.description && <div class="description">{row.description}</div>}
            </td>
            <td>
              <span class={`swatch swatch-${row.type}`} aria-hidden="true" /> {TYPE_LABELS[row.type]}
            </td>
            <td>
              <Aliases aliases={row.aliases} />
            </td>
            <td class="source">{row.sourceKind}</td>
            <td class="actions">
              <button type="button" onClick={() => onEdit(row)} aria-label={`Edit ${row.name}`}>
                Edit
              </button>
              <button
                type="button"
                onClick={() => onToggleHidden(row)}
                aria-pressed={!!row.hidden}
                aria-label={`${row.hidden ? 'Show' : 'Hide'} ${row.name} everywhere`}
              >
                {row.hidden ? 'Show' : 'Hide'}
              </button>
              <button type="button" onClick={() => onMerge(row)} aria-label={`${mergeLabel(row, mergeTarget)}: ${row.name}`}>
                {mergeLabel(row, mergeTarget)}
              </button>
              {row.sourceKind === 'discovered' && onPromote && (
                <button type="button" onClick={() => onPromote(row)} aria-label={`Keep ${row.name} as your own entity`}>
                  Keep
                </button>
              )}
              {row.sourceKind === 'discovered' && onReject && (
                <button type="button" class="danger" onClick={() => onReject(row)} aria-label={`Reject ${row.name}: not a name`}>
                  Reject
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
