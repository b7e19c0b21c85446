// @vitest-environment happy-dom
/**
 * The popup shows the tab's analysis from two sources: the background's answers (`bg:get-tab`,
 * `bg:analyze-anyway`), each a read of the tab's record as it was, and the record's writes as
 * they land (`watchTab`). An answer that arrives after a newer write must not put the older
 * analysis back: the page would read "not an article" again after it was analyzed.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { MessageName, TabAnalysis } from '../../../lib/messaging/protocol';
import { writeTab } from '../../../services/tab-analyses';

const TAB = 5;
/** The background's answers, held until the test lets each go. */
const waiting = new Map<MessageName, (answer: TabAnalysis) => void>();

vi.mock('../../../services/messaging', () => ({
  sendToBackground: vi.fn(
    (name: MessageName) =>
      new Promise((resolve) => {
        waiting.set(name, resolve);
      }),
  ),
}));

const { App } = await import('../../../entrypoints/popup/App');

const base = { url: 'https://news.example/section', title: 'World', forced: false, meta: null, actors: [], topics: [] };
const notArticle: TabAnalysis = { ...base, status: 'not-article' };
const analyzed: TabAnalysis = {
  ...base,
  status: 'article',
  forced: true,
  actors: [{ entityId: 'c:ir', name: 'Iran', type: 'place', mentions: 2 }],
};

let scratch: HTMLElement;
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(check()).toBe(true);
};
const shows = (selector: string) => scratch.querySelector(selector) !== null;
async function answer(name: MessageName, analysis: TabAnalysis) {
  await until(() => waiting.has(name));
  const resolve = waiting.get(name)!;
  waiting.delete(name);
  await act(async () => resolve(analysis));
  await act(() => new Promise((r) => setTimeout(r, 20)));
}

beforeEach(async () => {
  fakeBrowser.reset();
  waiting.clear();
  history.replaceState(null, '', `/popup.html?tabId=${TAB}`);
  scratch = document.createElement('div');
  document.body.append(scratch);
  await act(() => render(<App />, scratch));
});
afterEach(() => {
  render(null, scratch);
  scratch.remove();
  history.replaceState(null, '', '/');
});

test('the opening answer, read before the analysis was written, does not replace it', async () => {
  await until(() => waiting.has('bg:get-tab'));
  await act(() => writeTab(TAB, analyzed));
  await until(() => shows('.actor-group[data-type="place"]'));
  await answer('bg:get-tab', notArticle);
  expect(shows('.not-article')).toBe(false);
  expect(shows('.actor-group[data-type="place"]')).toBe(true);
});

test('the opening answer is shown when nothing newer was written', async () => {
  await answer('bg:get-tab', notArticle);
  expect(shows('.not-article button')).toBe(true);
});

test('“analyze anyway”: an answer read before the forced analysis landed does not put the button back', async () => {
  await answer('bg:get-tab', notArticle);
  await act(() => (scratch.querySelector('.not-article button') as HTMLButtonElement).click());
  await until(() => waiting.has('bg:analyze-anyway'));
  await act(() => writeTab(TAB, analyzed));
  await until(() => shows('.actor-group[data-type="place"]'));
  await answer('bg:analyze-anyway', notArticle);
  expect(shows('.not-article')).toBe(false);
  expect(scratch.querySelector('.actor-group[data-type="place"] .actor-name')?.textContent).toBe('Iran');
});
