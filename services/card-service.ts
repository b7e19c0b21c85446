/**
 * The background's side of the hover card: what the card shows of an entity painted on the
 * sender's page (`bg:card`), and what the reader does from it (`bg:card-action`). Both answer
 * only a tab's top frame, and only for entities painted on that tab (its stored analysis), so a
 * hostile page cannot read or change the knowledge base through its content script.
 */
import { browser } from 'wxt/browser';
import { nameKey, type EntityRepo } from '../lib/entities/repo';
import type { Entity } from '../lib/entities/types';
import type { Actor, CardAction, CardData } from '../lib/messaging/protocol';
import type { StoredEntity } from '../lib/store/db';
import type { FalseMatchRepo } from '../lib/store/false-matches';
import { regionName } from '../lib/ui/regions';
import { tabOf } from './background-service';
import type { KnowledgeBase } from './knowledge-base';
import type { ReadingMemory } from './reading-memory';
import { sendToTab, type Handlers, type Sender } from './messaging';
import { readTab } from './tab-analyses';

export interface CardServiceDeps {
  knowledgeBase: KnowledgeBase;
  repo: EntityRepo;
  falseMatches: FalseMatchRepo;
  /** The reader's history with the entity ("in 3 of your articles"); absent: none shown. */
  memory?: ReadingMemory;
  /** Opens an extension page in a new tab (the dashboard, for "edit"). */
  openTab?: (url: string) => Promise<unknown>;
  /** Asks the tab to analyze its page again after the knowledge base changed. */
  reanalyze?: (tabId: number) => Promise<unknown>;
}

/** The card's entity: the stored one when there is one, else what the page's analysis knows. */
export function cardDataOf(entity: Entity | undefined, actor: Actor, surface: string): CardData {
  const name = entity?.name ?? actor.name;
  const card: CardData = {
    entity: {
      id: actor.entityId,
      name,
      type: entity?.type ?? actor.type,
      ...(entity?.description ? { description: entity.description } : {}),
      ...(entity?.role ? { role: entity.role } : {}),
      ...(entity?.country ? { country: entity.country, countryName: regionName(entity.country) } : {}),
      ...(entity?.pinned ? { pinned: true } : {}),
      ...(isDiscovered(entity, actor) ? { discovered: true } : {}),
      ...(actor.unsaved ? { unsaved: true } : {}),
    },
    memory: null,
  };
  const matched = surface.trim();
  if (matched && nameKey(matched) !== nameKey(name)) card.matchedAs = matched;
  return card;
}

function isDiscovered(entity: Entity | undefined, actor: Actor): boolean {
  return entity ? entity.source?.kind === 'discovered' : Boolean(actor.discovered || actor.unsaved);
}

/** The model without the store's bookkeeping. */
function toEntity({ sourceKind: _s, edited: _e, updatedAt: _u, mergedIds: _m, ...entity }: StoredEntity): Entity {
  return entity;
}

/** Actions that change the knowledge base, after which the page is analyzed again. */
const CHANGES_PAGE: readonly CardAction[] = ['hide', 'not-here', 'pin', 'unpin', 'promote', 'reject'];

export function createCardService({
  knowledgeBase,
  repo,
  falseMatches,
  memory,
  openTab = (url) => browser.tabs.create({ url }),
  reanalyze = (tabId) => sendToTab(tabId, 'tab:reanalyze', {}),
}: CardServiceDeps) {
  /** The actor `entityId` as painted on the sender's tab; throws when it is not painted there. */
  async function paintedOn(sender: Sender, entityId: string) {
    const tabId = tabOf(sender);
    const analysis = await readTab(tabId);
    const actor = analysis?.actors.find((a) => a.entityId === entityId);
    if (!analysis || !actor) throw new Error('Not an actor of this page');
    return { tabId, actor, url: sender.url ?? analysis.url, articleId: analysis.articleId };
  }

  /** The entity as stored, or, for a discovery never stored, one built from the page's actor. */
  async function storedOrNew(actor: Actor): Promise<{ entity: Entity; stored: boolean }> {
    const stored = await repo.get(actor.entityId);
    if (stored) return { entity: toEntity(stored), stored: true };
    const entity: Entity = {
      id: actor.entityId,
      name: actor.name,
      type: actor.type,
      aliases: [],
      source: { kind: 'discovered' },
    };
    return { entity, stored: false };
  }

  async function apply(action: CardAction, actor: Actor, url: string): Promise<void> {
    const { entity, stored } = await storedOrNew(actor);
    const discovered = entity.source?.kind === 'discovered';
    switch (action) {
      case 'hide':
        return repo.put({ ...entity, hidden: true });
      case 'pin':
      case 'unpin':
        return repo.put({ ...entity, pinned: action === 'pin' });
      case 'promote':
        if (!discovered) throw new Error('Only a discovered name can be kept');
        return repo.put({ ...entity, source: { kind: 'user' } });
      case 'reject':
        if (!discovered) throw new Error('Only a discovered name can be rejected');
        return stored ? repo.reject(entity.id) : repo.rejectName(entity.name);
      case 'not-here':
        return falseMatches.add(url, entity.id);
      case 'edit':
        await openTab(browser.runtime.getURL(`/options.html#entity=${encodeURIComponent(entity.id)}`));
        return;
    }
  }

  const handlers: Handlers = {
    'bg:card': async ({ entityId, surface }, sender) => {
      const { actor, url, articleId } = await paintedOn(sender, entityId);
      const { entities } = await knowledgeBase.current();
      const card = cardDataOf(entities.get(entityId), actor, surface);
      if (memory) card.memory = await memory.cardMemory(entityId, url, articleId).catch(() => null);
      return card;
    },
    'bg:card-action': async ({ entityId, action }, sender) => {
      const { tabId, actor, url } = await paintedOn(sender, entityId);
      await apply(action, actor, url);
      if (CHANGES_PAGE.includes(action)) {
        if (action !== 'not-here') await knowledgeBase.reload();
        await reanalyze(tabId);
      }
      return { ok: true as const };
    },
  };
  return { handlers };
}
