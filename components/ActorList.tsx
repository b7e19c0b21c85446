/**
 * The tab's actors grouped by type, most mentioned first within each group. Names discovered
 * while reading are marked "new" and, when the panel can act, offer the reader's corrections.
 */
import { useState } from 'preact/hooks';
import type { EntityType } from '../lib/entities/types';
import { ENTITY_TYPES } from '../lib/entities/types';
import type { Actor } from '../lib/messaging/protocol';
import { ActorActions, type ActorAction } from './ActorActions';

export const TYPE_LABELS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  group: 'Groups',
  event: 'Events',
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
  others: readonly Actor[];
  onAction?: ActorListProps['onAction'];
  onReveal?: ActorListProps['onReveal'];
}

function ActorRow({ actor, others, onAction, onReveal }: ActorRowProps) {
  const [open, setOpen] = useState(false);
  const canAct = actor.discovered && onAction;
  return (
    <li class={`actor${actor.discovered ? ' discovered' : ''}`} data-entity-id={actor.entityId}>
      <div class="actor-row">
        {onReveal ? (
          <button
            type="button"
            class="actor-name reveal"
            title={`Show the next mention of ${actor.name} on the page`}
            onClick={() => onReveal(actor.entityId)}
          >
            {actor.name}
          </button>
        ) : (
          <span class="actor-name">{actor.name}</span>
        )}
        {actor.discovered && (
          <span class="badge new" title="Found while reading; not in your knowledge base’s sources">
            new
          </span>
        )}
        <span class="mentions" title={`${actor.mentions} mentions`}>
          {actor.mentions}
        </span>
        {canAct && (
          <button
            type="button"
            class="more"
            aria-expanded={open}
            aria-label={`Correct or keep ${actor.name}`}
            onClick={() => setOpen(!open)}
          >
            ⋯
          </button>
        )}
      </div>
      {canAct && open && <ActorActions actor={actor} others={others} onAction={onAction} />}
    </li>
  );
}

export function ActorList({ actors, onAction, onReveal }: ActorListProps) {
  if (actors.length === 0) return <p class="empty">No actors found on this page.</p>;
  return (
    <div class="actor-groups">
      {groupActors(actors).map(([type, list]) => (
        <section class="actor-group" key={type} aria-labelledby={`group-${type}`} data-type={type}>
          <h2 id={`group-${type}`}>
            <span class={`swatch swatch-${type}`} aria-hidden="true" />
            {TYPE_LABELS[type]} <span class="count">{list.length}</span>
          </h2>
          <ul>
            {list.map((actor) => (
              <ActorRow
                key={actor.entityId}
                actor={actor}
                others={actors.filter((a) => a.entityId !== actor.entityId && !a.unsaved)}
                onAction={onAction}
                onReveal={onReveal}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
