// @vitest-environment happy-dom
/** Keyboard paths through the panel's actions and the dashboard's editor: focus goes where the reader is. */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { ActorList } from '../../../components/ActorList';
import { EntityEditor } from '../../../components/EntityEditor';
import type { Actor } from '../../../lib/messaging/protocol';

let scratch: HTMLElement;
afterEach(() => {
  render(null, scratch);
  scratch.remove();
});

function show(node: ComponentChild): HTMLElement {
  scratch = document.createElement('div');
  document.body.append(scratch);
  act(() => render(node, scratch));
  return scratch;
}

const fomin: Actor = { entityId: 'discovered:fomin', name: 'Alexander Fomin', type: 'person', mentions: 2, discovered: true };
const iran: Actor = { entityId: 'country:ir', name: 'Iran', type: 'place', mentions: 5 };
const button = (el: Element, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === text)!;

test('the ⋯ button is a named disclosure; a form takes focus, and Escape gives it back to ⋯', () => {
  const el = show(<ActorList actors={[fomin, iran]} onAction={vi.fn()} onReveal={vi.fn()} />);
  const more = el.querySelector<HTMLButtonElement>('button.more')!;
  expect(more.getAttribute('aria-label')).toBe('Correct or keep Alexander Fomin');
  expect(more.getAttribute('aria-expanded')).toBe('false');
  act(() => more.click());
  expect(more.getAttribute('aria-expanded')).toBe('true');
  const group = el.querySelector('[role="group"]')!;
  expect(group.getAttribute('aria-label')).toBe('Actions for Alexander Fomin');
  expect(more.getAttribute('aria-controls')).toBe(group.id);

  act(() => button(el, 'Correct').click());
  expect(document.activeElement).toBe(el.querySelector('form.edit input'));
  act(() => button(el, 'Cancel').click());
  expect(document.activeElement).toBe(button(el, 'Keep'));

  act(() => {
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  expect(el.querySelector('.actor-actions')).toBeNull();
  expect(document.activeElement).toBe(more);
});

test('reveal buttons say what they do', () => {
  const el = show(<ActorList actors={[iran]} onReveal={vi.fn()} />);
  expect(el.querySelector('button.reveal')!.getAttribute('title')).toBe('Show the next mention of Iran on the page');
});

test('the entity editor takes focus when it opens, is named, and Escape cancels', () => {
  const onCancel = vi.fn();
  const el = show(
    <EntityEditor entity={{ id: 'country:ir', name: 'Iran', type: 'place', aliases: [] }} onSave={vi.fn()} onCancel={onCancel} />,
  );
  const form = el.querySelector('form.editor')!;
  expect(form.getAttribute('aria-label')).toBe('Edit Iran');
  expect(document.activeElement).toBe(form.querySelector('input'));
  expect([...form.querySelectorAll('option')].map((o) => o.textContent)).toContain('Place');
  act(() => {
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  expect(onCancel).toHaveBeenCalledOnce();
});
