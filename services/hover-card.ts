/**
 * The hover card's behaviour in the page: hover intent (a short delay before opening, a grace
 * delay before closing so the pointer can cross from the name to the card), keyboard navigation
 * (focus moves into the card and back to the page on Escape), and the card's actions, which
 * count only when the reader really clicked (`event.isTrusted`). Every listener and timer is
 * owned by the content script's context.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TextBlock } from '../lib/article/types';
import { LIMITS, type CardAction, type CardData, type PaintSpan } from '../lib/messaging/protocol';
import { anchorRectOf } from '../lib/paint/card-position';
import { mentionAt, mentionsOf, sameMention, type Point } from '../lib/paint/hit-test';
import type { Mention } from '../lib/paint/navigator';
import { createCardView } from './card-ui';
import { t } from './i18n';
import { sendToBackground } from './messaging';

/** Pointer rest before the card opens: long enough that reading past a name does not open it. */
export const INTENT_MS = 250;
/** Pointer away before the card closes: time to cross the gap between the name and the card. */
export const GRACE_MS = 300;

/** Actions after which the name is no longer painted here: the card keeps only their outcome. */
const SETTLES: readonly CardAction[] = ['hide', 'not-here', 'reject'];

interface OpenCard {
  mention: Mention;
  data: CardData;
  point?: Point;
  status?: string;
  settled: boolean;
  busy: boolean;
  /** Where focus goes back to when a card opened by keyboard closes. */
  focusReturn: Element | null;
}

export interface HoverCard {
  /** The mentions painted now: what hovering hit-tests. */
  setMentions(blocks: readonly TextBlock[], spans: readonly PaintSpan[]): void;
  /** Opens the card of `mention`; with `focus` (keyboard navigation) focus moves into it. */
  openFor(mention: Mention, options: { focus: boolean; point?: Point }): Promise<void>;
  close(): void;
}

function withoutDiscovery({ discovered: _d, unsaved: _u, ...entity }: CardData['entity']): CardData['entity'] {
  return entity;
}

