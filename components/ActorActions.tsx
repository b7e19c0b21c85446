/**
 * What the reader can do with a discovered name, from the panel: keep it (it becomes their own
 * entity), correct its name or type, say it is another actor of the page, or reject it (never
 * proposed again). Presentational: it reports the chosen action and does nothing itself.
 */
import { useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '../lib/entities/types';
import type { Actor } from '../lib/messaging/protocol';

export type ActorAction =
  | { kind: 'promote'; actor: Actor }
  | { kind: 'reject'; actor: Actor }
  | { kind: 'edit'; actor: Actor; name: string; type: EntityType }
  | { kind: 'merge'; actor: Actor; intoId: string };

export interface ActorActionsProps {
  actor: Actor;
  /** The page's other actors: what this one may be merged into. */
  others: readonly Actor[];
  onAction: (action: ActorAction) => void;
}

export function ActorActions({ actor, others, onAction }: ActorActionsProps) {
  const [mode, setMode] = useState<'menu' | 'edit' | 'merge'>('menu');
  const [name, setName] = useState(actor.name);
  const [type, setType] = useState<EntityType>(actor.type);
  const [intoId, setIntoId] = useState(others[0]?.entityId ?? '');

  if (mode === 'edit')
    return (
      <form
        class="actor-actions edit"
        aria-label={`Correct ${actor.name}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onAction({ kind: 'edit', actor, name: name.trim(), type });
        }}
      >
        <label>
          Name <input value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Type{' '}
          <select value={type} onChange={(e) => setType(e.currentTarget.value as EntityType)}>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Save</button>
        <button type="button" onClick={() => setMode('menu')}>
          Cancel
        </button>
      </form>
    );
  if (mode === 'merge')
    return (
      <form
        class="actor-actions merge"
        aria-label={`Merge ${actor.name}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (intoId) onAction({ kind: 'merge', actor, intoId });
        }}
      >
        <label>
          Same as{' '}
          <select value={intoId} onChange={(e) => setIntoId(e.currentTarget.value)}>
            {others.map((o) => (
              <option key={o.entityId} value={o.entityId}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!intoId}>
          Merge
        </button>
        <button type="button" onClick={() => setMode('menu')}>
          Cancel
        </button>
      </form>
    );
  return (
    <div class="actor-actions" role="group" aria-label={`Actions for ${actor.name}`}>
      <button type="button" onClick={() => onAction({ kind: 'promote', actor })}>
        Keep
      </button>
      <button type="button" onClick={() => setMode('edit')}>
        Correct
      </button>
      {others.length > 0 && (
        <button type="button" onClick={() => setMode('merge')}>
          Merge
        </button>
      )}
      <button type="button" class="danger" onClick={() => onAction({ kind: 'reject', actor })}>
        Not a name
      </button>
    </div>
  );
}
