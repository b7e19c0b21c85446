// @vitest-environment happy-dom
/**
 * The dashboard's entity page: who it is, the timeline (Chart.js) and the network (Cytoscape.js)
 * with their text alternatives, and its articles. Canvas does not draw in happy-dom, so the
 * drawing adapters are replaced here and their inputs checked; a node click opens that actor's page.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { EntityMemory, MessageName } from '../../../lib/messaging/protocol';
import { THEMES } from '../../../lib/ui/palette';
import { caspian, readiness, settle } from './memory-fixtures';

const sent: [MessageName, any][] = [];
const day = (d: number) => Date.UTC(2026, 10, d, 10);

const sayyari: EntityMemory = {
  entity: {
    id: 'person:s',
    name: 'Habibollah Sayyari',
    type: 'person',
    aliases: ['Habibullah Sayyari'],
    description: 'Deputy chief of the Iranian Army for Coordination',
  },
  mentions: [
    { articleId: 'a1', readAt: day(26), count: 3 },
    { articleId: 'a2', readAt: day(28), count: 2 },
  ],
  graph: {
    nodes: [
      { id: 'person:s', name: 'Habibollah Sayyari', type: 'person', articles: 2 },
      { id: 'country:ir', name: 'Iran', type: 'place', articles: 2 },
      { id: 'event:x', name: 'Xiangshan Security Forum', type: 'event', articles: 1 },
    ],
    edges: [
      { source: 'person:s', target: 'country:ir', weight: 2 },
      { source: 'person:s', target: 'event:x', weight: 1 },
    ],
  },
  articles: [readiness, caspian],
};

const iran: EntityMemory = {
  entity: { id: 'country:ir', name: 'Iran', type: 'place', aliases: [] },
  mentions: [],
  graph: { nodes: [], edges: [] },
  articles: [],
};

vi.mock('../../../services/messaging', () => ({
  sendToBackground: vi.fn(async (name: MessageName, data: any) => {
    sent.push([name, data]);
    if (name === 'bg:memory-entity') return data.id === 'person:s' ? sayyari : iran;
    return {};
  }),
}));

const charts: any[] = [];
const graphs: { elements: any[]; style: any; onOpen: (id: string) => void }[] = [];
vi.mock('../../../components/timeline-chart', () => ({
  drawTimeline: vi.fn((canvas: HTMLCanvasElement, data: unknown) => {
    charts.push({ canvas, data });
    return { destroy: vi.fn() };
  }),
}));
vi.mock('../../../components/graph-view', () => ({
  drawGraph: vi.fn((_box: HTMLElement, elements: any[], style: any, onOpen: (id: string) => void) => {
    graphs.push({ elements, style, onOpen });
    return { destroy: vi.fn() };
  }),
}));

const { Dashboard } = await import('../../../entrypoints/options/Dashboard');

let scratch: HTMLElement;
beforeEach(() => {
  sent.length = charts.length = graphs.length = 0;
  scratch = document.createElement('div');
  document.body.append(scratch);
});
afterEach(() => {
  render(null, scratch);
  scratch.remove();
  history.replaceState(null, '', '/');
});

async function open(hash: string) {
  history.replaceState(null, '', `/options.html${hash}`);
  await act(async () => render(<Dashboard />, scratch));
  await settle(() => scratch.querySelector('.entity-page'));
}

test('name, type, aliases and description, with links to edit and to search its articles', async () => {
  await open('#actor=person%3As');
  expect(sent).toContainEqual(['bg:memory-entity', { id: 'person:s' }]);
  const page = scratch.querySelector('.entity-page')!;
  expect(page.querySelector('h2')!.textContent).toBe('Habibollah Sayyari');
  expect(page.querySelector('.entity-type')!.textContent).toContain('Person');
  expect(page.querySelector('.aliases')!.textContent).toContain('Habibullah Sayyari');
  expect(page.querySelector('.description')!.textContent).toBe('Deputy chief of the Iranian Army for Coordination');
  const hrefs = [...page.querySelectorAll('p.row a')].map((a) => a.getAttribute('href'));
  expect(hrefs).toEqual(['#entity=person%3As', '#search=&entity=person%3As']);
});

test('the timeline is drawn on a labelled canvas, in the type colour, with the figures as a table', async () => {
  await open('#actor=person%3As');
  await settle(() => charts.length === 1);
  const { canvas, data } = charts[0];
  expect(canvas.getAttribute('role')).toBe('img');
  expect(canvas.getAttribute('aria-label')).toMatch(/Habibollah Sayyari mentioned 5 times over 3 periods/);
  expect(data.labels).toEqual(['2026-11-26', '2026-11-27', '2026-11-28']);
  expect(data.values).toEqual([3, 0, 2]);
  expect(data.color).toBe(THEMES.light.person);
  const rows = [...scratch.querySelectorAll('.timeline tbody tr')].map((r) => r.textContent);
  expect(rows).toEqual(['2026-11-2631', '2026-11-2821']);
  expect(scratch.querySelector('.timeline figcaption')!.textContent).toMatch(/per day/);
});

test('the network is drawn from the graph, listed for screen readers, and a node click opens its page', async () => {
  await open('#actor=person%3As');
  await settle(() => graphs.length === 1);
  const { elements, onOpen } = graphs[0]!;
  expect(elements.filter((e) => e.group === 'nodes')).toHaveLength(3);
  expect(elements.filter((e) => e.group === 'edges')).toHaveLength(2);
  const box = scratch.querySelector('.graph-box')!;
  expect(box.getAttribute('data-nodes')).toBe('3');
  expect(box.getAttribute('aria-label')).toMatch(/Habibollah Sayyari and 2 actors/);
  const items = [...scratch.querySelectorAll('.graph-list li')];
  expect(items.map((li) => li.querySelector('a')!.textContent)).toEqual(['Iran', 'Xiangshan Security Forum']);
  expect(items[0]!.querySelector('a')!.getAttribute('href')).toBe('#actor=country%3Air');
  expect(items[0]!.textContent).toContain('in 2 shared articles');

  await act(async () => onOpen('country:ir'));
  expect(location.hash).toBe('#actor=country%3Air');
  await settle(() => scratch.querySelector('.entity-page h2')?.textContent === 'Iran');
  expect(sent).toContainEqual(['bg:memory-entity', { id: 'country:ir' }]);
  // Iran has no stored mentions yet: the page says so instead of drawing empty figures.
  expect(scratch.querySelector('.entity-page')!.textContent).toContain('No mentions in your stored articles yet.');
});

test('the articles naming it link to their pages', async () => {
  await open('#actor=person%3As');
  const links = [...scratch.querySelectorAll('.entity-page .article-links a')];
  expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
    [readiness.title, '#article=a2'],
    [caspian.title, '#article=a1'],
  ]);
  expect(scratch.querySelector('#entity-articles-heading')!.textContent).toBe('Articles naming it (2)');
});