export function createHoverCard(ctx: ContentScriptContext, css: string): HoverCard {
  const view = createCardView(ctx, css);
  const registry = (CSS as unknown as { highlights?: unknown }).highlights;
  let painted: { blocks: readonly TextBlock[]; spans: readonly PaintSpan[] } = { blocks: [], spans: [] };
  let mentions: Mention[] | null = null;
  let current: OpenCard | null = null;
  let intent: { mention: Mention; timer: number } | null = null;
  let grace = 0;
  let frame = 0;
  let seq = 0;
  let pointer: { point: Point; target: EventTarget | null } | null = null;

  const cancelIntent = () => {
    if (intent) clearTimeout(intent.timer);
    intent = null;
  };
  const cancelGrace = () => {
    clearTimeout(grace);
    grace = 0;
  };
  function startGrace() {
    if (grace || !current || view.hasFocus()) return;
    grace = ctx.setTimeout(() => {
      grace = 0;
      if (!view.hasFocus()) close();
    }, GRACE_MS);
  }

  function anchor(): ReturnType<typeof anchorRectOf> {
    return current ? anchorRectOf([...current.mention.range.getClientRects()], current.point) : null;
  }

  function props() {
    const c = current!;
    return {
      data: c.data,
      status: c.status,
      settled: c.settled,
      busy: c.busy,
      onAction: (action: CardAction, event: Event) => void act(action, event),
      onClose: () => close(),
    };
  }

  async function act(action: CardAction, event: Event) {
    const c = current;
    // A page can script clicks on what it can reach; only the reader's own count.
    if (!event.isTrusted || !c || c.busy) return;
    c.busy = true;
    view.update(props());
    try {
      await sendToBackground('bg:card-action', { entityId: c.data.entity.id, action });
      c.status = t(`card_status_${action.replace('-', '_')}`);
      if (action === 'pin' || action === 'unpin') c.data = { ...c.data, entity: { ...c.data.entity, pinned: action === 'pin' } };
      if (action === 'promote') c.data = { ...c.data, entity: withoutDiscovery(c.data.entity) };
      if (SETTLES.includes(action)) c.settled = true;
    } catch {
      c.status = t('card_status_failed');
    }
    c.busy = false;
    if (current !== c) return;
    const hadFocus = view.hasFocus();
    view.update(props());
    // The pressed button is gone: keep the keyboard in the card, not at the top of the page.
    if (c.settled && hadFocus && !view.hasFocus()) view.focusCard();
  }

  async function openFor(mention: Mention, { focus, point }: { focus: boolean; point?: Point }) {
    const token = ++seq;
    cancelIntent();
    cancelGrace();
    const asked = sendToBackground('bg:card', {
      entityId: mention.span.entityId,
      surface: mention.range.toString().slice(0, LIMITS.field),
    });
    let data: CardData;
    try {
      data = await asked;
    } catch {
      return; // not an actor of this page (a name the article leaves ambiguous)
    }
    if (token !== seq || ctx.isInvalid) return;
    const focusReturn = focus ? (current?.focusReturn ?? document.activeElement) : (current?.focusReturn ?? null);
    current = { mention, data, point, settled: false, busy: false, focusReturn };
    await view.show(props(), anchor);
    if (focus && token === seq) view.focusFirst();
  }

  function close() {
    seq++;
    cancelIntent();
    cancelGrace();
    if (!current) return;
    const back = current.focusReturn;
    const hadFocus = view.hasFocus();
    current = null;
    view.hide();
    // Focus returns to the page, where it was before the keyboard opened the card.
    if (hadFocus && back instanceof HTMLElement && back.isConnected && back !== document.body)
      back.focus({ preventScroll: true });
  }

  function onPointerAt({ point, target }: { point: Point; target: EventTarget | null }) {
    if (view.isHost(target)) {
      cancelGrace();
      cancelIntent();
      return;
    }
    mentions ??= mentionsOf(document, painted.blocks, painted.spans);
    const hit = mentionAt(document, mentions, point, registry);
    if (hit && current && sameMention(hit, current.mention)) {
      cancelGrace();
      cancelIntent();
      return;
    }
    if (!hit) cancelIntent();
    else if (!sameMention(hit, intent?.mention ?? null)) {
      cancelIntent();
      intent = { mention: hit, timer: ctx.setTimeout(() => void openFor(hit, { focus: false, point }), INTENT_MS) };
    }
    startGrace();
  }

  ctx.addEventListener(document, 'pointermove', (e: PointerEvent) => {
    if (e.pointerType === 'touch' || (painted.spans.length === 0 && !current)) return;
    pointer = { point: { x: e.clientX, y: e.clientY }, target: e.target };
    frame ||= ctx.requestAnimationFrame(() => {
      frame = 0;
      if (pointer) onPointerAt(pointer);
    });
  });
  ctx.addEventListener(document.documentElement, 'pointerleave', () => {
    cancelIntent();
    startGrace();
  });
  ctx.addEventListener(document, 'keydown', (e: KeyboardEvent) => {
    if (e.key === 'Escape' && current) close();
  });
  ctx.addEventListener(window, 'scroll', () => current && view.reposition(), { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', () => current && view.reposition(), { passive: true });
  ctx.addEventListener(window, 'wxt:locationchange', close);
  ctx.addEventListener(window, 'pagehide', close);
  ctx.onInvalidated(() => {
    cancelIntent();
    cancelGrace();
    current = null;
  });

  return {
    setMentions(blocks, spans) {
      painted = { blocks, spans };
      mentions = null;
      cancelIntent();
      // A name no longer painted (highlighting turned off) takes its card with it, unless the card
      // is showing what the reader is doing or just did about it (the page is repainted first).
      const c = current;
      if (c && !c.busy && !c.settled && !spans.some((s) => sameMention({ span: s, range: c.mention.range }, c.mention))) close();
    },
    openFor,
    close,
  };
}
