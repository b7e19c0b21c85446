// @vitest-environment happy-dom
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { actionsFor, EntityCard, safeHref, type EntityCardProps } from '../../../components/EntityCard';
import type { CardData } from '../../../lib/messaging/protocol';

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

const known: CardData = {
  entity: {
    id: 'org:irgc-navy',
    name: 'Islamic Republic of Iran Army',
    type: 'organization',
    description: 'The regular armed forces of Iran.',
    role: 'Armed forces',
    country: 'IR',
    countryName: 'Iran',
  },
  memory: null,
};
const discovered: CardData = {
  entity: { id: 'discovered:habibollah-sayyari', name: 'Habibollah Sayyari', type: 'person', discovered: true },
  matchedAs: 'Habibullah Sayyari',
  memory: null,
};
const unsaved: CardData = {
  entity: { id: 'discovered:alexander-fomin', name: 'Alexander Fomin', type: 'person', discovered: true, unsaved: true },
  memory: null,
};
const remembered: CardData = {
  ...known,
  memory: {
    articles: 4,
    lastReadAt: '2026-11-20T10:00:00.000Z',
    lastReadDay: 'Nov 20, 2026',
    recent: [
      { url: 'https://example.com/a', title: 'First story', readAt: '2026-11-20T10:00:00.000Z', day: 'Nov 20, 2026' },
      { url: 'https://example.com/b', title: 'Second story', readAt: '2026-11-18T10:00:00.000Z', day: 'Nov 18, 2026' },
      { url: 'javascript:alert(1)', title: 'Hostile link', readAt: '2026-11-17T10:00:00.000Z', day: 'Nov 17, 2026' },
      { url: 'https://example.com/d', title: 'Fourth story', readAt: '2026-11-10T10:00:00.000Z', day: 'Nov 10, 2026' },
    ],
    coActors: [{ entityId: 'country:ir', name: 'Iran', type: 'place', count: 3 }],
  },
};

function card(data: CardData, extra: Partial<EntityCardProps> = {}) {
  const onAction = vi.fn();
  const onClose = vi.fn();
  const el = show(<EntityCard data={data} onAction={onAction} onClose={onClose} {...extra} />);
  return { el, onAction, onClose, root: el.querySelector('.card')! };
}

const buttons = (el: Element) => [...el.querySelectorAll('.actions button')].map((b) => b.textContent);
const text = (el: Element, selector: string) => el.querySelector(selector)?.textContent ?? null;

test('a known entity: name, type, description, role and country, and the actions on it', () => {
  const { el, root } = card(known);
  expect(root.getAttribute('role')).toBe('dialog');
  expect(root.hasAttribute('aria-modal')).toBe(false);
  const title = el.querySelector(`#${root.getAttribute('aria-labelledby')}`);
  expect(title?.textContent).toBe('Islamic Republic of Iran Army');
  expect(text(el, '.type')).toBe('Organization');
  expect(root.classList.contains('type-organization')).toBe(true);
  expect(text(el, '.description')).toBe('The regular armed forces of Iran.');
  expect(text(el, '.details')).toBe('Armed forces · Iran');
  expect(el.querySelector('.matched-as')).toBeNull();
  expect(el.querySelector('.badge')).toBeNull();
  expect(buttons(el)).toEqual(['Pin to watchlist', 'Not this one here', 'Hide everywhere', 'Edit']);
  expect(el.querySelector('.actions')?.getAttribute('role')).toBe('group');
  expect(el.querySelector('.actions')?.getAttribute('aria-label')).toBe('Actions');
  expect(el.querySelector('button.close')?.getAttribute('aria-label')).toBe('Close');
  // The live region is there from the first render, empty, so a later status is announced.
  expect(el.querySelector('[role="status"]')?.textContent).toBe('');
});

test('a discovered name: marked new, says how the article spelled it, and can be kept or rejected', () => {
  const { el } = card(discovered);
  expect(text(el, '.badge')).toBe('new');
  expect(text(el, '.matched-as')).toBe('matched as “Habibullah Sayyari”');
  expect(buttons(el)).toEqual(['Keep', 'Not a name', 'Pin to watchlist', 'Not this one here', 'Hide everywhere', 'Edit']);
});

test('an unsaved discovery says it is not remembered and has no dashboard row to edit', () => {
  const { el } = card(unsaved);
  expect(text(el, '.note')).toBe('Found on this page only; not remembered yet.');
  expect(buttons(el)).not.toContain('Edit');
  expect(buttons(el)).toContain('Keep');
});

