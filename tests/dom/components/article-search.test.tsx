// @vitest-environment happy-dom
/** The dashboard's article search: marked titles and snippets, debounced typing, filters, paging, deleting after asking. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { MemorySearchHit, MessageName } from '../../../lib/messaging/protocol';
import { caspian, go, readiness, settle, status } from './memory-fixtures';

const sent: [MessageName, any][] = [];
let total = 2;

const hits: MemorySearchHit[] = [
  {
    article: caspian,
    title: { text: caspian.title, marks: [[0, 7]], cutStart: false, cutEnd: false },
    snippet: { text: 'Admiral Habibollah Sayyari said the drills', marks: [[19, 26]], cutStart: true, cutEnd: true },
  },
  {
    article: readiness,
    title: { text: readiness.title, marks: [], cutStart: false, cutEnd: false },
    snippet: {
      text: 'Sayyari and Sayyari',
      marks: [
        [0, 7],
        [12, 19],
      ],
      cutStart: false,
      cutEnd: false,
    },
  },
];

vi.mock('../../../services/messaging', () => ({
  sendToBackground: vi.fn(async (name: MessageName, data: any) => {
    sent.push([name, data]);
    switch (name) {
      case 'bg:memory-status':
        return status;
      case 'bg:memory-search':
        return { hits, total };
      case 'bg:memory-delete':
        return { deleted: 1 };
      case 'bg:entity-get':
        return { entity: { id: data.id, name: 'Habibollah Sayyari', type: 'person', aliases: [] } };
      default:
        return {};
    }
  }),
}));

const { Dashboard } = await import('../../../entrypoints/options/Dashboard');

let scratch: HTMLElement;
beforeEach(() => {
  sent.length = 0;
  total = 2;
  scratch = document.createElement('div');
  document.body.append(scratch);
});
afterEach(() => {
  render(null, scratch);
  scratch.remove();
  history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});

const searches = () => sent.filter(([n]) => n === 'bg:memory-search').map(([, d]) => d);

async function open(hash: string) {
  history.replaceState(null, '', `/options.html${hash}`);
  await act(async () => render(<Dashboard />, scratch));
  await settle(() => scratch.querySelectorAll('li.result').length === 2);
}

function input(el: HTMLInputElement | HTMLSelectElement, value: string, type = 'input') {
  el.value = value;
  el.dispatchEvent(new Event(type, { bubbles: true }));
}

test('results link to their article pages, with the matched words as <mark> elements', async () => {
  await open('#search=Sayyari');
  expect(searches()[0]).toEqual({ query: 'Sayyari', filters: {}, offset: 0, limit: 20 });
  const [first, second] = [...scratch.querySelectorAll('li.result')];
  const link = first!.querySelector('h3 a')!;
  expect(link.getAttribute('href')).toBe('#article=a1');
  expect(link.textContent).toBe(caspian.title);
  expect([...link.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Caspian']);
  expect(first!.querySelector('.snippet')!.textContent).toBe('… Admiral Habibollah Sayyari said the drills …');
  expect([...first!.querySelectorAll('.snippet mark')].map((m) => m.textContent)).toEqual(['Sayyari']);
  expect([...second!.querySelectorAll('.snippet mark')].map((m) => m.textContent)).toEqual(['Sayyari', 'Sayyari']);
  // The nav marks the view the reader is on.
  expect(scratch.querySelector('nav.views a[aria-current="page"]')!.getAttribute('href')).toBe('#search=');
});

test('typing is debounced: one search for the words as they settle, kept in the hash', async () => {
  await open('#search=');
  const box = scratch.querySelector<HTMLInputElement>('input[type="search"]')!;
  sent.length = 0;
  await act(async () => {
    input(box, 'n');
    input(box, 'na');
    input(box, 'navy');
  });
  await settle(() => searches().length === 1);
  await new Promise((r) => setTimeout(r, 400));
  expect(searches()).toEqual([{ query: 'navy', filters: {}, offset: 0, limit: 20 }]);
  expect(location.hash).toBe('#search=navy');
});

test('filters: site, topic and read dates go to the background; a reversed range is flagged, not sent', async () => {
  await open('#search=');
  const [site, topic] = [...scratch.querySelectorAll('select')];
  expect([...site!.options].map((o) => o.value)).toEqual(['', 'news.example', 'other.example']);
  expect([...topic!.options].map((o) => o.textContent)).toEqual(['All topics', 'Maritime security']);
  await act(async () => input(site!, 'news.example', 'change'));
  await act(async () => input(topic!, 'maritime', 'change'));
  const [from, to] = [...scratch.querySelectorAll<HTMLInputElement>('input[type="date"]')];
  await act(async () => input(from!, '2026-11-01', 'change'));
  await act(async () => input(to!, '2026-11-30', 'change'));
  await settle(() => searches().at(-1)?.filters.to !== undefined);
  expect(searches().at(-1)).toEqual({
    query: '',
    filters: {
      site: 'news.example',
      topicId: 'maritime',
      from: new Date(2026, 10, 1).getTime(),
      to: new Date(2026, 11, 1).getTime(),
    },
    offset: 0,
    limit: 20,
  });
  sent.length = 0;
  await act(async () => input(from!, '2026-12-05', 'change'));
  await settle(() => scratch.querySelector('#date-range-error'));
  expect(from!.getAttribute('aria-invalid')).toBe('true');
  await new Promise((r) => setTimeout(r, 400));
  expect(searches()).toEqual([]);
});

test('the entity filter from an entity page shows its name and can be removed', async () => {
  await open('#search=&entity=person%3As');
  await settle(() => scratch.querySelector('.chip')?.textContent?.includes('Habibollah Sayyari'));
  expect(searches()[0].filters).toEqual({ entityId: 'person:s' });
  await act(async () => scratch.querySelector<HTMLButtonElement>('.chip button')!.click());
  expect(scratch.querySelector('.chip')).toBeNull();
  await settle(() => searches().at(-1)?.filters.entityId === undefined);
});

test('paging asks for the next page', async () => {
  total = 45;
  await open('#search=Sayyari');
  await settle(() => scratch.querySelector('.pager span')?.textContent === '1–20 of 45');
  const next = [...scratch.querySelectorAll<HTMLButtonElement>('.pager button')].find((b) => b.textContent === 'Next')!;
  await act(async () => next.click());
  await settle(() => searches().at(-1)?.offset === 20);
});

test('deleting an article asks first; declining changes nothing', async () => {
  await open('#search=Sayyari');
  const ask = vi.fn(() => false);
  vi.stubGlobal('confirm', ask);
  const button = scratch.querySelector<HTMLButtonElement>('li.result button.danger')!;
  expect(button.getAttribute('aria-label')).toBe(`Delete “${caspian.title}” from your articles`);
  await act(async () => button.click());
  expect(ask).toHaveBeenCalledWith(expect.stringContaining(caspian.title));
  expect(sent.some(([n]) => n === 'bg:memory-delete')).toBe(false);

  ask.mockReturnValue(true);
  const before = searches().length;
  await act(async () => button.click());
  await settle(() => scratch.querySelector('.memory-notice')?.textContent === `Deleted “${caspian.title}”.`);
  expect(sent).toContainEqual(['bg:memory-delete', { ids: ['a1'] }]);
  await settle(() => searches().length > before);
});

test('a link to another search starts over from its words', async () => {
  await open('#search=Sayyari');
  await go('#search=Caspian');
  await settle(() => searches().at(-1)?.query === 'Caspian');
  expect(scratch.querySelector<HTMLInputElement>('input[type="search"]')!.value).toBe('Caspian');
});
