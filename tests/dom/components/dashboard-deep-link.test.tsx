// @vitest-environment happy-dom
/** `options.html#entity=<id>` (the hover card's "edit") opens that entity in the dashboard's editor. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Entity } from '../../../lib/entities/types';
import type { MessageName } from '../../../lib/messaging/protocol';

const iran: Entity = { id: 'country:ir', name: 'Iran', type: 'place', aliases: ['Persia'], source: { kind: 'pack' } };
const sent: [MessageName, unknown][] = [];

vi.mock('../../../services/messaging', () => ({
  sendToBackground: vi.fn(async (name: MessageName, data: { id?: string }) => {
    sent.push([name, data]);
    switch (name) {
      case 'bg:entity-get':
        return { entity: data.id === iran.id ? iran : null };
      case 'bg:topics-get':
        return { topics: [] };
      case 'bg:entities-query':
        return { rows: [], total: 0, byType: {}, bySource: {} };
      default:
        return {};
    }
  }),
}));

const { Dashboard } = await import('../../../entrypoints/options/Dashboard');
const { entityIdFromHash } = await import('../../../entrypoints/options/deep-link');

let scratch: HTMLElement;
beforeEach(() => {
  sent.length = 0;
  scratch = document.createElement('div');
  document.body.append(scratch);
});
afterEach(() => {
  render(null, scratch);
  scratch.remove();
  history.replaceState(null, '', '/');
});

async function settle(check: () => unknown) {
  await vi.waitFor(async () => {
    await act(async () => {});
    expect(check()).toBeTruthy();
  });
}

test.each([
  ['#entity=country%3Air', 'country:ir'],
  ['#entity=country:ir', 'country:ir'],
  ['#other=1', null],
  ['', null],
])('entityIdFromHash(%j)', (hash, expected) => {
  expect(entityIdFromHash(hash)).toBe(expected);
});

test('the hash opens the entity in the editor, asked of the background by id', async () => {
  history.replaceState(null, '', `/options.html#entity=${encodeURIComponent(iran.id)}`);
  await act(async () => render(<Dashboard />, scratch));
  await settle(() => scratch.querySelector('form.editor'));
  expect(sent).toContainEqual(['bg:entity-get', { id: 'country:ir' }]);
  const form = scratch.querySelector('form.editor')!;
  expect(form.getAttribute('aria-label')).toBe('Edit Iran');
  expect((form.querySelector('input') as HTMLInputElement).value).toBe('Iran');
  expect((form.querySelector('textarea') as HTMLTextAreaElement).value).toBe('Persia');
  // Closing the editor drops the hash, so a reload does not reopen it.
  act(() => [...form.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click());
  expect(scratch.querySelector('form.editor')).toBeNull();
  expect(location.hash).toBe('');
});

test('an unknown id says so in the status line instead', async () => {
  history.replaceState(null, '', '/options.html#entity=nobody');
  await act(async () => render(<Dashboard />, scratch));
  await settle(() => scratch.querySelector('[role="status"]')?.textContent);
  expect(scratch.querySelector('[role="status"]')!.textContent).toBe('No entity with the id nobody.');
  expect(scratch.querySelector('form.editor')).toBeNull();
});
