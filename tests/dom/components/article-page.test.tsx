// @vitest-environment happy-dom
/** The dashboard's article page: facts, original link, actors by type, topics, related with reasons, duplicates, delete after asking. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ArticleView, MessageName } from '../../../lib/messaging/protocol';
import { caspian, readiness, settle } from './memory-fixtures';

const sent: [MessageName, any][] = [];

const view: ArticleView = {
  ...caspian,
  text: 'Admiral Habibollah Sayyari said…',
  language: 'en',
  actors: [
    { entityId: 'person:s', name: 'Habibollah Sayyari', type: 'person', mentions: 3 },
    { entityId: 'country:ir', name: 'Iran', type: 'place', mentions: 4 },
    { entityId: 'place:caspian-sea', name: 'Caspian Sea', type: 'place', mentions: 2 },
  ],
  topics: [{ id: 'maritime', label: 'Maritime security', score: 0.8 }],
  related: [{ ...readiness, score: 3.2, reason: ['Habibollah Sayyari', 'maritime security'] }],
  duplicates: [
    { ...readiness, id: 'a3', url: 'https://mirror.example/caspian', title: 'Caspian navies (mirror)', site: 'mirror.example' },
  ],
};

vi.mock('../../../services/messaging', () => ({
  sendToBackground: vi.fn(async (name: MessageName, data: any) => {
    sent.push([name, data]);
    switch (name) {
      case 'bg:memory-article':
        return { article: data.id === 'a1' ? view : null };
      case 'bg:memory-delete':
        return { deleted: 1 };
      case 'bg:memory-status':
        return { settings: {}, articles: 0, bytesPerArticle: 0, sites: [], topics: [] };
      case 'bg:memory-search':
        return { hits: [], total: 0 };
      default:
        return {};
    }
  }),
}));

const { Dashboard } = await import('../../../entrypoints/options/Dashboard');

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
  vi.unstubAllGlobals();
});

async function open(hash: string) {
  history.replaceState(null, '', `/options.html${hash}`);
  await act(async () => render(<Dashboard />, scratch));
  await settle(() => scratch.querySelector('h2#view-heading'));
}

test('title, site, byline, dates and the original, opened apart from the dashboard', async () => {
  await open('#article=a1');
  expect(sent).toContainEqual(['bg:memory-article', { id: 'a1' }]);
  const page = scratch.querySelector('.article-page')!;
  expect(page.querySelector('h2')!.textContent).toBe(caspian.title);
  const facts = [...page.querySelectorAll('.facts dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling!.textContent}`);
  expect(facts[0]).toBe('Site: news.example');
  expect(facts[1]).toBe('By: A. Writer');
  expect(facts[2]).toMatch(/^Published: Nov 20, 2026$/);
  expect(facts[3]).toMatch(/^Read: Nov 26, 2026 \(2 visits\)$/);
  const original = page.querySelector<HTMLAnchorElement>('a[target="_blank"]')!;
  expect(original.getAttribute('href')).toBe(caspian.url);
  expect(original.rel).toBe('noopener noreferrer');
});

test('actors by type, each linking to its page; topics; related with reasons; duplicates', async () => {
  await open('#article=a1');
  const groups = [...scratch.querySelectorAll('.actor-group')].map((g) => [
    g.getAttribute('data-type'),
    [...g.querySelectorAll('a')].map((a) => a.getAttribute('href')),
  ]);
  expect(groups).toEqual([
    ['person', ['#actor=person%3As']],
    ['place', ['#actor=country%3Air', '#actor=place%3Acaspian-sea']],
  ]);
  expect(scratch.querySelector('.topic-label')!.textContent).toBe('Maritime security');
  const related = scratch.querySelector('.related li')!;
  expect(related.querySelector('a')!.getAttribute('href')).toBe('#article=a2');
  expect(related.querySelector('.reason')!.textContent).toBe('Shares Habibollah Sayyari, maritime security');
  expect(scratch.querySelector('#duplicates-heading')!.textContent).toBe('Same story elsewhere');
  expect(scratch.querySelector('.article-links a')!.getAttribute('href')).toBe('#article=a3');
});

test('deleting asks first, then deletes and returns to the articles with a notice', async () => {
  await open('#article=a1');
  const ask = vi.fn(() => false);
  vi.stubGlobal('confirm', ask);
  const button = scratch.querySelector<HTMLButtonElement>('.article-page button.danger')!;
  await act(async () => button.click());
  expect(ask).toHaveBeenCalledOnce();
  expect(sent.some(([n]) => n === 'bg:memory-delete')).toBe(false);
  ask.mockReturnValue(true);
  await act(async () => button.click());
  await settle(() => location.hash.startsWith('#search='));
  expect(sent).toContainEqual(['bg:memory-delete', { ids: ['a1'] }]);
  await settle(() => scratch.querySelector('.memory-notice')!.textContent === `Deleted “${caspian.title}”.`);
});

test('an unknown article says so', async () => {
  await open('#article=gone');
  expect(scratch.querySelector('h2#view-heading')!.textContent).toBe('This article is not stored.');
});