test('a pinned entity offers to unpin', () => {
  expect(actionsFor({ ...known.entity, pinned: true })).toEqual(['unpin', 'not-here', 'hide', 'edit']);
});

test('without reading memory the card shows no history at all', () => {
  const { el } = card(known);
  expect(el.querySelector('.memory')).toBeNull();
  expect(el.textContent).not.toMatch(/your articles|Recent articles|Often seen with/);
});

test('with reading memory: how often and when, the three most recent as links, who it is seen with', () => {
  const { el } = card(remembered);
  expect(text(el, '.memory-count')).toBe('In 4 of your articles, last on Nov 20, 2026');
  const links = [...el.querySelectorAll('.recent a')];
  expect([...el.querySelectorAll('.recent .muted')].map((d) => d.textContent)).toEqual([
    'Nov 20, 2026',
    'Nov 18, 2026',
    'Nov 17, 2026',
  ]);
  expect(links.map((a) => a.textContent)).toEqual(['First story', 'Second story', 'Hostile link']);
  expect(links[0]!.getAttribute('href')).toBe('https://example.com/a');
  expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
  // A stored address that is not a web address is never a link target.
  expect(links[2]!.hasAttribute('href')).toBe(false);
  const co = el.querySelector('.co-actor')!;
  expect(co.textContent).toContain('Iran');
  expect(co.getAttribute('aria-label')).toBe('Iran, in 3 articles');
  expect(co.classList.contains('type-place')).toBe(true);
});

test('memory without a date says only how often', () => {
  const { el } = card({
    ...remembered,
    memory: { ...remembered.memory!, lastReadAt: null, lastReadDay: null, recent: [], coActors: [] },
  });
  expect(text(el, '.memory-count')).toBe('In 4 of your articles');
  expect(el.querySelector('.recent')).toBeNull();
  expect(el.querySelector('.co-actors')).toBeNull();
});

test('hostile strings render as text, never as markup', () => {
  const hostile = '<img src=x onerror=alert(1)><b>bold</b>';
  const { el } = card({
    entity: { id: 'x', name: hostile, type: 'person', description: hostile, role: hostile },
    matchedAs: `${hostile}!`,
    memory: {
      articles: 1,
      lastReadAt: 'not a date',
      lastReadDay: 'not a date',
      recent: [{ url: 'https://example.com/x', title: hostile, readAt: 'nope', day: hostile }],
      coActors: [{ entityId: 'y', name: hostile, type: 'group', count: 1 }],
    },
  });
  expect(el.querySelector('img, b')).toBeNull();
  expect(text(el, '.name')).toBe(hostile);
  expect(text(el, '.description')).toBe(hostile);
  expect(text(el, '.recent a')).toBe(hostile);
  expect(text(el, '.recent .muted')).toBe(hostile);
  expect(text(el, '.memory-count')).toBe('In 1 of your articles, last on not a date');
});

test('actions and close are reported with their event; nothing happens while busy', () => {
  const { el, onAction, onClose } = card(discovered);
  act(() => (el.querySelector('.action-pin') as HTMLButtonElement).click());
  expect(onAction).toHaveBeenCalledWith('pin', expect.any(Event));
  act(() => (el.querySelector('button.close') as HTMLButtonElement).click());
  expect(onClose).toHaveBeenCalledTimes(1);

  const busy = card(discovered, { busy: true });
  const pin = busy.el.querySelector('.action-pin') as HTMLButtonElement;
  expect(pin.getAttribute('aria-disabled')).toBe('true');
  expect(pin.disabled).toBe(false); // stays focusable
  act(() => pin.click());
  expect(busy.onAction).not.toHaveBeenCalled();
});

test('Escape inside the card closes it', () => {
  const { root, onClose } = card(known);
  act(() => {
    root.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  expect(onClose).toHaveBeenCalledTimes(1);
});

test('after an action the status is announced; a settled card keeps only the outcome', () => {
  const { el } = card(known, { status: 'Hidden everywhere', settled: true });
  expect(text(el, '[role="status"]')).toBe('Hidden everywhere');
  expect(el.querySelector('.actions')).toBeNull();
  expect(text(el, '.name')).toBe('Islamic Republic of Iran Army');
});

test('safeHref keeps only web addresses', () => {
  expect(safeHref('https://a.example/x')).toBe('https://a.example/x');
  expect(safeHref('http://a.example/')).toBe('http://a.example/');
  expect(safeHref('javascript:alert(1)')).toBeUndefined();
  expect(safeHref('data:text/html,hi')).toBeUndefined();
  expect(safeHref('not a url')).toBeUndefined();
});
