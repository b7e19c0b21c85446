/**
 * The actors read with the entity as a network (Cytoscape.js, dashboard only); a click on a
 * node opens that actor's page. The same actors follow as a list of links, which is how the
 * keyboard and screen readers reach them (a canvas has no focusable nodes).
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { graphElements, graphNeighbours, graphStyle } from '../lib/dashboard/actor-graph';
import type { EntityMemory } from '../lib/messaging/protocol';
import type { Theme } from '../lib/ui/palette';
import { t } from '../services/i18n';
import { TYPE_NAMES } from './ActorList';
import { drawGraph } from './graph-view';

export interface ActorGraphProps {
  graph: EntityMemory['graph'];
  focusId: string;
  entityName: string;
  theme: Theme;
  onOpen(id: string): void;
}

export function ActorGraph({ graph, focusId, entityName, theme, onOpen }: ActorGraphProps) {
  const box = useRef<HTMLDivElement>(null);
  const neighbours = useMemo(() => graphNeighbours(graph, focusId), [graph, focusId]);
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    if (neighbours.length === 0 || !box.current) return;
    const view = drawGraph(box.current, graphElements(graph, focusId), graphStyle(theme), (id) => open.current(id));
    return () => view.destroy();
  }, [graph, focusId, theme, neighbours.length]);

  if (neighbours.length === 0) return <p class="empty">{t('dashboard_graph_empty')}</p>;
  return (
    <figure class="graph" aria-labelledby="graph-caption">
      <figcaption id="graph-caption">{t('dashboard_graph_caption')}</figcaption>
      <div
        ref={box}
        class="graph-box"
        role="img"
        data-nodes={graph.nodes.length}
        aria-label={t('dashboard_graph_label', entityName, neighbours.length)}
      />
      <ul class="graph-list" aria-label={t('dashboard_graph_list', entityName)}>
        {neighbours.map((n) => (
          <li key={n.id} data-entity-id={n.id}>
            <span class={`swatch swatch-${n.type}`} aria-hidden="true" />{' '}
            <a href={`#actor=${encodeURIComponent(n.id)}`}>{n.name}</a>{' '}
            <span class="muted">{t('dashboard_graph_item', TYPE_NAMES[n.type], n.shared)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
