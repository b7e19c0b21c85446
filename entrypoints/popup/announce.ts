/**
 * What the popup says to screen readers, politely and once: the actors found when an analysis
 * arrives, and the outcome of the reader's own actions. Nothing on live re-analyses that change
 * nothing for the reader: readers found Hypothesis's frequent announcements jarring
 * (hypothesis/product-backlog#1423), and its adder announces only on first show
 * (hypothesis/client#4780).
 */
import type { ActorAction } from '../../components/ActorActions';
import type { TabAnalysis } from '../../lib/messaging/protocol';
import { t } from '../../services/i18n';

/** The announcement for a new analysis of the tab, or null when there is nothing new to say. */
export function announceAnalysis(previous: TabAnalysis | null, next: TabAnalysis | null): string | null {
  if (next?.status !== 'article' || previous?.status === 'article') return null;
  return t('panel_announce_actors', next.actors.length);
}

/** The announcement once the reader's action is done. */
export function announceAction(action: ActorAction): string {
  switch (action.kind) {
    case 'promote':
      return t('panel_announce_kept', action.actor.name);
    case 'reject':
      return t('panel_announce_rejected', action.actor.name);
    case 'edit':
      return t('panel_announce_corrected', action.name);
    case 'merge':
      return t('panel_announce_merged', action.actor.name);
  }
}
