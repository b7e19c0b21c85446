/**
 * What the reader can do with a discovered name, from the panel: keep it (it becomes their own
 * entity), correct its name or type, say it is another actor of the page, or reject it (never
 * proposed again). Presentational: it reports the chosen action and does nothing itself.
 * Keyboard: each view takes focus when it opens; Escape closes the actions.
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '../lib/entities/types';
import type { Actor } from '../lib/messaging/protocol';
import { t } from '../services/i18n';
import { TYPE_NAMES } from './ActorList';

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
  /** Escape: close the actions (the opener takes focus back). */
  onClose?: () => void;
  id?: string;
}

type Mode = 'menu' | 'edit' | 'merge';

export function ActorActions({ actor, others, onAction, onClose, id }: ActorActionsProps) {
  const [mode, setMode] = useState<Mode>('menu');
  const [name, setName] = useState(actor.name);
  const [type, setType] = useState<EntityType>(actor.type);
  const [intoId, setIntoId] = useState(others[0]?.entityId ?? '');
  const root = useRef<HTMLElement>(null);
  const switched = useRef(false);

  // Moving between the menu and a form removes the focused button: focus the new view's first
  // control, so the keyboard never falls back to the top of the page. Not on first open.
  useEffect(() => {
    if (switched.current) root.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, [mode]);
  const go = (next: Mode) => {
    switched.current = true;
    setMode(next);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !onClose) return;
    e.preventDefault();
    onClose();
  };

  if (mode === 'edit')
    return (
      <form
        id={id}
        ref={root as Ref<HTMLFormElement>}
        class="actor-actions edit"
        aria-label={t('panel_correct_form', actor.name)}
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onAction({ kind: 'edit', actor, name: name.trim(), type });
        }}
      >
        <label>
          {t('common_name')} <input value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('common_type')}{' '}
          <select value={type} onChange={(e) => setType(e.currentTarget.value as EntityType)}>
            {ENTITY_TYPES.map((option) => (
              <option key={option} value={option}>
                {TYPE_NAMES[option]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('common_save')}</button>
        <button type="button" onClick={() => go('menu')}>
          {t('common_cancel')}
        </button>
      </form>
    );
  if (mode === 'merge')
    return (
      <form
        id={id}
        ref={root as Ref<HTMLFormElement>}
        class="actor-actions merge"
        aria-label={t('panel_merge_form', actor.name)}
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          if (intoId) onAction({ kind: 'merge', actor, intoId });
        }}
      >
        <label>
          {t('panel_same_as')}{' '}
          <select value={intoId} onChange={(e) => setIntoId(e.currentTarget.value)}>
            {others.map((o) => (
              <option key={o.entityId} value={o.entityId}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!intoId}>
          {t('panel_merge')}
        </button>
        <button type="button" onClick={() => go('menu')}>
          {t('common_cancel')}
        </button>
      </form>
    );
  return (
    <div
      id={id}
      ref={root as Ref<HTMLDivElement>}
      class="actor-actions"
      role="group"
      aria-label={t('panel_actions_group', actor.name)}
      onKeyDown={onKeyDown}
    >
      <button type="button" onClick={() => onAction({ kind: 'promote', actor })}>
        {t('panel_keep')}
      </button>
      <button type="button" onClick={() => go('edit')}>
        {t('panel_correct')}
      </button>
      {others.length > 0 && (
        <button type="button" onClick={() => go('merge')}>
          {t('panel_merge')}
        </button>
      )}
      <button type="button" class="danger" onClick={() => onAction({ kind: 'reject', actor })}>
        {t('panel_not_a_name')}
      </button>
    </div>
  );
}
