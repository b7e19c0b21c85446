// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { parseAliasLines } from '../../../components/EntityEditor';
import { EntityTable } from '../../../components/EntityTable';
import type { EntityRow } from '../../../lib/messaging/protocol';

let scratch: HTMLElement;
afterEach(() => {
  render(null, scratch);
  scratch.remove();
});

const row: EntityRow = {
  id: 'x',
  name: '<img src=x onerror=alert(1)>',
  type: 'person',
  aliases: ['A', 'B'],
  sourceKind: 'import',
};

function show(props: Partial<Parameters<typeof EntityTable>[0]> = {}) {
  scratch = document.createElement('div');
  document.body.append(scratch);
  const handlers = { onEdit: vi.fn(), onToggleHidden: vi.fn(), onMerge: vi.fn() };
  act(() => render(<EntityTable rows={[row]} mergeTarget={null} {...handlers} {...props} />, scratch));
  return { el: scratch, ...handlers };
}

test('renders hostile names as text and wires each action to its row', () => {
  const { el, onEdit, onToggleHidden, onMerge } = show();
  expect(el.querySelector('img')).toBeNull();
  expect(el.querySelector('.name')!.textContent).toContain('<img src=x onerror=alert(1)>');
  const [edit, hide, merge] = [...el.querySelectorAll('button')];
  act(() => edit!.click());
  act(() => hide!.click());
  act(() => merge!.click());
  expect(onEdit).toHaveBeenCalledWith(row);
  expect(onToggleHidden).toHaveBeenCalledWith(row);
  expect(onMerge).toHaveBeenCalledWith(row);
});

test('the merge button says what it will do', () => {
  expect(show({ mergeTarget: 'x' }).el.textContent).toContain('Cancel merge');
  render(null, scratch);
  expect(show({ mergeTarget: 'y' }).el.textContent).toContain('Merge into chosen');
});

test.each([
  ['one per line, trimmed', ' Sayyari \nHabibullah Sayyari\n\n', 'Habibollah Sayyari', ['Sayyari', 'Habibullah Sayyari']],
  ['repeats and the name itself dropped', 'A\na\nName', 'Name', ['A']],
])('parseAliasLines: %s', (_label, text, name, expected) => {
  expect(parseAliasLines(text, name)).toEqual(expected);
});
