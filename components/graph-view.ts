/**
 * Draws the co-occurrence network with Cytoscape.js, loaded only by the dashboard's entity page.
 * Cytoscape's built-in `concentric` layout puts the entity in the middle and its actors on a
 * ring (deterministic, unlike a force layout, so the picture does not jump between visits);
 * no layout code of our own. A tap (click or touch) on a node opens that actor's page.
 */
import cytoscape, { type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { concentricLevel } from '../lib/dashboard/actor-graph';

export function drawGraph(
  container: HTMLElement,
  elements: ElementDefinition[],
  style: StylesheetJson,
  onOpen: (id: string) => void,
): { destroy(): void } {
  const cy = cytoscape({
    container,
    elements,
    style,
    layout: {
      name: 'concentric',
      concentric: (node) => concentricLevel(node.data('focus') as number),
      levelWidth: () => 1,
      minNodeSpacing: 28,
      animate: false,
    },
    boxSelectionEnabled: false,
    autoungrabify: true,
  });
  cy.on('tap', 'node', (event) => onOpen(event.target.id() as string));
  cy.on('mouseover', 'node', () => (container.style.cursor = 'pointer'));
  cy.on('mouseout', 'node', () => (container.style.cursor = ''));
  return { destroy: () => cy.destroy() };
}
