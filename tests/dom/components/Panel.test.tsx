// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { Panel } from '../../../components/Panel';
import type { TabAnalysis } from '../../../lib/messaging/protocol';

const base: TabAnalysis = {
  status: 'article',
  url: 'https://x.test/a',
  title: 'A story',
  forced: false,
  meta: null,
  actors: [],
  topics: [],
};
let scratch: HTMLElement;

function show(props: Parameters<typeof Panel>[0]) {
  scratch = document.createElement('div');
  document.body.append(scratch);
  act(() => render(<Panel {...props} />, scratch));
  return scratch;
}

afterEach(() => {
  render(null, scratch);
  scratch.remove();
});

test('groups actors by type with their mention counts', () => {
  const el = show({
    analysis: {
      ...base,
      actors: [
        { entityId: 'p1', name: 'Habibollah Sayyari', type: 'person', mentions: 2 },
        { entityId: 'c1', name: 'Iran', type: 'place', mentions: 5 },
        { entityId: 'o1', name: 'ICRC', type: 'organization', mentions: 1 },
      ],
    },
  });
  const groups = [...el.querySelectorAll('.actor-group')].map((g) => [
    g.getAttribute('data-type'),
    [...g.querySelectorAll('.actor')].map(
      (a) => `${a.querySelector('.actor-name')!.textContent}:${a.querySelector('.mentions [aria-hidden]')!.textContent}`,
    ),
  ]);
  expect(groups).toEqual([
    ['person', ['Habibollah Sayyari:2']],
    ['organization', ['ICRC:1']],
    ['place', ['Iran:5']],
  ]);
  // The bare count is hidden from screen readers, which hear what it counts instead.
  expect(el.querySelector('.mentions .visually-hidden')!.textContent).toBe('Mentions: 2');
  expect(el.querySelector('.actor-group h3')!.textContent).toContain('People');
});

test('a page that is not an article offers to analyze it anyway', () => {
  const onAnalyzeAnyway = vi.fn();
  const el = show({ analysis: { ...base, status: 'not-article' }, onAnalyzeAnyway });
  const button = el.querySelector('button')!;
  expect(button.textContent).toBe('Analyze this page anyway');
  act(() => button.click());
  expect(onAnalyzeAnyway).toHaveBeenCalledOnce();
});

test('shows a skeleton, not a blank, while the analysis is pending, busy and named for screen readers', () => {
  const skeleton = show({ analysis: null }).querySelector('.skeleton[aria-busy="true"]');
  expect(skeleton!.getAttribute('aria-label')).toBe('Analyzing this page');
  render(null, scratch);
  expect(show({ analysis: { ...base, status: 'pending' } }).querySelector('.skeleton')).not.toBeNull();
});

test('unsupported pages and failures say why, politely', () => {
  expect(show({ analysis: { ...base, status: 'unsupported', reason: 'Browser page' } }).textContent).toBe(
    'Dramatis cannot run on this kind of page.',
  );
  render(null, scratch);
  expect(show({ analysis: base, error: 'No answer' }).querySelector('[role="status"]')!.textContent).toBe(
    'Analysis failed: No answer',
  );
  render(null, scratch);
  expect(show({ analysis: { ...base, status: 'failed' } }).textContent).toBe('Analysis failed: unknown error');
  expect(scratch.querySelector('[role="alert"], [aria-live="assertive"]')).toBeNull();
});

test('while analyzing on request, the button stays focusable and says so', () => {
  const onAnalyzeAnyway = vi.fn();
  const el = show({ analysis: { ...base, status: 'not-article' }, busy: true, onAnalyzeAnyway });
  const button = el.querySelector('button')!;
  expect(button.textContent).toBe('Analyzing…');
  expect(button.getAttribute('aria-disabled')).toBe('true');
  act(() => button.click());
  expect(onAnalyzeAnyway).not.toHaveBeenCalled();
});

test('page titles render as text, never as markup', () => {
  const el = show({ analysis: { ...base, title: '<img src=x onerror=alert(1)>' } });
  expect(el.querySelector('img')).toBeNull();
  expect(el.querySelector('.article-title')!.textContent).toBe('<img src=x onerror=alert(1)>');
});

test('an article the reading memory could not keep says why, politely, beside its actors', () => {
  const storeError = "The browser's storage for Dramatis is full, so this article could not be saved.";
  const panel = show({ analysis: { ...base, storeError } });
  expect(panel.querySelector('.store-error[role="status"]')!.textContent).toBe(storeError);
  expect(panel.querySelector('.article-title')!.textContent).toBe('A story');
  render(null, scratch);
  expect(show({ analysis: base }).querySelector('.store-error')).toBeNull();
});

test('a long list of actors shows its first rows at once and every row after a few frames', async () => {
  const actors = (['person', 'organization', 'place'] as const).flatMap((type) =>
    Array.from({ length: 40 }, (_, i) => ({ entityId: `${type}-${i}`, name: `${type} ${i}`, type, mentions: 40 - i })),
  );
  const el = show({ analysis: { ...base, actors } });
  const rows = () => [...el.querySelectorAll('li.actor')].map((li) => li.getAttribute('data-entity-id'));
  // The first frame: every group's heading with its full count, and the first rows in reading order.
  expect([...el.querySelectorAll('.actor-group .count')].map((c) => c.textContent)).toEqual(['40', '40', '40']);
  expect(rows()).toEqual(Array.from({ length: 10 }, (_, i) => `person-${i}`));
  // Then the rest, in later frames, without the reader doing anything.
  await vi.waitFor(() => expect(rows()).toHaveLength(120), { timeout: 3_000, interval: 20 });
  expect(rows().slice(38, 42)).toEqual(['person-38', 'person-39', 'organization-0', 'organization-1']);
});
