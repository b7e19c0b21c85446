// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test } from 'vitest';
import { formatDay } from '../../../lib/ui/dates';
import { Panel } from '../../../components/Panel';
import { RelatedList } from '../../../components/RelatedList';
import type { RelatedLink, TabAnalysis } from '../../../lib/messaging/protocol';

const caspian: RelatedLink = {
  id: 'a:1',
  url: 'https://www.tehrantimes.com/news/1/caspian',
  title: 'Iran and Russia plan Caspian rescue drills',
  readAt: '2025-06-01T09:00:00.000Z',
  site: 'Tehran Times',
  score: 3.2,
  reason: ['Habibollah Sayyari', 'Alexander Fomin', 'maritime security'],
};
let scratch: HTMLElement;

function show(node: preact.ComponentChild) {
  scratch = document.createElement('div');
  document.body.append(scratch);
  act(() => render(node, scratch));
  return scratch;
}

afterEach(() => {
  render(null, scratch);
  scratch.remove();
});

test('each related article: its title links the stored address in a new tab, with site, read date and reasons', () => {
  const el = show(<RelatedList related={[caspian, { ...caspian, id: 'a:2', title: '', reason: [] }]} />);
  expect(el.querySelector('h3')?.textContent).toBe('Related in your reading');
  const items = [...el.querySelectorAll('.related-article')];
  expect(items).toHaveLength(2);
  const link = items[0]!.querySelector('a')!;
  expect(link.textContent).toBe(caspian.title);
  expect(link.getAttribute('href')).toBe(caspian.url);
  expect(link.getAttribute('target')).toBe('_blank');
  expect(link.getAttribute('rel')).toContain('noopener');
  expect(items[0]!.querySelector('.related-meta')?.textContent).toBe(`Tehran Times · read ${formatDay(caspian.readAt)}`);
  expect(items[0]!.querySelector('.related-reason')?.textContent).toBe(
    'shares Habibollah Sayyari, Alexander Fomin, maritime security',
  );
  // No title: the address stands in; no reasons: no empty "shares".
  expect(items[1]!.querySelector('a')?.textContent).toBe(caspian.url);
  expect(items[1]!.querySelector('.related-reason')).toBeNull();
});

test('a stored address that is not a web address is shown but never becomes a link target', () => {
  const el = show(<RelatedList related={[{ ...caspian, url: 'javascript:alert(1)' }]} />);
  expect(el.querySelector('a')?.hasAttribute('href')).toBe(false);
});

test('page-supplied titles stay text', () => {
  const el = show(<RelatedList related={[{ ...caspian, title: '<img src=x onerror=alert(1)>' }]} />);
  expect(el.querySelector('img')).toBeNull();
  expect(el.querySelector('a')?.textContent).toBe('<img src=x onerror=alert(1)>');
});

test('nothing at all when there is nothing related', () => {
  expect(show(<RelatedList related={[]} />).innerHTML).toBe('');
});

test('the panel shows the related articles under the topics', () => {
  const analysis: TabAnalysis = {
    status: 'article',
    url: 'https://x.test/a',
    title: 'A story',
    forced: false,
    meta: null,
    actors: [{ entityId: 'p1', name: 'Habibollah Sayyari', type: 'person', mentions: 2 }],
    topics: [{ id: 'maritime-security', label: 'maritime security', score: 4, terms: ['navy'] }],
    articleId: 'a:9',
    related: [caspian],
  };
  const el = show(<Panel analysis={analysis} />);
  const related = el.querySelector('.related')!;
  expect(related.previousElementSibling?.classList.contains('topics')).toBe(true);
  expect(related.querySelector('a')?.getAttribute('href')).toBe(caspian.url);
});
