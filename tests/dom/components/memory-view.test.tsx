// @vitest-environment happy-dom
/**
 * The dashboard's memory and backup view: usage and persistence, settings checked before they
 * are sent, the export assembled from its parts into one downloaded file, a refused import
 * shown with the background's message, and the confirmations before anything is lost.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { MemoryStatus, MessageName } from '../../../lib/messaging/protocol';
import { settle, status } from './memory-fixtures';

const sent: [MessageName, any][] = [];
let current: MemoryStatus;
const BACKUP = '{"format":"dramatis-backup","version":1,"articles":[]}';

vi.mock('../../../services/messaging', () => ({
  sendToBackground: vi.fn(async (name: MessageName, data: any) => {
    sent.push([name, data]);
    switch (name) {
      case 'bg:memory-status':
        return current;
      case 'bg:memory-settings':
        current = { ...current, settings: data };
        return current;
      case 'bg:backup-export':
        return { token: 'x1', part: BACKUP.slice(data.offset, data.offset + 16), total: BACKUP.length };
      case 'bg:backup-import':
        if (data.part.includes('damaged')) throw new Error('articles[0].url: not a string');
        return data.done ? { token: 'i1', restored: { entities: 4, articles: 2 } } : { token: 'i1' };
      case 'bg:memory-clear':
        current = { ...current, articles: 0 };
        return { ok: true };
      default:
        return {};
    }
  }),
}));

const { Dashboard } = await import('../../../entrypoints/options/Dashboard');

let scratch: HTMLElement;
const persist = vi.fn(async () => true);
beforeEach(() => {
  sent.length = 0;
  current = status;
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { persist, estimate: async () => ({ usage: 3 * 1024 * 1024, quota: 2 * 1024 ** 3 }) },
  });
  scratch = document.createElement('div');
  document.body.append(scratch);
});
afterEach(() => {
  render(null, scratch);
  scratch.remove();
  history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});

async function open() {
  history.replaceState(null, '', '/options.html#memory');
  await act(async () => render(<Dashboard />, scratch));
  await settle(() => scratch.querySelector('.settings-form') && scratch.querySelector('.usage')?.textContent?.includes('GB'));
}

const sentOf = (name: MessageName) => sent.filter(([n]) => n === name).map(([, d]) => d);
const click = (el: Element) => act(async () => (el as HTMLElement).click());
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
function radio(value: string) {
  const input = scratch.querySelector<HTMLInputElement>(`input[name="retention"][value="${value}"]`)!;
  input.checked = true;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
const submit = () => click(scratch.querySelector('.settings-form button[type="submit"]')!);

test('usage, quota and persistence; persistent storage is asked for when the dashboard opens', async () => {
  await open();
  expect(persist).toHaveBeenCalled();
  const usage = scratch.querySelector('.usage')!.textContent!;
  expect(usage).toContain('2, about 5.9 kB each');
  expect(usage).toContain('3 MB of 2 GB');
  expect(scratch.querySelector('.persistence')!.textContent).toBe('Yes: the browser will not clear it to free space');
});

test('retention is checked before anything is sent', async () => {
  await open();
  await act(async () => radio('days'));
  const amount = scratch.querySelector<HTMLInputElement>('input[name="retention-amount"]')!;
  await act(async () => type(amount, '0'));
  await submit();
  expect(scratch.querySelector('#retention-error')!.textContent).toBe('Enter a number from 1 to 36500.');
  expect(amount.getAttribute('aria-invalid')).toBe('true');
  await act(async () => type(amount, '1.5'));
  await submit();
  expect(scratch.querySelector('#retention-error')!.textContent).toBe('Enter a whole number.');
  expect(sentOf('bg:memory-settings')).toEqual([]);

  await act(async () => type(amount, '30'));
  await submit();
  await settle(() => sentOf('bg:memory-settings').length === 1);
  expect(sentOf('bg:memory-settings')[0]).toEqual({
    retention: { kind: 'days', days: 30 },
    storePrivate: false,
    excludedSites: ['bank.example'],
  });
  await settle(() => scratch.querySelector('.memory-notice')!.textContent === 'Settings saved.');
});

test('private windows are off by default; excluded sites are read as host names, a bad one refused', async () => {
  await open();
  const toggle = scratch.querySelector<HTMLInputElement>('input[role="switch"]')!;
  expect(toggle.checked).toBe(false);
  const sites = scratch.querySelector<HTMLTextAreaElement>('textarea[name="excluded-sites"]')!;
  expect(sites.value).toBe('bank.example');
  await act(async () => type(sites, 'bank.example\nnot a site'));
  await submit();
  expect(scratch.querySelector('#sites-error')!.textContent).toBe('“not a site” is not a site name.');
  expect(sentOf('bg:memory-settings')).toEqual([]);
  await act(async () => type(sites, 'https://www.Mail.example/inbox\nbank.example'));
  await click(toggle);
  await submit();
  await settle(() => sentOf('bg:memory-settings').length === 1);
  expect(sentOf('bg:memory-settings')[0]).toEqual({
    retention: { kind: 'all' },
    storePrivate: true,
    excludedSites: ['mail.example', 'bank.example'],
  });
});

test('export assembles the parts into one JSON file offered as a download', async () => {
  await open();
  const blobs: Blob[] = [];
  vi.stubGlobal(
    'URL',
    Object.assign(URL, { createObjectURL: vi.fn((b: Blob) => (blobs.push(b), 'blob:x')), revokeObjectURL: vi.fn() }),
  );
  const clicked: HTMLAnchorElement[] = [];
  const anchorClick = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  await click(scratch.querySelector('button.export-backup')!);
  await settle(() => blobs.length === 1);
  expect(sentOf('bg:backup-export')).toEqual([
    { offset: 0 },
    { token: 'x1', offset: 16 },
    { token: 'x1', offset: 32 },
    { token: 'x1', offset: 48 },
  ]);
  expect(await blobs[0]!.text()).toBe(BACKUP);
  expect(blobs[0]!.type).toBe('application/json');
  expect(clicked[0]!.download).toMatch(/^dramatis-backup-\d{4}-\d\d-\d\d\.json$/);
  expect(clicked[0]!.href).toBe('blob:x');
  anchorClick.mockRestore();
});

async function importFile(text: string, name = 'backup.json') {
  const input = scratch.querySelector<HTMLInputElement>('input.backup-file')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
}

test('a refused backup shows the background’s message and nothing else happens', async () => {
  await open();
  await importFile('{"damaged": true', 'broken.json');
  await settle(() => scratch.querySelector('.backup-status.failed'));
  expect(scratch.querySelector('.backup-status')!.textContent).toBe(
    'broken.json was not imported, nothing changed: articles[0].url: not a string',
  );
  expect(scratch.querySelector('.usage')!.textContent).toContain('2, about');
});

test('merge imports at once; replace asks first, and declining sends nothing', async () => {
  await open();
  await importFile(BACKUP);
  await settle(() => scratch.querySelector('.backup-status.done'));
  expect(scratch.querySelector('.backup-status')!.textContent).toBe('Imported backup.json: 4 entities and 2 articles.');
  expect(sentOf('bg:backup-import')).toEqual([{ part: BACKUP, done: true, mode: 'merge' }]);

  const ask = vi.fn(() => false);
  vi.stubGlobal('confirm', ask);
  const replace = scratch.querySelectorAll<HTMLInputElement>('input[name="backup-mode"]')[1]!;
  replace.checked = true;
  await act(async () => void replace.dispatchEvent(new Event('change', { bubbles: true })));
  sent.length = 0;
  await importFile(BACKUP);
  expect(ask).toHaveBeenCalledWith(
    expect.stringMatching(/^Replace all your entities, articles and settings with backup\.json\?/),
  );
  expect(sentOf('bg:backup-import')).toEqual([]);
  ask.mockReturnValue(true);
  await importFile(BACKUP);
  await settle(() => sentOf('bg:backup-import').length === 1);
  expect(sentOf('bg:backup-import')[0].mode).toBe('replace');
});

test('deleting all articles asks first', async () => {
  await open();
  const ask = vi.fn(() => false);
  vi.stubGlobal('confirm', ask);
  const button = scratch.querySelector<HTMLButtonElement>('button.clear-all')!;
  expect(button.textContent).toBe('Delete all 2 articles…');
  await click(button);
  expect(ask).toHaveBeenCalledWith('Delete all 2 stored articles? Your entities and settings stay. This cannot be undone.');
  expect(sentOf('bg:memory-clear')).toEqual([]);
  ask.mockReturnValue(true);
  await click(button);
  await settle(() => sentOf('bg:memory-clear').length === 1);
  expect(sentOf('bg:memory-clear')[0]).toEqual({ confirm: 'delete-all-articles' });
  await settle(() => scratch.querySelector<HTMLButtonElement>('button.clear-all')!.disabled);
  expect(scratch.querySelector('.memory-notice')!.textContent).toBe('Deleted 2 articles.');
});
