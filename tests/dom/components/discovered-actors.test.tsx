// @vitest-environment happy-dom
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { ActorList } from '../../../components/ActorList';
import { CustomTopics, parseKeywords } from '../../../components/CustomTopics';
import { EntityTable } from '../../../components/EntityTable';
import { TopicList } from '../../../components/TopicList';
import type { Actor, EntityRow } from '../../../lib/messaging/protocol';

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

function click(el: Element | null) {
  act(() => (el as HTMLElement).click());
}

function type(input: Element | null, value: string) {
  act(() => {
    (input as HTMLInputElement).value = value;
    input!.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const sayyari: Actor = {
  entityId: 'discovered:habibollah-sayyari',
  name: 'Habibollah Sayyari',
  type: 'person',
  mentions: 3,
  discovered: true,
};
const iran: Actor = { entityId: 'country:ir', name: 'Iran', type: 'place', mentions: 5 };
const buttonNamed = (el: Element, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === text) ?? null;

test('discovered actors are marked new and known ones are not', () => {
  const el = show(<ActorList actors={[sayyari, iran]} />);
  const marked = [...el.querySelectorAll('.actor')].map((li) => [
    li.querySelector('.actor-name')!.textContent,
    !!li.querySelector('.badge.new'),
  ]);
  expect(marked).toEqual([
    ['Habibollah Sayyari', true],
    ['Iran', false],
  ]);
  // Without a handler the panel offers no actions.
  expect(el.querySelector('button.more')).toBeNull();
});

test.each([
  ['Keep', { kind: 'promote' }],
  ['Not a name', { kind: 'reject' }],
])('“%s” on a discovered actor reports %o', (label, expected) => {
  const onAction = vi.fn();
  const el = show(<ActorList actors={[sayyari, iran]} onAction={onAction} />);
  expect(el.querySelectorAll('button.more')).toHaveLength(1);
  click(el.querySelector('button.more'));
  click(buttonNamed(el, label));
  expect(onAction).toHaveBeenCalledWith({ ...expected, actor: sayyari });
});

test('correcting a discovered actor reports its new name and type', () => {
  const onAction = vi.fn();
  const el = show(<ActorList actors={[sayyari, iran]} onAction={onAction} />);
  click(el.querySelector('button.more'));
  click(buttonNamed(el, 'Correct'));
  type(el.querySelector('form.edit input'), '  Habibollah Sayari ');
  act(() => {
    const select = el.querySelector('form.edit select') as HTMLSelectElement;
    select.value = 'organization';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  act(() => (el.querySelector('form.edit') as HTMLFormElement).requestSubmit());
  expect(onAction).toHaveBeenCalledWith({ kind: 'edit', actor: sayyari, name: 'Habibollah Sayari', type: 'organization' });
});

test('merging offers the page’s other actors and reports the one chosen', () => {
  const onAction = vi.fn();
  const el = show(<ActorList actors={[sayyari, iran]} onAction={onAction} />);
  click(el.querySelector('button.more'));
  click(buttonNamed(el, 'Merge'));
  expect([...el.querySelectorAll('form.merge option')].map((o) => o.textContent)).toEqual(['Iran']);
  act(() => (el.querySelector('form.merge') as HTMLFormElement).requestSubmit());
  expect(onAction).toHaveBeenCalledWith({ kind: 'merge', actor: sayyari, intoId: 'country:ir' });
});

test('topics show their matched terms, and page text stays text', () => {
  const el = show(
    <TopicList
      topics={[
        { id: 'humanitarian-aid', label: 'humanitarian aid', score: 3, terms: ['humanitarian', 'ICRC'] },
        { id: 'user-x', label: '<b>mine</b>', score: 1, terms: ['<img src=x>'], custom: true },
      ]}
    />,
  );
  const rows = [...el.querySelectorAll('.topic')].map((t) => [
    t.querySelector('.topic-label')!.textContent,
    t.querySelector('.topic-terms')!.textContent,
  ]);
  expect(rows).toEqual([
    ['humanitarian aid', 'humanitarian, ICRC'],
    ['<b>mine</b> yours', '<img src=x>'],
  ]);
  expect(el.querySelector('img, b')).toBeNull();
});

test('no topics, no section', () => {
  expect(show(<TopicList topics={[]} />).textContent).toBe('');
});

test.each([
  ['drone, UAV ,  Shahed', ['drone', 'UAV', 'Shahed']],
  ['drone\nUAV\n\ndrone', ['drone', 'UAV']],
  [' , ', []],
])('parseKeywords(%j)', (text, expected) => {
  expect(parseKeywords(text)).toEqual(expected);
});

test('a reader topic is added with its keywords, and removed', () => {
  const onChange = vi.fn();
  const el = show(<CustomTopics topics={[{ id: 'a', label: 'Ports', keywords: ['port'] }]} onChange={onChange} />);
  const [label, keywords] = [...el.querySelectorAll('form input')];
  expect(buttonNamed(el, 'Add topic')!.disabled).toBe(true);
  type(label!, 'Drones');
  type(keywords!, 'drone, UAV');
  act(() => (el.querySelector('form') as HTMLFormElement).requestSubmit());
  expect(onChange).toHaveBeenLastCalledWith([
    { id: 'a', label: 'Ports', keywords: ['port'] },
    expect.objectContaining({ label: 'Drones', keywords: ['drone', 'UAV'] }),
  ]);
  click(el.querySelector('button[aria-label="Remove topic Ports"]'));
  expect(onChange).toHaveBeenLastCalledWith([]);
});

test('the entity table offers keep and reject on discovered rows only', () => {
  const rows: EntityRow[] = [
    { id: 'd', name: 'Gilles Carbonnier', type: 'person', aliases: [], sourceKind: 'discovered' },
    { id: 'p', name: 'Iran', type: 'place', aliases: [], sourceKind: 'pack' },
  ];
  const onPromote = vi.fn();
  const onReject = vi.fn();
  const el = show(
    <EntityTable
      rows={rows}
      mergeTarget={null}
      onEdit={vi.fn()}
      onToggleHidden={vi.fn()}
      onMerge={vi.fn()}
      onPromote={onPromote}
      onReject={onReject}
    />,
  );
  const [discovered, pack] = [...el.querySelectorAll('tbody tr')];
  expect(buttonNamed(pack!, 'Keep')).toBeNull();
  expect(buttonNamed(pack!, 'Reject')).toBeNull();
  click(buttonNamed(discovered!, 'Keep'));
  click(buttonNamed(discovered!, 'Reject'));
  expect(onPromote).toHaveBeenCalledWith(rows[0]);
  expect(onReject).toHaveBeenCalledWith(rows[0]);
});
