/** The tab's actors grouped by type, most mentioned first within each group. */
import type { EntityType } from '../lib/entities/types';
import { ENTITY_TYPES } from '../lib/entities/types';
import type { Actor } from '../lib/messaging/protocol';

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

export function ActorList({ actors }: { actors: readonly Actor[] }) {
  if (actors.length === 0) return <p class="empty">No known actors on this page yet.</p>;
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
              <li key={actor.entityId} class="actor" data-entity-id={actor.entityId}>
                <span class="actor-name">{actor.name}</span>
                <span class="mentions" title={`${actor.mentions} mentions`}>
                  {actor.mentions}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
