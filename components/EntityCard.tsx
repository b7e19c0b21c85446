/**
 * The hover card: what the reader knows of a name in the article, and what they can do about it.
 * Presentational: props in, JSX out; it reports actions and does nothing itself.
 *
 * A non-modal `dialog` (WAI-ARIA APG), not a `tooltip`: it holds buttons and links, which a
 * tooltip may not, and keyboard navigation moves focus into it. Status changes ("Hidden
 * everywhere") go to a polite `status` region that exists from the first render, so they are
 * announced once, without interrupting.
 */
import { Fragment, type Ref } from 'preact';
import type { CardAction, CardData } from '../lib/messaging/protocol';
import { t } from '../services/i18n';
import { Message } from './Bidi';

export interface EntityCardProps {
  data: CardData;
  /** The last action's outcome, announced politely. */
  status?: string;
  /** The entity is no longer painted here (hidden, rejected, not this one): only the status stays. */
  settled?: boolean;
  /** An action is under way: buttons wait. */
  busy?: boolean;
  /** Called with the DOM event, so the caller can refuse synthetic (untrusted) clicks. */
  onAction: (action: CardAction, event: Event) => void;
  onClose: () => void;
  rootRef?: Ref<HTMLDivElement>;
}

const TITLE_ID = 'dramatis-card-title';

/** Only web addresses become links: a stored URL is page-supplied text. */
export function safeHref(url: string): string | undefined {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The buttons the card offers for `entity`, in the order they are shown. */
export function actionsFor(entity: CardData['entity']): CardAction[] {
  const own: CardAction[] = entity.discovered ? ['promote', 'reject'] : [];
  const manage: CardAction[] = [entity.pinned ? 'unpin' : 'pin', 'not-here', 'hide'];
  // A discovery never stored has no dashboard row to edit yet.
  return [...own, ...manage, ...(entity.unsaved ? [] : (['edit'] as CardAction[]))];
}

const ACTION_LABEL: Record<CardAction, string> = {
  promote: 'card_action_promote',
  reject: 'card_action_reject',
  pin: 'card_action_pin',
  unpin: 'card_action_unpin',
  'not-here': 'card_action_not_here',
  hide: 'card_action_hide',
  edit: 'card_action_edit',
};

function Memory({ memory }: { memory: NonNullable<CardData['memory']> }) {
  return (
    <section class="memory">
      <p class="memory-count">
        {memory.lastReadDay ? t('card_memory', memory.articles, memory.lastReadDay) : t('card_memory_count', memory.articles)}
      </p>
      {memory.recent.length > 0 && (
        <>
          <h3>{t('card_recent')}</h3>
          <ul class="recent">
            {memory.recent.slice(0, 3).map((a) => (
              <li key={a.url}>
                <a href={safeHref(a.url)} target="_blank" rel="noopener noreferrer" dir="auto">
                  {a.title || a.url}
                </a>{' '}
                <span class="muted">{a.day}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {memory.coActors.length > 0 && (
        <>
          <h3>{t('card_co_actors')}</h3>
          <ul class="co-actors">
            {memory.coActors.slice(0, 5).map((c) => (
              <li key={c.entityId} class={`co-actor type-${c.type}`} aria-label={t('card_co_actor_count', c.name, c.count)}>
                <span class="swatch" aria-hidden="true" />
                <bdi>{c.name}</bdi> <span class="muted">{c.count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function EntityCard({ data, status, settled, busy, onAction, onClose, rootRef }: EntityCardProps) {
  const { entity, matchedAs, memory } = data;
  const country = entity.countryName ?? entity.country;
  // A country's own card need not say which country it is in.
  const details = [entity.role, country !== entity.name && country].filter((d): d is string => Boolean(d));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    onClose();
  };
  return (
    <div
      ref={rootRef}
      class={`card type-${entity.type}${entity.discovered ? ' discovered' : ''}`}
      role="dialog"
      aria-labelledby={TITLE_ID}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div class="head">
        <p class="kind">
          <span class="swatch" aria-hidden="true" />
          <span class="type">{t(`type_one_${entity.type}`)}</span>
          {entity.discovered && <span class="badge">{t('card_new')}</span>}
        </p>
        <button type="button" class="close" aria-label={t('card_close')} title={t('card_close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <h2 id={TITLE_ID} class="name" dir="auto">
        {entity.name}
      </h2>
      {matchedAs && (
        <p class="matched-as">
          <Message id="card_matched_as" args={[matchedAs]} />
        </p>
      )}
      {entity.description && (
        <p class="description" dir="auto">
          {entity.description}
        </p>
      )}
      {details.length > 0 && (
        <p class="details">
          {details.map((d, i) => (
            <Fragment key={i}>
              {i > 0 && ' · '}
              <bdi>{d}</bdi>
            </Fragment>
          ))}
        </p>
      )}
      {entity.unsaved && <p class="note">{t('card_unsaved')}</p>}
      {memory && <Memory memory={memory} />}
      {!settled && (
        <div class="actions" role="group" aria-label={t('card_actions')}>
          {actionsFor(entity).map((action) => (
            <button
              // Pin and unpin are one button: it keeps focus when it flips.
              key={action === 'unpin' ? 'pin' : action}
              type="button"
              class={`action action-${action}`}
              // Not `disabled`: that would drop the focus of the button just pressed.
              aria-disabled={busy ? 'true' : undefined}
              onClick={(e) => !busy && onAction(action, e)}
            >
              {t(ACTION_LABEL[action])}
            </button>
          ))}
        </div>
      )}
      <p class="status" role="status">
        {status ?? ''}
      </p>
    </div>
  );
}
