/**
 * The hover card's host: a CLOSED shadow root (WXT `createShadowRootUi`), created on first use
 * and put in the page only while the card shows, so the page's scripts can neither style nor read
 * what the card says of the reader's history. Renders `EntityCard` with Preact and keeps it
 * beside its name, inside the viewport.
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { EntityCard, type EntityCardProps } from '../components/EntityCard';
import { placeCard } from '../lib/paint/card-position';
import type { RectLike } from '../lib/paint/hit-test';

export const CARD_HOST = 'dramatis-card';

export interface CardView {
  /** Renders the card (mounting its host when hidden) and places it beside `anchor()`. */
  show(props: EntityCardProps, anchor: () => RectLike | null): Promise<void>;
  /** Renders new props in place. */
  update(props: EntityCardProps): void;
  /** Places the card again (after a scroll or a resize). */
  reposition(): void;
  hide(): void;
  isShown(): boolean;
  /** True for the card's host: where events from inside the card are retargeted to. */
  isHost(target: EventTarget | null): boolean;
  /** True when the keyboard focus is inside the card. */
  hasFocus(): boolean;
  /** Focuses the first action (keyboard navigation), else the card itself. */
  focusFirst(): void;
  focusCard(): void;
}

export function createCardView(ctx: ContentScriptContext, css: string): CardView {
  let ui: Promise<ShadowRootContentScriptUi<void>> | null = null;
  let shown: ShadowRootContentScriptUi<void> | null = null;
  let anchorOf: () => RectLike | null = () => null;

  function create() {
    ui ??= createShadowRootUi(ctx, {
      name: CARD_HOST,
      mode: 'closed',
      position: 'inline',
      css,
      // Keys typed in the card are not the page's shortcuts.
      isolateEvents: true,
      onMount: () => undefined,
      onRemove: () => {
        if (shown) render(null, shown.uiContainer);
      },
    });
    return ui;
  }

  const cardOf = () => shown?.uiContainer.querySelector<HTMLElement>('.card') ?? null;

  function reposition() {
    const card = cardOf();
    const anchor = anchorOf();
    if (!card || !anchor) return;
    const { width, height } = card.getBoundingClientRect();
    const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
    const { top, left } = placeCard(anchor, { width, height }, viewport);
    card.style.top = `${top}px`;
    card.style.left = `${left}px`;
    card.dataset.placed = '';
  }

  return {
    async show(props, anchor) {
      const next = await create();
      if (ctx.isInvalid) return;
      anchorOf = anchor;
      if (!shown) {
        next.mount();
        shown = next;
      }
      render(h(EntityCard, props), next.uiContainer);
      reposition();
    },
    update(props) {
      if (!shown) return;
      render(h(EntityCard, props), shown.uiContainer);
      reposition();
    },
    reposition,
    hide() {
      if (!shown) return;
      shown.remove();
      shown = null;
    },
    isShown: () => shown !== null,
    isHost: (target) => shown !== null && target === shown.shadowHost,
    hasFocus: () => shown !== null && shown.shadow.activeElement !== null,
    focusFirst() {
      const first = cardOf()?.querySelector<HTMLElement>('.actions button');
      (first ?? cardOf())?.focus({ preventScroll: true });
    },
    focusCard() {
      cardOf()?.focus({ preventScroll: true });
    },
  };
}
