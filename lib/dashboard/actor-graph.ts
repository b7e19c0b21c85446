/**
 * The entity page's network of co-occurring actors, as Cytoscape.js elements and style: the
 * entity in the middle, the actors most often read with it around it, edges weighted by the
 * articles naming both. Colours come from the theme (lib/ui/palette.ts), so the graph follows
 * the page's light or dark scheme.
 */
import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import type { EntityMemory } from '../messaging/protocol';
import type { Theme } from '../ui/palette';
import { ENTITY_TYPES } from '../entities/types';

type Graph = EntityMemory['graph'];

/** Node sizes in pixels: the least and the most mentioned actor. */
const SIZE = { min: 18, max: 44 } as const;

/** One co-occurring actor as the text alternative lists it. */
export interface GraphNeighbour {
  id: string;
  name: string;
  type: Graph['nodes'][number]['type'];
  /** Articles that name it. */
  articles: number;
  /** Articles naming both it and the entity of the page. */
  shared: number;
}

/**
 * The graph's elements: nodes sized by their articles, edges whose two ends are both present.
 * @example graphElements({ nodes: [{ id: 'a', name: 'A', type: 'person', articles: 2 }], edges: [] }, 'a')
 * // [{ group: 'nodes', data: { id: 'a', label: 'A', type: 'person', articles: 2, size: 44, focus: 1 } }]
 */
export function graphElements(graph: Graph, focusId: string): ElementDefinition[] {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const most = Math.max(1, ...graph.nodes.map((n) => n.articles));
  const nodes: ElementDefinition[] = graph.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: n.id,
      label: n.name,
      type: n.type,
      articles: n.articles,
      size: Math.round(SIZE.min + ((SIZE.max - SIZE.min) * Math.min(n.articles, most)) / most),
      focus: n.id === focusId ? 1 : 0,
    },
  }));
  const edges: ElementDefinition[] = graph.edges
    .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
    .map((e) => ({
      group: 'edges',
      data: { id: `${e.source}→${e.target}`, source: e.source, target: e.target, weight: e.weight },
    }));
  return [...nodes, ...edges];
}

/** The actors around the entity, with the articles each shares with it, most shared first. */
export function graphNeighbours(graph: Graph, focusId: string): GraphNeighbour[] {
  const shared = new Map<string, number>();
  for (const e of graph.edges) {
    if (e.source === focusId) shared.set(e.target, (shared.get(e.target) ?? 0) + e.weight);
    else if (e.target === focusId) shared.set(e.source, (shared.get(e.source) ?? 0) + e.weight);
  }
  return graph.nodes
    .filter((n) => n.id !== focusId)
    .map((n) => ({ id: n.id, name: n.name, type: n.type, articles: n.articles, shared: shared.get(n.id) ?? 0 }))
    .sort((a, b) => b.shared - a.shared || b.articles - a.articles || a.name.localeCompare(b.name));
}

/** The graph's style in a theme: type colours for nodes, the accent ring on the page's entity. */
export function graphStyle(theme: Theme): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        color: theme.fg,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-background-color': theme.bg,
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'border-width': 1,
        'border-color': theme.bg,
      },
    },
    ...ENTITY_TYPES.map((type) => ({ selector: `node[type = "${type}"]`, style: { 'background-color': theme[type] } })),
    { selector: 'node[focus = 1]', style: { 'border-width': 3, 'border-color': theme.accent, 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: {
        width: 'mapData(weight, 1, 10, 1, 6)',
        'line-color': theme.border,
        opacity: 0.7,
        'curve-style': 'straight',
      },
    },
  ];
}

/**
 * The concentric layout's ring of a node: the page's entity alone in the middle, every other
 * actor on the ring around it. Cytoscape's built-in `concentric` layout reads it.
 */
export function concentricLevel(focus: number): number {
  return focus ? 2 : 1;
}
