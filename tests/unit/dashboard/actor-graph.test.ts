import { expect, test } from 'vitest';
import { concentricLevel, graphElements, graphNeighbours, graphStyle } from '../../../lib/dashboard/actor-graph';
import type { EntityMemory } from '../../../lib/messaging/protocol';
import { THEMES } from '../../../lib/ui/palette';

const graph: EntityMemory['graph'] = {
  nodes: [
    { id: 's', name: 'Habibollah Sayyari', type: 'person', articles: 4 },
    { id: 'x', name: 'Xiangshan Forum', type: 'event', articles: 2 },
    { id: 'i', name: 'Iran', type: 'place', articles: 8 },
  ],
  edges: [
    { source: 's', target: 'x', weight: 2 },
    { source: 'i', target: 's', weight: 3 },
    { source: 'x', target: 'gone', weight: 1 },
    { source: 's', target: 's', weight: 9 },
  ],
};

test('elements: every node, edges only between present nodes, the focus marked, sizes by articles', () => {
  const elements = graphElements(graph, 's');
  const nodes = elements.filter((e) => e.group === 'nodes');
  const edges = elements.filter((e) => e.group === 'edges');
  expect(nodes.map((n) => [n.data.id, n.data.label, n.data.focus])).toEqual([
    ['s', 'Habibollah Sayyari', 1],
    ['x', 'Xiangshan Forum', 0],
    ['i', 'Iran', 0],
  ]);
  expect(edges.map((e) => [e.data.source, e.data.target, e.data.weight])).toEqual([
    ['s', 'x', 2],
    ['i', 's', 3],
  ]);
  const size = (id: string) => nodes.find((n) => n.data.id === id)!.data.size as number;
  expect(size('i')).toBeGreaterThan(size('s'));
  expect(size('s')).toBeGreaterThan(size('x'));
});

test('neighbours: the other actors, most shared first, with the shared count', () => {
  expect(graphNeighbours(graph, 's').map((n) => [n.name, n.shared])).toEqual([
    ['Iran', 3],
    ['Xiangshan Forum', 2],
  ]);
});

test.each(['light', 'dark'] as const)('style in the %s theme takes the palette colours', (name) => {
  const theme = THEMES[name];
  const json = JSON.stringify(graphStyle(theme));
  for (const colour of [theme.person, theme.event, theme.accent, theme.fg, theme.border]) expect(json).toContain(colour);
});

test('the layout puts the focus alone in the middle', () => {
  expect(concentricLevel(1)).toBeGreaterThan(concentricLevel(0));
});
