/**
 * The tab's actors grouped by type, most mentioned first within each group. Names discovered
 * while reading are marked "new" and, when the panel can act, offer the reader's corrections.
 */
import { useRef, useState } from 'preact/hooks';
import type { EntityType } from '../lib/entities/types';
import { ENTITY_TYPES } from '../lib/entities/types';
import type { Actor } from '../lib/messaging/protocol';
import { t } from '../services/i18n';
import { ActorActions, type ActorAction } from './ActorActions';
import { useProgressiveCount } from './progressive';

/** Group headings by type ("People"), read from the messages when used. */
export const TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  get person() {
    return t('type_person');
  },
  get organization() {
    return t('type_organization');
  },
  get place() {
    return t('type_place');
  },
  get group() {
    return t('type_group');
  },
  get event() {
    return t('type_event');
  },
};

/** The type of one entity ("Person"), read from the messages when used. */
export const TYPE_NAMES: Readonly<Record<EntityType, string>> = {
  get person() {
    return t('type_one_person');
  },
  get organization() {
    return t('type_one_organization');
  },
  get place() {
    return t('type_one_place');
  },
  get group() {
    return t('type_one_group');
  },
  get event() {
    return t('type_one_event');
  },
};

export function groupActors(actors: readonly Actor[]): [EntityType, Actor[]][] {
  return ENTITY_TYPES.map((type) => [type, actors.filter((a) => a.type === type)] as [EntityType, Actor[]]).filter(
    ([, list]) => list.length > 0,
  );
}

export interface ActorListProps {
  actors: readonly Actor[];
  /** Present when the reader may correct discovered names from here. */
  onAction?: (action: ActorAction) => void;
  /** Present when a click on a name should show its next mention on the page. */
  onReveal?: (entityId: string) => void;
}

interface ActorRowProps {
  actor: Actor;
  /** The saved actors of the page, this one included: what it may be merged into. */
  saved: readonly Actor[];
  onAction?: ActorListProps['onAction'];
  onReveal?: ActorListProps['onReveal'];
}

function ActorRow({ actor, saved, onAction, onReveal }: ActorRowProps) {
  const [open, setOpen] = useState(false);
  const more = useRef<HTMLButtonElement>(null);
  const canAct = actor.discovered && onAction;
  const actionsId = `actions-${actor.entityId.replace(/\s/g, '_')}`;
  const close = () => {
    setOpen(false);
    more.current?.focus();
  };
  return (
    <li class={`actor${actor.discovered ? ' discovered' : ''}`} data-entity-id={actor.entityId}>
      <div class="actor-row">
        {onReveal ? (
          <button
            type="button"
            class="actor-name reveal"
            dir="auto"
            title={t('panel_reveal_title', actor.name)}
            onClick={() => onReveal(actor.entityId)}
          >
            {actor.name}
          </button>
        ) : (
          <span class="actor-name" dir="auto">
            {actor.name}
          </span>
        )}
        {actor.discovered && (
          <span class="badge new" title={t('panel_new_title')}>
            {t('panel_new_badge')}
          </span>
        )}
        <span class="mentions" title={t('panel_mentions', actor.mentions)}>
          <span aria-hidden="true">{actor.mentions}</span>
          <span class="visually-hidden">{t('panel_mentions', actor.mentions)}</span>
        </span>
        {canAct && (
          <button
            type="button"
            class="more"
            ref={more}
            aria-expanded={open}
            aria-controls={open ? actionsId : undefined}
            aria-label={t('panel_more', actor.name)}
            title={t('panel_more', actor.name)}
            onClick={() => setOpen(!open)}
          >
            ⋯
          </button>
        )}
      </div>
      {canAct && open && (
        <ActorActions
          id={actionsId}
          actor={actor}
          others={saved.filter((a) => a.entityId !== actor.entityId)}
          onAction={onAction}
          onClose={close}
        />
      )}
    </li>
  );
}

export function ActorList({ actors, onAction, onReveal }: ActorListProps) {
  const groups = groupActors(actors);
  // The first rows in reading order are built for the first frame, the rest after it
  // (components/progressive.ts); every group's heading and count show at once.
  let left = useProgressiveCount(actors.length);
  if (actors.length === 0) return <p class="empty">{t('panel_no_actors')}</p>;
  const saved = actors.filter((a) => !a.unsaved);
  const rows = groups.map(([, list]) => {
    const shown = Math.min(list.length, left);
    left -= shown;
    return shown;
  });
  return (
    <div class="actor-groups">
      {groups.map(([type, list], g) => (
        <section class="actor-group" key={type} aria-labelledby={`group-${type}`} data-type={type}>
          <h3 id={`group-${type}`}>
            <span class={`swatch swatch-${type}`} aria-hidden="true" />
            {TYPE_LABELS[type]} <span class="count">{list.length}</span>
          </h3>
          <ul>
            {list.slice(0, rows[g]).map((actor) => (
              <ActorRow key={actor.entityId} actor={actor} saved={saved} onAction={onAction} onReveal={onReveal} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
